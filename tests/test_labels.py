"""German date labels for the chronology (timeline.lang.de.labels)."""

from datetime import date

import pytest

from timeline.lang.de.labels import date_label, day_span, format_date, month_name
from timeline.time.values import TimeValue

CASES = [
    # days, months, modifiers of position
    ("2024-06-19", "DATE", None, "19. Juni 2024"),
    ("2024-03-01", "DATE", None, "1. März 2024"),
    ("2024-06", "DATE", None, "Juni 2024"),
    ("2024-06", "DATE", "START", "Anfang Juni 2024"),
    ("2024-06", "DATE", "MID", "Mitte Juni 2024"),
    ("2024-06", "DATE", "END", "Ende Juni 2024"),
    ("2024", "DATE", "START", "Anfang 2024"),
    ("2024", "DATE", "END", "Ende 2024"),
    ("2024-06-19", "DATE", "START", "früh am 19. Juni 2024"),
    # ISO weeks and weekends
    ("2023-W37", "DATE", None, "11.–17. September 2023"),
    ("2023-W35", "DATE", None, "28. August – 3. September 2023"),
    ("2025-W01", "DATE", None, "30. Dezember 2024 – 5. Januar 2025"),
    ("2023-W37-WE", "DATE", None, "Wochenende 16./17. September 2023"),
    ("2023-W39-WE", "DATE", None, "Wochenende 30. September/1. Oktober 2023"),
    ("2022-W52-WE", "DATE", None, "Wochenende 31. Dezember 2022/1. Januar 2023"),
    ("2023-W37", "DATE", "START", "Anfang der Woche 11.–17. September 2023"),
    ("2024-W25-3", "DATE", None, "Mittwoch, 19. Juni 2024"),
    # ranges
    ("2023-09-10/2023-09-13", "DATE", None, "10.–13. September 2023"),
    ("2023-08-28/2023-09-03", "DATE", None, "28. August – 3. September 2023"),
    ("2024-12-30/2025-01-05", "DATE", None, "30. Dezember 2024 – 5. Januar 2025"),
    ("2023-05/2023-07", "DATE", None, "Mai–Juli 2023"),
    ("2023-11/2024-02", "DATE", None, "November 2023 – Februar 2024"),
    ("1950/1953", "DATE", None, "1950–1953"),
    ("2023-09-10/2023-09-13", "DATE", "APPROX", "etwa 10.–13. September 2023"),
    # quarters, halves, seasons
    ("2024-Q1", "DATE", None, "1. Quartal 2024"),
    ("2024-Q4", "DATE", "END", "Ende des 4. Quartals 2024"),
    ("2024-H1", "DATE", None, "1. Halbjahr 2024"),
    ("2024-H2", "DATE", "START", "Anfang des 2. Halbjahrs 2024"),
    ("2024-SP", "DATE", None, "Frühjahr 2024"),
    ("2024-SU", "DATE", None, "Sommer 2024"),
    ("2024-FA", "DATE", None, "Herbst 2024"),
    ("2023-WI", "DATE", None, "Winter 2023/24"),
    ("1999-WI", "DATE", None, "Winter 1999/2000"),
    ("2024-SU", "DATE", "START", "Anfang des Sommers 2024"),
    # years, decades, centuries
    ("2024", "DATE", None, "2024"),
    ("0800", "DATE", None, "800"),
    ("BC0044", "DATE", None, "44 v. Chr."),
    ("199", "DATE", None, "1990er Jahre"),
    ("200", "DATE", None, "2000er Jahre"),
    ("199", "DATE", "START", "Anfang der 1990er Jahre"),
    ("19", "DATE", None, "20. Jahrhundert"),
    ("20", "DATE", None, "21. Jahrhundert"),
    ("19", "DATE", "END", "Ende des 20. Jahrhunderts"),
    # times of day
    ("2024-06-19TMO", "TIME", None, "19. Juni 2024, morgens"),
    ("2024-06-19TMI", "TIME", None, "19. Juni 2024, mittags"),
    ("2024-06-19TAF", "TIME", None, "19. Juni 2024, nachmittags"),
    ("2024-06-19TEV", "TIME", None, "19. Juni 2024, abends"),
    ("2024-06-19TNI", "TIME", None, "19. Juni 2024, nachts"),
    ("2024-06-19TEV", "TIME", "START", "19. Juni 2024, am frühen Abend"),
    ("2024-06-19T12:30", "TIME", None, "19. Juni 2024, 12:30 Uhr"),
    ("2024-06-19T15", "TIME", None, "19. Juni 2024, 15 Uhr"),
    ("2024-06-19T15:00", "TIME", "APPROX", "19. Juni 2024, gegen 15:00 Uhr"),
    ("2024-06-19T15", "TIME", "APPROX", "19. Juni 2024, gegen 15 Uhr"),
    ("2024-06-19T12:30Z", "TIME", None, "19. Juni 2024, 12:30 Uhr UTC"),
    ("XXXX-XX-XXT15:00", "TIME", None, "15:00 Uhr"),
    # approximate, before, after
    ("2024-06-19", "DATE", "APPROX", "etwa 19. Juni 2024"),
    ("2024-06", "DATE", "APPROX", "etwa Juni 2024"),
    ("2024-06-19", "DATE", "BEFORE", "vor dem 19. Juni 2024"),
    ("2024-06-19", "DATE", "AFTER", "nach dem 19. Juni 2024"),
    ("2024", "DATE", "BEFORE", "vor 2024"),
    ("2024-06", "DATE", "AFTER", "nach Juni 2024"),
    ("2024-06-19", "DATE", "ON_OR_BEFORE", "bis zum 19. Juni 2024"),
    ("2024-06-19", "DATE", "ON_OR_AFTER", "ab dem 19. Juni 2024"),
    ("2023-W37", "DATE", "BEFORE", "vor der Woche 11.–17. September 2023"),
    ("199", "DATE", "AFTER", "nach den 1990er Jahren"),
    ("2024-06-19T15", "TIME", "BEFORE", "19. Juni 2024, vor 15 Uhr"),
    # vague references
    ("PRESENT_REF", "DATE", None, "derzeit"),
    ("PAST_REF", "DATE", None, "früher"),
    ("FUTURE_REF", "DATE", None, "künftig"),
    # unknown digits: best effort
    ("XXXX-06", "DATE", None, "Juni (Jahr unbekannt)"),
    ("XXXX-06-19", "DATE", None, "19. Juni (Jahr unbekannt)"),
    ("2024-06-XX", "DATE", None, "Juni 2024 (Tag unbekannt)"),
    ("XXXX-XX-XX", "DATE", None, "Datum unbekannt"),
    ("XXXX", "DATE", None, "Jahr unbekannt"),
    ("199X", "DATE", None, "1990er Jahre"),
    ("19XX", "DATE", None, "20. Jahrhundert"),
    ("XXXX-W37", "DATE", None, "Kalenderwoche 37 (Jahr unbekannt)"),
    ("XXXX-SU", "DATE", None, "Sommer (Jahr unbekannt)"),
    ("XXXX-06", "DATE", "END", "Ende Juni (Jahr unbekannt)"),
    # durations and sets
    ("P3D", "DURATION", None, "3 Tage"),
    ("P1M", "DURATION", "LESS_THAN", "weniger als 1 Monat"),
    ("PXY", "DURATION", None, "mehrere Jahre"),
    ("PT48H", "DURATION", None, "48 Stunden"),
    ("P1Y6M", "DURATION", None, "1 Jahr 6 Monate"),
    ("XXXX-WXX-1", "SET", None, "montags"),
    ("P1D", "SET", None, "täglich"),
    ("P1Y", "SET", None, "jährlich"),
    ("P2W", "SET", None, "alle 2 Wochen"),
]


@pytest.mark.parametrize("value,type_,mod,expected", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_date_label(value, type_, mod, expected):
    assert date_label(TimeValue(value, type=type_, mod=mod)) == expected


def test_set_with_frequency():
    assert date_label(TimeValue("P1D", type="SET", freq="2X")) == "2-mal pro Tag"


@pytest.mark.parametrize("value", ["garbage", "2024-13", "2024-02-30", "1X9X"])
def test_unreadable_values_come_back_as_they_are(value):
    assert date_label(TimeValue(value)) == value


def test_helpers():
    assert format_date(date(2024, 6, 24)) == "24. Juni 2024"
    assert month_name(3) == "März"
    assert day_span(date(2024, 6, 19), date(2024, 6, 19)) == "19. Juni 2024"
    assert day_span(date(2024, 6, 19), date(2024, 6, 21)) == "19.–21. Juni 2024"
