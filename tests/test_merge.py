"""Merging reports of one event (timeline.merge): rules on hand-built events, the policy, the
links that say why, and the pairwise evaluation on the merge test set (tests/data/merge/)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Optional, Sequence

import pytest

import timeline
from timeline.errors import InputError
from timeline.merge import (MergePolicy, _names_match, candidate_pairs, concept, concepts, explain, merge_events,
                            times_compatible)
from timeline.model import Event, EventMention, MergeLink, Timeline
from timeline.time.values import TimeValue

DATA = Path(__file__).resolve().parent / "data" / "merge"


def ev(value: str, lemma: str, participants: Sequence[str] = (), *, doc: str = "d1", sentence: int = 0,
       title: Optional[str] = None, trigger: Optional[str] = None, start: int = 10,
       source: Optional[str] = None, places: Sequence[str] = ()) -> Event:
    """One single-mention event as the extractor makes it (id from doc, sentence, trigger offset)."""
    trigger = trigger or lemma
    mention = EventMention(doc=doc, sentence=sentence, start=0, end=80, quote=f"... {trigger} ...",
                           trigger=trigger, trigger_lemma=lemma, trigger_start=start,
                           trigger_end=start + len(trigger), time=None, source=source)
    digest = hashlib.sha1(f"{doc}\x00{sentence}\x00{start}".encode()).hexdigest()[:12]
    return Event(id="ev-" + digest, title=title or f"{' und '.join(participants)} {lemma}".strip(),
                 when=TimeValue(value), participants=tuple(participants), mentions=(mention,),
                 trigger_lemma=lemma, places=tuple(places))


def merged_groups(events, policy=MergePolicy()):
    """The merged events as sets of (doc, sentence) of their mentions."""
    out, _ = merge_events(events, policy)
    return sorted(sorted((m.doc, m.sentence) for m in e.mentions) for e in out)


# --- times ---------------------------------------------------------------------------------------


class TestTimes:
    def test_a_day_inside_the_month(self):
        ok, why = times_compatible(ev("2024-06", "reisen"), ev("2024-06-19", "reisen"))
        assert ok and "2024-06-19 lies within 2024-06" in why

    def test_same_day(self):
        assert times_compatible(ev("2024-06-19", "reisen"), ev("2024-06-19", "reisen"))[0]

    def test_part_of_day_inside_its_day(self):
        assert times_compatible(ev("2024-02-16TEV", "unterzeichnen"), ev("2024-02-16", "unterzeichnen"))[0]

    def test_overlap_at_the_same_granularity(self):
        ok, why = times_compatible(ev("2024-06-10/2024-06-20", "tagen"), ev("2024-06-15/2024-06-25", "tagen"))
        assert ok and "same granularity" in why

    def test_partial_overlap_of_different_granularities_is_rejected(self):
        # ISO week 22 runs from 27 May to 2 June: it overlaps June without lying inside it
        ok, why = times_compatible(ev("2024-W22", "reisen"), ev("2024-06", "reisen"))
        assert not ok and why == "times overlap only partly"

    def test_disjoint_days(self):
        ok, why = times_compatible(ev("2024-06-19", "reisen"), ev("2024-06-20", "reisen"))
        assert not ok and why == "times do not overlap"

    def test_too_coarse(self):
        ok, why = times_compatible(ev("199", "reisen"), ev("1995", "reisen"))
        assert not ok and why == "too coarse to merge"

    def test_unresolved_time(self):
        ok, why = times_compatible(ev("XXXX-06-19", "reisen"), ev("2024-06-19", "reisen"))
        assert not ok and why == "no calendar time"

    def test_different_days_of_one_month_stay_apart(self):
        a = ev("2024-07-03", "treffen", ["Putin", "Xi"], doc="a")
        b = ev("2024-07-09", "treffen", ["Putin", "Xi"], doc="b")
        assert merged_groups([a, b]) == [[("a", 0)], [("b", 0)]]


# --- descriptions --------------------------------------------------------------------------------


class TestConcepts:
    @pytest.mark.parametrize("word", ["reisen", "Reise", "Besuch", "besuchen", "Staatsbesuch"])
    def test_visit(self, word):
        assert concept(word) == "visit"

    @pytest.mark.parametrize("word", ["unterzeichnen", "Unterzeichnung", "Abkommen", "Vertrag",
                                      "Verteidigungsabkommen"])
    def test_signing(self, word):
        assert concept(word) == "signing"

    def test_unknown_words_stand_for_themselves(self):
        assert concept("Gründen") == "gründen"
        assert concept("Beschließen") == "decision" and concept("Beschluss") == "decision"

    def test_title_nouns_count(self):
        e = ev("2024-07-05", "reisen", ["Orbán"], title="Orbán reist nach Moskau, Gespräche mit Putin")
        assert concepts(e) == {"visit", "talks"}

    def test_verb_and_nominalisation_merge(self):
        a = ev("2024-06-20", "reisen", ["Putin", "Vietnam"], doc="a", trigger="reiste")
        b = ev("2024-06-20", "Besuch", ["Putin", "Vietnam"], doc="b", trigger="Besuch")
        decision = explain(a, b)
        assert decision.same
        assert ("concept", "visit") in decision.evidence

    def test_signing_and_agreement_merge(self):
        a = ev("2024-06-19", "unterzeichnen", ["Putin", "Kim"], doc="a")
        b = ev("2024-06", "Abkommen", ["Putin", "Kim"], doc="b", title="Abkommen zwischen Putin und Kim")
        assert explain(a, b).same

    def test_different_concepts_stay_apart(self):
        a = ev("2024-06-19", "reisen", ["Putin"], doc="a")
        b = ev("2024-06-19", "unterzeichnen", ["Putin"], doc="b")
        decision = explain(a, b)
        assert not decision.same and decision.rule == "descriptions differ"

    def test_strict_needs_the_same_trigger_concept(self):
        # "reist zu Gesprächen" and "Gespräche" share "talks" only through the title
        a = ev("2024-07-05", "reisen", ["Orbán"], doc="a", title="Orbán reist nach Moskau, Gespräche mit Putin")
        b = ev("2024-07-05", "Gespräch", ["Orbán"], doc="b", title="Gespräche mit Orbán")
        assert explain(a, b).same
        assert not explain(a, b, MergePolicy(strictness="strict")).same


# --- participants --------------------------------------------------------------------------------


class TestParticipants:
    def test_two_meetings_in_one_month_stay_two(self):
        modi = ev("2024-07-09", "treffen", ["Putin", "Narendra Modi"], doc="a")
        orban = ev("2024-07-05", "treffen", ["Putin", "Viktor Orbán"], doc="b")
        month = ev("2024-07", "treffen", ["Wladimir Putin", "Modi"], doc="c")
        groups = merged_groups([modi, orban, month])
        assert groups == [[("a", 0), ("c", 0)], [("b", 0)]]

    def test_two_letter_names_match(self):
        a = ev("2024-07-03", "treffen", ["Wladimir Putin", "Xi", "Astana"], doc="a")
        b = ev("2024-07", "treffen", ["Putin", "Astana", "Xi"], doc="b")
        assert explain(a, b).same

    def test_conflict_names_the_extra_participant(self):
        xi = ev("2024-07", "treffen", ["Putin", "Xi"], doc="a")
        orban = ev("2024-07", "treffen", ["Putin", "Orbán"], doc="b")
        decision = explain(xi, orban)
        assert not decision.same and decision.rule == "participants conflict"
        assert dict(decision.evidence)["only on one side"] in ("Xi", "Orbán")

    def test_contained_participants_merge(self):
        a = ev("2024-07-03", "treffen", ["Putin"], doc="a")
        b = ev("2024-07-03", "treffen", ["Wladimir Putin", "Xi Jinping", "Astana"], doc="b")
        decision = explain(a, b)
        assert decision.same and dict(decision.evidence)["participants"] == "Putin"

    def test_title_words_do_not_identify_anyone(self):
        a = ev("2024-07-03", "treffen", ["Präsident Putin"], doc="a")
        b = ev("2024-07-03", "treffen", ["Präsident Xi"], doc="b")
        assert explain(a, b).rule == "no shared participant"

    def test_loose_accepts_a_shared_participant(self):
        xi = ev("2024-07", "treffen", ["Putin", "Xi"], doc="a")
        orban = ev("2024-07", "treffen", ["Putin", "Orbán"], doc="b")
        assert explain(xi, orban, MergePolicy(strictness="loose")).same

    def test_without_names_only_same_trigger_time_and_subject(self):
        a = ev("2024-04-01", "treten", doc="a")
        b = ev("2024-04-01", "treten", doc="b")
        c = ev("2024-04", "treten", doc="c")
        assert explain(a, b).same and explain(a, b).rule == "the same words, no names"
        assert not explain(a, c).same
        assert not explain(a, b, MergePolicy(strictness="strict")).same

    def test_statistics_without_names_merge_by_what_they_measure(self):
        """"Der Umsatz sinkt" and "Die Zahl der Gäste sinkt" in one year are two figures."""
        sales = ev("2024", "sinken", doc="a", title="Der Umsatz des Hafens sinkt")
        again = ev("2024", "sinken", doc="b", title="Der Umsatz des Hafens sinkt deutlich")
        guests = ev("2024", "sinken", doc="c", title="Die Zahl der Gäste sinkt")
        assert explain(sales, again).same
        assert explain(sales, guests).rule == "no names, other subjects"

    def test_a_coarse_report_does_not_bridge_two_different_days(self):
        # "Orbán reiste im Juli nach Moskau" fits both the Moscow visit on 5 July and the Beijing
        # visit on 8 July (whose names include Moskau: "nach Kiew und Moskau ... Peking besucht")
        moscow = ev("2024-07-05", "reisen", ["Viktor Orbán", "Moskau"], doc="a")
        beijing = ev("2024-07-08", "besuchen", ["Moskau", "Kiew", "Viktor Orbán", "Peking"], doc="b")
        july = ev("2024-07", "reisen", ["Viktor Orbán", "Moskau"], doc="c")
        assert explain(moscow, july).same and explain(beijing, july).same
        out, links = merge_events([moscow, beijing, july])
        assert not any({m.doc for m in e.mentions} >= {"a", "b"} for e in out)
        assert links == []  # the ambiguous report stays on its own (precision first)


class TestIdentity:
    """What real reports share beyond a concept and a name: the round of a series, the figures,
    the kind of event; a graded score with its evidence (issue #10)."""

    def test_first_and_second_ballot_of_one_day_stay_two(self):
        first = ev("2025-05-06", "scheitern", ["Merz"], doc="a", title="Merz scheitert im ersten Wahlgang")
        second = ev("2025-05-06", "wählen", ["Merz"], doc="b", title="Merz im zweiten Wahlgang gewählt")
        decision = explain(first, second)
        assert not decision.same and decision.rule == "another round of the series"
        assert dict(decision.evidence)["series"] == "ballot 1 vs ballot 2"

    def test_the_same_round_in_other_words_is_one_event(self):
        """"Wahlgang" and "Durchgang" count the same series; no name and no shared verb needed."""
        a = ev("2025-05-06", "verfehlen", ["Merz"], doc="a", title="Merz verfehlt im ersten Wahlgang die Mehrheit")
        b = ev("2025-05-06", "scheitern", ["Merz"], doc="b", title="Merz scheitert im ersten Durchgang")
        c = ev("2025-05-06", "beginnen", doc="c", title="Der erste Wahlgang beginnt")
        assert explain(a, b).same and dict(explain(a, b).evidence)["series"] == "ballot 1"
        assert explain(a, c).same and explain(a, c).rule == "compatible time, the same round of a series"

    def test_a_vague_report_does_not_join_two_rounds(self):
        first = ev("2025-05-06", "scheitern", ["Merz"], doc="a", title="Merz scheitert im ersten Wahlgang")
        second = ev("2025-05-06TAF", "wählen", ["Merz"], doc="b", title="Merz im zweiten Wahlgang gewählt")
        vague = ev("2025-05-06", "wählen", ["Merz"], doc="c", title="Die Wahl von Merz")
        assert explain(vague, first).same and explain(vague, second).same
        merged, _ = merge_events([first, second, vague])
        assert not any({m.doc for m in e.mentions} >= {"a", "b"} for e in merged)

    def test_other_figures_are_other_events(self):
        a = ev("2025-03", "steigen", ["Hafen Kiel"], doc="a", title="Der Umschlag im Hafen Kiel steigt um 4 Prozent")
        b = ev("2025-03", "steigen", ["Hafen Kiel"], doc="b", title="Der Umschlag im Hafen Kiel steigt um 4 Prozent")
        c = ev("2025-03", "steigen", ["Hafen Kiel"], doc="c", title="Die Zahl der Passagiere im Hafen Kiel steigt um 12 Prozent")
        assert explain(a, b).same
        assert explain(a, c).rule == "other figures"

    def test_a_congratulation_is_not_the_election(self):
        election = ev("2025-05-06", "wählen", ["Merz"], doc="a", title="Merz zum Kanzler gewählt")
        wishes = ev("2025-05-06", "gratulieren", ["Macron", "Merz"], doc="b", title="Macron gratuliert Merz zur Wahl")
        assert concept("Glückwunsch") == concept("gratulieren") == "congratulation"
        assert not explain(election, wishes).same

    def test_without_a_shared_name_the_kind_of_event_must_agree(self):
        deal = ev("2025-05-06", "zustandekommen", doc="a", title="Die Einigung auf einen zweiten Wahlgang kommt zustande")
        ballot = ev("2025-05-06", "beginnen", ["Bundestag"], doc="b", title="Der zweite Wahlgang beginnt im Bundestag")
        decision = explain(deal, ballot)
        assert not decision.same and dict(decision.evidence)["kinds"] == "agreement vs election"

    @pytest.mark.parametrize("word", ["Brand", "Feuer", "Großbrand", "brennen", "löschen"])
    def test_a_fire_in_other_words(self, word):
        assert concept(word) == "fire"

    @pytest.mark.parametrize("word", ["Wahl", "Wahlgang", "Kanzlerwahl", "Abstimmung", "Votum", "wählen"])
    def test_an_election_in_other_words(self, word):
        assert concept(word) == "election"

    def test_morning_and_afternoon_of_one_day_are_two_events(self):
        morning = ev("2025-05-06TMO", "wählen", ["Merz"], doc="a", title="Die Wahl von Merz am Vormittag")
        afternoon = ev("2025-05-06TAF", "wählen", ["Merz"], doc="b", title="Die Wahl von Merz am Nachmittag")
        clock = ev("2025-05-06T10:06", "wählen", ["Merz"], doc="c", title="Die Wahl von Merz um 10.06 Uhr")
        day = ev("2025-05-06", "wählen", ["Merz"], doc="d", title="Die Wahl von Merz")
        assert dict(explain(morning, afternoon).evidence)["time"] == "other times of the day"
        assert explain(morning, clock).same and explain(day, afternoon).same
        assert not explain(clock, afternoon).same
        # the report of the whole day fits both and would join them: it stays alone
        merged, _ = merge_events([morning, afternoon, day])
        assert sorted(len(e.mentions) for e in merged) == [1, 1, 1]

    def test_a_report_without_names_joins_by_concept_day_and_figures(self):
        named = ev("2025-04-21", "sterben", ["Franziskus"], doc="a", title="Franziskus stirbt mit 88 Jahren")
        unnamed = ev("2025-04-21", "sterben", doc="b", title="Der Papst stirbt im Alter von 88 Jahren")
        other = ev("2025-04-21", "sterben", doc="c", title="Ein Bergsteiger stirbt im Alter von 41 Jahren")
        vague = ev("2025-04-21", "sterben", doc="d", title="Der Papst stirbt")
        assert explain(named, unnamed).same and dict(explain(named, unnamed).evidence)["same figures"] == "88"
        assert explain(named, other).rule == "other figures"
        assert explain(named, vague).rule == "no shared participant"

    def test_the_score_and_the_threshold_are_in_the_evidence(self):
        a = ev("2024-06", "reisen", ["Putin"], doc="a", title="Putin reist nach Vietnam")
        b = ev("2024-06-20", "Besuch", ["Putin"], doc="b", title="Putins Besuch")
        normal, strict = explain(a, b), explain(a, b, MergePolicy(strictness="strict"))
        assert normal.same and dict(normal.evidence)["score"] == "3 (needs 3)"
        assert not strict.same and strict.rule == "too little evidence"  # 3 < 4
        day = ev("2024-06-20", "reisen", ["Putin"], doc="c", title="Putin reist nach Vietnam")
        assert explain(b, day, MergePolicy(strictness="strict")).same  # concept, name, same day: 4
        month = ev("2024-06", "reisen", ["Putin"], doc="d")
        assert not explain(a, month, MergePolicy(strictness="strict")).same  # 3 < 4
        assert explain(a, month).same


class TestPlaces:
    """Where an event happened: a place on both sides must agree; a capital stands for its country."""

    def test_different_places_on_the_same_day_stay_apart(self):
        berlin = ev("2024-02-16", "unterzeichnen", ["Selenskyj"], places=["Berlin"], doc="a")
        paris = ev("2024-02-16", "unterzeichnen", ["Selenskyj"], places=["Paris"], doc="b")
        decision = explain(berlin, paris)
        assert not decision.same and decision.rule == "places differ"
        assert dict(decision.evidence)["places"] == "Berlin vs Paris"
        assert not explain(berlin, paris, MergePolicy(strictness="loose")).same

    def test_a_city_lies_in_its_country(self):
        hanoi = ev("2024-06-20", "besuchen", ["Putin"], places=["Hanoi"], doc="a")
        vietnam = ev("2024-06", "reisen", ["Wladimir Putin"], places=["Vietnam"], doc="b")
        decision = explain(hanoi, vietnam)
        assert decision.same and dict(decision.evidence)["places"] == "Hanoi"

    def test_two_cities_of_one_country_are_two_places(self):
        moscow = ev("2024-07-05", "reisen", ["Orbán"], places=["Moskau"], doc="a")
        petersburg = ev("2024-07-05", "reisen", ["Orbán"], places=["Sankt Petersburg"], doc="b")
        kazan = ev("2024-07-05", "reisen", ["Orbán"], places=["Kasan"], doc="c")
        assert explain(moscow, petersburg).rule == "places differ"
        assert explain(moscow, kazan).rule == "places differ"

    def test_a_place_on_one_side_only_is_no_conflict(self):
        a = ev("2024-07-05", "reisen", ["Viktor Orbán", "Wladimir Putin"], places=["Moskau"], doc="a")
        b = ev("2024-07-05", "besuchen", ["Orbán"], places=["Moskau", "Brüssel"], doc="b")
        c = ev("2024-07-05", "besuchen", ["Orbán"], doc="c")
        assert explain(a, b).same and explain(a, c).same and explain(b, c).same

    def test_a_capital_stands_for_its_government(self):
        seoul = ev("2024-06-21", "einbestellen", ["Seoul"], doc="a")
        korea = ev("2024-06-21", "einbestellen", ["Südkorea"], doc="b")
        decision = explain(seoul, korea)
        assert decision.same and dict(decision.evidence)["participants"] == "Seoul"
        out, _ = merge_events([seoul, korea])
        assert len(out) == 1  # the blocks see them too: "Seoul" is keyed by its country

    def test_a_city_named_as_subject_matches_the_same_city_as_place(self):
        # "der ungarische Regierungschef Kiew besucht": without NER "Kiew" looks like the subject
        kyiv = ev("2024-07-02", "besuchen", ["Kiew"], doc="a")
        trip = ev("2024-07-02", "reisen", ["Orbán"], places=["Kiew"], doc="b")
        assert explain(kyiv, trip).same

    def test_names_of_two_countries_do_not_match(self):
        assert not _names_match("Südkorea", "Nordkorea")
        assert not _names_match("Seoul", "Nordkorea") and _names_match("Pjöngjang", "Nordkorea")
        assert _names_match("Washington", "Vereinigte Staaten") and _names_match("USA", "Washington")


# --- statements and sentences --------------------------------------------------------------------


class TestGenericAndSentences:
    def test_statements_merge_only_on_the_same_day(self):
        day = ev("2024-07-05", "erklären", ["Ursula von der Leyen"], doc="a")
        same_day = ev("2024-07-05", "äußern", ["Ursula von der Leyen"], doc="b")
        month = ev("2024-07", "erklären", ["Ursula von der Leyen"], doc="c")
        assert explain(day, same_day).same
        decision = explain(day, month)
        assert not decision.same and decision.rule == "generic event needs the same day"

    def test_statement_and_trip_stay_apart(self):
        said = ev("2024-07-08", "sagen", ["Orbán", "Peking"], doc="a", sentence=1)
        went = ev("2024-07-08", "besuchen", ["Viktor Orbán", "Peking"], doc="a", sentence=0)
        assert merged_groups([said, went]) == [[("a", 0)], [("a", 1)]]

    def test_same_sentence_is_never_merged(self):
        a = ev("2024-06-13", "unterzeichnen", ["Selenskyj"], doc="a", sentence=2, start=10)
        b = ev("2024-06-13", "unterzeichnen", ["Selenskyj"], doc="a", sentence=2, start=50)
        decision = explain(a, b)
        assert not decision.same and decision.rule.startswith("same sentence")
        assert len(merge_events([a, b])[0]) == 2

    def test_other_sentences_of_one_document_may_merge(self):
        a = ev("2024-06-19", "unterzeichnen", ["Putin", "Kim"], doc="a", sentence=1)
        b = ev("2024-06-19", "Abkommen", ["Putin"], doc="a", sentence=3)
        assert len(merge_events([a, b])[0]) == 1


# --- the merged event, links, policy -------------------------------------------------------------


class TestMergedEvent:
    def setup_method(self):
        self.month = ev("2024-06", "Abkommen", ["Putin", "Kim"], doc="c", title="Abkommen zwischen Putin und Kim",
                        source="Hauptstadtbrief")
        self.day = ev("2024-06-19", "unterzeichnen", ["Putin", "Kim Jong-un"], doc="b",
                      title="Putin und Kim Jong-un unterzeichnen ein Abkommen", source="Ostsee-Kurier")
        self.evening = ev("2024-06-19TEV", "unterzeichnen", ["Wladimir Putin", "Kim", "Pjöngjang"], doc="a",
                          title="Wladimir Putin und Kim unterzeichnen in Pjöngjang einen Vertrag",
                          source="Ostsee-Kurier")
        self.merged, self.links = merge_events([self.month, self.day, self.evening])

    def test_one_event(self):
        assert len(self.merged) == 1

    def test_most_specific_time(self):
        assert self.merged[0].when.value == "2024-06-19TEV"

    def test_all_mentions_in_document_order(self):
        event = self.merged[0]
        assert [m.doc for m in event.mentions] == ["a", "b", "c"]
        assert event.sources == ("a", "b", "c")
        assert event.independent_sources == 2  # two outlets

    def test_title_and_trigger_of_the_best_mention(self):
        assert self.merged[0].title == self.evening.title
        assert self.merged[0].trigger_lemma == "unterzeichnen"

    def test_participants_are_united_without_repeats(self):
        assert self.merged[0].participants == ("Wladimir Putin", "Kim", "Pjöngjang")

    def test_parts_are_the_single_mentions(self):
        assert {p.id for p in self.merged[0].parts} == {self.month.id, self.day.id, self.evening.id}

    def test_links_say_why(self):
        assert self.links and all(isinstance(link, MergeLink) for link in self.links)
        ids = {self.month.id, self.day.id, self.evening.id}
        for link in self.links:
            assert {link.a, link.b} <= ids
            assert link.rule == "compatible time, shared concept, contained participants"
            evidence = dict(link.evidence)
            assert {"time", "concept", "participants", "score"} <= set(evidence) <= \
                {"time", "concept", "participants", "same day", "score"}
            assert evidence["concept"] == "signing"
        first = self.links[0].to_dict()
        assert set(first) == {"a", "b", "rule", "evidence"} and isinstance(first["evidence"], dict)

    def test_timeline_why(self):
        tl = Timeline(events=tuple(self.merged), links=tuple(self.links))
        assert set(tl.why(self.merged[0])) == set(self.links)
        lonely = ev("2024-01-01", "wählen", ["Taiwan"], doc="z")
        assert tl.why(lonely) == ()

    def test_merge_ids_are_stable(self):
        again, _ = merge_events([self.evening, self.month, self.day])
        assert again[0].id == self.merged[0].id
        assert again[0].id not in {self.month.id, self.day.id, self.evening.id}


class TestManyReports:
    """Wire copy reprinted by many outlets: one event, hundreds of alike reports."""

    def test_many_identical_reports_are_one_event_with_a_link_each(self):
        reports = [ev("2025-05-06", "wählen", ["Friedrich Merz", "Bundestag"], doc=f"outlet{k:03d}",
                      title="Merz zum Kanzler gewählt") for k in range(300)]
        merged, links = merge_events(reports)
        assert len(merged) == 1 and len(merged[0].mentions) == 300
        assert len(links) == 299  # linear: one link per report joined, not one per pair
        assert {x for link in links for x in (link.a, link.b)} == {r.id for r in reports}

    def test_alike_reports_in_one_sentence_stay_apart_unless_another_report_joins_them(self):
        first = ev("2025-05-06", "wählen", ["Merz"], doc="a", sentence=2, start=10)
        second = ev("2025-05-06", "wählen", ["Merz"], doc="a", sentence=2, start=40)
        assert merged_groups([first, second]) == [[("a", 2)], [("a", 2)]]
        other = ev("2025-05-06", "wählen", ["Merz"], doc="b")
        assert merged_groups([first, second, other]) == [[("a", 2), ("a", 2), ("b", 0)]]

    def test_an_alike_report_with_another_time_is_still_a_bridge(self):
        month = [ev("2025-05", "wählen", ["Merz"], doc=f"m{k}") for k in range(5)]
        sixth = ev("2025-05-06", "wählen", ["Merz"], doc="x", title="Merz gewählt am 6.")
        seventh = ev("2025-05-07", "wählen", ["Merz"], doc="y", title="Merz gewählt am 7.")
        merged, _ = merge_events(month + [sixth, seventh])
        # the month reports fit both days, which do not fit each other: they stay alone
        assert sorted(len(e.mentions) for e in merged) == [1] * 7


class TestPolicy:
    def test_disabled_keeps_every_mention(self):
        a = ev("2024-06-19", "unterzeichnen", ["Putin", "Kim"], doc="a")
        b = ev("2024-06-19", "unterzeichnen", ["Putin", "Kim"], doc="b")
        out, links = merge_events([b, a], MergePolicy(enabled=False))
        assert {e.id for e in out} == {a.id, b.id} and links == []

    @pytest.mark.parametrize("bad", ["medium", "", "STRICT", None])
    def test_bad_strictness(self, bad):
        with pytest.raises(InputError, match="strictness"):
            MergePolicy(strictness=bad)

    def test_bad_strictness_is_a_value_error(self):
        with pytest.raises(ValueError):
            MergePolicy(strictness="medium")

    def test_strict_merges_less(self):
        a = ev("2024-07-05", "reisen", ["Orbán"], doc="a", title="Orbán reist nach Moskau, Gespräche mit Putin")
        b = ev("2024-07-05", "Gespräch", ["Orbán"], doc="b", title="Gespräche mit Orbán")
        assert len(merge_events([a, b], MergePolicy(strictness="strict"))[0]) == 2
        assert len(merge_events([a, b])[0]) == 1

    @pytest.mark.xfail(reason="known weakness: loose links the month report to both day reports, which do "
                              "not fit each other, so it is left on its own as an ambiguous bridge; normal "
                              "links it to one of them only and merges", strict=False)
    def test_loose_merges_what_normal_merges(self):
        month = ev("2024-07", "reisen", ["Putin", "Xi Jinping"], doc="c")
        day1 = ev("2024-07-03", "reisen", ["Putin"], doc="a")
        day2 = ev("2024-07-09", "reisen", ["Putin", "Viktor Orbán"], doc="b")
        assert merged_groups([month, day1, day2]) == [[("a", 0), ("c", 0)], [("b", 0)]]
        assert merged_groups([month, day1, day2], MergePolicy(strictness="loose")) == \
            [[("a", 0), ("c", 0)], [("b", 0)]]

    def test_candidate_pairs_are_blocked(self):
        atoms = sorted([ev("2024-06-19", "reisen", ["Putin"], doc="a"),
                        ev("2024-06-20", "Besuch", ["Putin"], doc="b"),
                        ev("2024-07-03", "reisen", ["Putin"], doc="c"),
                        ev("2024-06-19", "unterzeichnen", ["Putin"], doc="d"),
                        ev("2024-06", "Reise", ["Putin"], doc="e")],
                       key=lambda e: e.mentions[0].doc)
        # days meet only the same day; the June-level visit meets both June days, not July
        assert candidate_pairs(atoms) == [(0, 4), (1, 4)]

    def test_a_range_over_two_months_meets_both(self):
        atoms = [ev("2024-06-28/2024-07-02", "tagen", ["Nato"], doc="a"),
                 ev("2024-06", "tagen", ["Nato"], doc="b"), ev("2024-07", "tagen", ["Nato"], doc="c")]
        assert candidate_pairs(atoms) == [(0, 1), (0, 2)]

    def test_names_are_part_of_the_block(self):
        """Events with no name in common are never compared: they could not merge anyway."""
        atoms = [ev("2024-06-19", "reisen", ["Putin"], doc="a"), ev("2024-06-19", "reisen", ["Scholz"], doc="b"),
                 ev("2024-06-19", "reisen", doc="c"), ev("2024-06-19", "reisen", doc="d")]
        assert candidate_pairs(atoms) == [(2, 3)]


# --- on the merge test set -----------------------------------------------------------------------


def _articles():
    return sorted(DATA.glob("*.txt"))


@pytest.fixture(scope="module")
def unmerged():
    return timeline.build(_articles(), meta=DATA / "publication.json", merge=False)


@pytest.fixture(scope="module")
def merged():
    return timeline.build(_articles(), meta=DATA / "publication.json")


class TestBuild:
    def test_merge_off_lists_every_report(self, unmerged):
        assert len(unmerged.documents) == 16 and not unmerged.failures
        assert all(len(e.mentions) == 1 for e in unmerged.events)
        assert unmerged.links == ()

    def test_merge_on_joins_reports(self, unmerged, merged):
        assert len(merged.events) < len(unmerged.events)
        assert sum(len(e.mentions) for e in merged.events) == len(unmerged.events)
        assert merged.links

    def test_every_merged_event_can_say_why(self, merged):
        for event in merged.events:
            why = merged.why(event)
            if len(event.mentions) == 1:
                assert why == ()
            else:
                assert len(why) >= len(event.mentions) - 1  # a spanning set of links at least
                assert all(link.rule and link.evidence for link in why)

    def test_signing_reported_three_times_is_one_event(self, merged):
        signing = [e for e in merged.events if e.sources and "2024-07-15_seoul" in e.sources
                   and e.when.value.startswith("2024-06-19")]
        assert len(signing) == 1
        assert set(signing[0].sources) == {"2024-06-19_pjoengjang", "2024-06-24_beistandspakt",
                                           "2024-07-15_seoul"}
        assert signing[0].when.value == "2024-06-19"

    def test_strictness_through_build(self):
        strict = timeline.build(_articles(), meta=DATA / "publication.json",
                                merge=MergePolicy(strictness="strict"))
        loose = timeline.build(_articles(), meta=DATA / "publication.json",
                               merge=MergePolicy(strictness="loose"))
        assert len(loose.events) < len(strict.events)


# --- the evaluation ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report():
    from timeline.evaluation.merging import evaluate

    return evaluate(DATA)


def _cluster_pairs(report, label):
    corpus = report.corpus
    scores = report.by_label(label)
    return {tuple(sorted((corpus.keyed[a].cluster, corpus.keyed[b].cluster))) for a, b in scores.false_merges}


class TestEvaluation:
    def test_gold_slices_out_of_the_texts(self, report):
        from timeline.evaluation.merging import check_gold

        assert check_gold(report.corpus.gold, report.corpus.texts) == []

    def test_gold_has_duplicates_and_near_misses(self, report):
        gold = report.corpus.gold
        clusters = {g.cluster for g in gold}
        assert len(gold) >= 30 and 15 <= len(clusters) < len(gold)
        assert report.by_label("normal").gold_pairs >= 15

    def test_extractor_finds_the_gold_events(self, report):
        assert len(report.corpus.missing) <= 3

    def test_merging_off_merges_nothing(self, report):
        off = report.by_label("off")
        assert off.predicted_pairs == 0 and off.recall == 0.0 and off.precision is None

    def test_strict_merges_less_than_normal(self, report):
        assert report.by_label("strict").recall <= report.by_label("normal").recall

    @pytest.mark.xfail(reason="known weakness: 'loose' finds more candidate links, so more reports become "
                              "ambiguous bridges and are left on their own (on the test set: the month "
                              "report of Putin and Modi)", strict=False)
    def test_loose_merges_at_least_what_normal_merges(self, report):
        assert report.by_label("normal").recall <= report.by_label("loose").recall

    def test_default_recall(self, report):
        # not an issue bar: a floor so that precision is not bought by merging nothing
        assert report.by_label("normal").recall >= 0.6

    def test_default_precision_meets_the_issue_bar(self, report):
        """The issue's bar: pairwise precision at least 0.95 at the default strictness."""
        assert report.by_label("normal").precision >= 0.95

    @pytest.mark.parametrize("a, b", [
        ("putin-xi-astana", "putin-modi-moscow"),                  # two meetings, same week and month
        ("scholz-selenskyj-signing", "macron-selenskyj-signing"),  # two signings, same day
        ("biden-selenskyj-signing", "kishida-selenskyj-signing"),  # two signings, same day
        ("biden-selenskyj-signing", "putin-kim-signing"),          # signings in the same month
        ("putin-visit-north-korea", "putin-visit-vietnam"),        # two visits, same week
        ("orban-visit-kyiv", "orban-visit-moscow"),                # two visits, same week
        ("orban-statement-beijing", "orban-visit-beijing"),        # a statement and a trip, same day
        ("michel-statement", "von-der-leyen-statement"),           # two statements, same day
        ("orban-peace-mission-statement", "orban-visit-moscow"),   # a statement and a trip, same day
        ("orban-visit-beijing", "orban-visit-moscow"),             # two visits, same week
    ])
    def test_near_misses_stay_apart_at_the_default(self, report, a, b):
        assert tuple(sorted((a, b))) not in _cluster_pairs(report, "normal")

    def test_command(self, capsys):
        from timeline.evaluation.merging import main

        assert main(["--errors", "--strictness", "normal", "--strictness", "loose"]) == 0
        out = capsys.readouterr().out
        assert "| normal |" in out and "excluded from pairwise scoring" in out
        assert "-- normal: " in out and "-- loose: " in out
        assert "FALSE MERGE" in out  # loose joins Selenskyj's two same-day signings (shared name)


# --- the held-out set ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def heldout():
    from timeline.evaluation.merging import check_gold, evaluate

    result = evaluate(DATA.parent / "merge-heldout")
    assert check_gold(result.corpus.gold, result.corpus.texts) == []
    return result


class TestHeldOut:
    """tests/data/merge-heldout: written after the rules, to measure how they generalise."""

    def test_default_precision_meets_the_issue_bar(self, heldout):
        assert heldout.by_label("normal").precision >= 0.95

    def test_every_strictness_is_precise(self, heldout):
        for label in ("strict", "normal", "loose"):
            precision = heldout.by_label(label).precision
            assert precision is None or precision >= 0.9, label

    def test_default_recall_floor(self, heldout):
        # a floor so that precision is not bought by merging nothing (0.70 when this was written)
        assert heldout.by_label("normal").recall >= 0.6

    def test_the_extractor_finds_most_gold_events(self, heldout):
        assert len(heldout.corpus.missing) <= 5


class TestNewsDevFormat:
    """The news-dev gold format (gold_events.jsonl over texts_gold.jsonl) read by the merging
    evaluation, on two articles written for this test."""

    TEXTS = [
        {"id": "a1", "dct": "2025-03-12T18:00:00+01:00", "outlet": "Anzeiger",
         "text": "Hafen\nGroßbrand im Hafen gelöscht\nAm Dienstag hat die Feuerwehr in Kiel einen Brand im Hafen gelöscht."},
        {"id": "a2", "dct": "2025-03-12T19:00:00+01:00", "outlet": "Kurier",
         "text": "Kiel\nFeuer im Hafen\nDie Feuerwehr löschte am Dienstag in Kiel einen Brand im Hafen. "
                 "Am Mittwoch besuchte der Bürgermeister die Feuerwache."},
    ]
    GOLD = [
        {"doc": "a1", "cue": "hat die Feuerwehr in Kiel einen Brand im Hafen gelöscht", "trigger": "gelöscht",
         "value": "2025-03-11", "title": "Feuerwehr löscht Brand im Hafen", "cluster": "brand"},
        {"doc": "a2", "cue": "Die Feuerwehr löschte am Dienstag", "trigger": "löschte",
         "value": "2025-03-11", "title": "Feuerwehr löscht Brand im Hafen", "cluster": "brand"},
        {"doc": "a2", "cue": "besuchte der Bürgermeister die Feuerwache", "trigger": "besuchte",
         "value": "2025-03-12", "title": "Bürgermeister besucht Feuerwache", "cluster": "besuch"},
    ]

    @pytest.fixture(scope="class")
    @classmethod
    def folder(cls, tmp_path_factory):
        import json

        folder = tmp_path_factory.mktemp("news")
        (folder / "texts_gold.jsonl").write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in cls.TEXTS))
        (folder / "gold_events.jsonl").write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in cls.GOLD))
        return folder

    def test_pairs_are_counted_over_the_gold_mentions_found(self, folder):
        from timeline.evaluation.merging import load_news_dev, score_news_dev

        data = load_news_dev(folder)
        assert len(data.gold) == 3 and data.doc_order == ("a1", "a2")
        scores = score_news_dev(data, MergePolicy())[0]
        assert scores.found == 3 and scores.gold_pairs == 1
        assert scores.true_pairs == 1 and scores.system_pairs == 1  # the fire once, the visit apart
        assert (scores.precision, scores.recall) == (1.0, 1.0)
        off = score_news_dev(data, MergePolicy(enabled=False))[0]
        assert off.system_pairs == 0 and off.recall == 0.0 and off.clusters_split == 1

    def test_command(self, folder, capsys):
        from timeline.evaluation.merging import main

        assert main(["--news-dev", str(folder), "--strictness", "normal", "--errors"]) == 0
        out = capsys.readouterr().out
        assert "| normal | 3 | 1 | 1 | 1 | 1.000 | 1.000 | 0 |" in out
