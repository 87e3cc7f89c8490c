"""The reference-time model on its own: which mention anchors which (timeline.time.reference)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.time.reference import ReferenceTime, Role
from timeline.time.values import TimeValue


def fed(*mentions) -> ReferenceTime:
    ref = ReferenceTime()
    for sentence, item in enumerate(mentions):
        value, role = item if isinstance(item, tuple) else (item, Role.STORY)
        ref.observe(TimeValue(value), role, sentence)
    return ref


def test_a_story_date_anchors_what_follows():
    ref = fed("1720-05-03")
    assert ref.last().value == "1720-05-03"
    assert ref.story_year() == 1720


def test_a_passing_year_anchors_nothing():
    ref = fed("1720-05-03", ("1725", Role.PASSING))
    assert ref.story_year() == 1720
    assert ref.last().value == "1720-05-03"


def test_passing_mentions_report_that_they_do_not_anchor():
    ref = ReferenceTime()
    assert ref.observe(TimeValue("1720"), Role.STORY) is True
    assert ref.observe(TimeValue("1683"), Role.PASSING) is False


def test_durations_references_and_unknown_digits_anchor_nothing():
    ref = fed("1809-05-02")
    for value, type_ in (("P3D", "DURATION"), ("FUTURE_REF", "DATE"), ("XXXX-05", "DATE"),
                         ("P1Y", "SET")):
        assert ref.observe(TimeValue(value, type_), Role.STORY) is False
    assert ref.last().value == "1809-05-02"


def test_decades_and_centuries_do_not_anchor_year_less_dates():
    ref = fed("1866-06", "186", "18")
    assert ref.story_year() == 1866


def test_last_prefers_a_recent_mention_as_fine_as_asked():
    ref = fed("1866-06-14", "1866")
    assert ref.last().value == "1866"
    assert ref.last("day").value == "1866-06-14"
    assert ref.last_day_sentence == 0


def test_a_bc_date_sets_the_era_until_an_ad_date_follows():
    ref = fed("BC0331")
    assert ref.bc_year == 331
    ref.observe(TimeValue("BC0331-10-01"))
    assert ref.bc_year == 331
    ref.observe(TimeValue("0009"))
    assert ref.bc_year is None


def test_a_passing_bc_year_keeps_the_era_of_the_story():
    ref = fed("1805", ("BC0490", Role.PASSING))
    assert ref.bc_year is None and ref.story_year() == 1805


def test_a_lent_year_wins_until_the_loan_ends():
    ref = fed("1702")
    ref.lend_year(1701)
    assert ref.story_year() == 1701
    ref.lend_year(None)
    assert ref.story_year() == 1702


@given(st.lists(st.tuples(st.integers(1000, 2099),
                         st.sampled_from([Role.STORY, Role.PASSING, Role.HEADING])), min_size=1))
def test_the_story_year_comes_from_the_latest_mention_that_is_not_passing(mentions):
    ref = fed(*((f"{year:04d}", role) for year, role in mentions))
    # a passing year anchors only while the story has no date yet
    anchoring = [year for k, (year, role) in enumerate(mentions)
                 if role is not Role.PASSING or k == 0]
    assert ref.story_year() == anchoring[-1]


def test_before_the_story_has_a_date_a_passing_year_starts_it():
    ref = ReferenceTime()
    ref.observe(TimeValue("2011-02-16T17:00", "TIME"), Role.STORY, 0)  # a header stamp
    ref.observe(TimeValue("1725"), Role.PASSING, 1)  # "Bis 1725 sollten alle Häfen ..."
    assert ref.story_year() == 1725
    ref.observe(TimeValue("1683"), Role.PASSING, 2)
    assert ref.story_year() == 1725


def test_a_heading_opens_a_section_and_forgets_the_previous_one():
    ref = fed("1861-12-03", ("1862", Role.HEADING))
    assert ref.story_year() == 1862
    assert ref.last("day").value == "1862"  # no day of 1861 to count "zwei Tage später" from


def test_an_explicit_later_year_wins_over_the_heading():
    ref = fed(("1812", Role.HEADING), "1812-06", "1811-11")
    assert ref.story_year() == 1811


def test_a_heading_without_a_date_goes_back_to_the_latest_dated_heading():
    ref = fed(("1862", Role.HEADING), "1862-12-31", "1863-01-02")
    ref.open_subsection()
    assert ref.story_year() == 1862
    assert ref.last().value == "1862"


def test_a_heading_without_a_date_before_any_dated_heading_changes_nothing():
    ref = fed("1939-09-01")
    ref.open_subsection()
    assert ref.last().value == "1939-09-01"


def test_a_story_before_christ_has_no_calendar_day_to_count_from():
    from timeline.time.anchoring import Anchor

    anchor = Anchor(dct=None, narrative=True)
    anchor.remember(TimeValue("2011-02-16T17:00"), 0)  # a header stamp before the story
    anchor.remember(TimeValue("BC0480"), 1)
    assert anchor.anaphoric("day") is None and anchor.deictic() is None
    anchor.remember(TimeValue("1805"), 2)
    assert anchor.anaphoric().year == 1805


def test_a_flashback_dates_the_rest_of_its_sentence_then_the_story_goes_on():
    ref = ReferenceTime()
    ref.observe(TimeValue("1812-06"), Role.STORY, 1)
    ref.observe(TimeValue("1811-11"), Role.FLASHBACK, 2)  # "hatte im November 1811 ..."
    assert ref.story_year() == 1811  # "... an die Zusage vom 3. März erinnert": March 1811
    ref.observe(TimeValue("1811-03-03"), Role.STORY, 2)
    ref.enter_sentence(3)
    assert ref.story_year() == 1812
    assert ref.last().value == "1812-06"


def test_a_flashback_into_the_years_before_christ_ends_with_its_sentence():
    ref = ReferenceTime()
    ref.observe(TimeValue("1805"), Role.STORY, 0)
    ref.observe(TimeValue("BC0490"), Role.FLASHBACK, 1)
    assert ref.bc_year == 490
    ref.enter_sentence(2)
    assert ref.bc_year is None and ref.story_year() == 1805


def test_a_heading_closes_an_open_flashback():
    ref = ReferenceTime()
    ref.observe(TimeValue("1917-07"), Role.FLASHBACK, 4)
    ref.observe(TimeValue("1918"), Role.HEADING, 4)
    ref.enter_sentence(5)
    assert ref.story_year() == 1918


def test_a_range_start_later_in_the_year_than_its_end_lies_in_the_year_before():
    ref = fed("1870-07")
    ref.lend_year(1871, 1)  # "vom 19. September bis zum 28. Januar 1871"
    assert ref.lent_year_for(9) == 1870
    assert ref.lent_year_for(1) == 1871
    ref.lend_year(None)
    assert ref.lent_year_for(9) is None


def test_a_flashback_before_any_story_date_starts_the_story():
    ref = ReferenceTime()
    ref.observe(TimeValue("2011-02-16T17:00", "TIME"), Role.STORY, 0)  # a header stamp
    ref.observe(TimeValue("1933"), Role.FLASHBACK, 1)  # "Bereits 1933 hatte die Partei ..."
    ref.enter_sentence(2)
    assert ref.story_year() == 1933
