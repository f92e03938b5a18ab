"""Speaker names filed under one person per story (generator/quotes/speakers.py)."""

from __future__ import annotations

from generator.model import QuoteCluster, QuoteOccurrence
from generator.quotes.speakers import person_names, resolve_speakers


def test_transliterations_and_a_surname_are_one_person():
    names = person_names({"Sergei Lavrov": 3, "Sergey Lavrov": 1, "Lavrov": 2, "Wang Yi": 4, "Wang": 1})
    assert names == {"Sergei Lavrov": "Sergei Lavrov", "Sergey Lavrov": "Sergei Lavrov",
                     "Lavrov": "Sergei Lavrov", "Wang Yi": "Wang Yi", "Wang": "Wang Yi"}


def test_people_sharing_a_surname_stay_apart():
    names = person_names({"Hillary Clinton": 3, "Bill Clinton": 2, "Clinton": 4, "Hillary Rodham Clinton": 1})
    assert names["Hillary Rodham Clinton"] == "Hillary Clinton"
    assert names["Bill Clinton"] == "Bill Clinton"
    assert names["Clinton"] == "Clinton"  # Bill or Hillary: left as written


def test_a_name_that_fits_two_people_is_left_alone():
    names = person_names({"George W. Bush": 1, "George H.W. Bush": 1, "George Bush": 5, "J. Smith": 1,
                          "John Smith": 2, "Jane Doe": 1, "John Doe": 1})
    assert names["George Bush"] == "George Bush" and names["George W. Bush"] == "George W. Bush"
    assert names["J. Smith"] == "John Smith"
    assert names["Jane Doe"] == "Jane Doe" and names["John Doe"] == "John Doe"


def test_an_initial_that_fits_two_full_names_is_left_alone():
    names = person_names({"John Smith": 3, "J. Smith": 1, "Jane Smith": 1})
    assert names == {"John Smith": "John Smith", "J. Smith": "J. Smith", "Jane Smith": "Jane Smith"}
    names = person_names({"John Smith": 1, "J. Smith": 1, "Jane Smith": 1})
    assert names == {"John Smith": "John Smith", "J. Smith": "J. Smith", "Jane Smith": "Jane Smith"}


def test_on_a_count_tie_the_person_is_named_by_the_longest_given_name():
    assert person_names({"J. Smith": 1, "John Smith": 1})["J. Smith"] == "John Smith"
    assert person_names({"Hillary Clinton": 1, "Hillary Rodham Clinton": 1})["Hillary Clinton"] \
        == "Hillary Rodham Clinton"


def _cluster(qid: str, origin: str, speakers: dict[str, str | None]) -> QuoteCluster:
    return QuoteCluster.of(qid, "words", speakers[origin], origin,
                           [QuoteOccurrence(a, "verbatim", "words", 100.0, speaker=s) for a, s in speakers.items()])


def test_resolved_per_story():
    clusters = [_cluster("q1", "a", {"a": "Sergey Lavrov", "b": "Lavrov", "c": "Lavrov"}),
                _cluster("q2", "b", {"a": None, "b": "Sergei Lavrov", "c": "Boris Lavrov"}),
                _cluster("q3", "a", {"a": "Sergey Lavrov", "b": "Sergey Lavrov", "c": None})]
    q1, q2, q3 = resolve_speakers(clusters, [("a", "b")])  # c: a story of its own
    assert q1.speaker == "Sergey Lavrov"  # two of a and b's three name him so
    assert [o.speaker for o in q1.found] == ["Sergey Lavrov", "Sergey Lavrov", "Boris Lavrov"]
    assert q2.speaker == "Sergey Lavrov" and [o.speaker for o in q2.found] == [None, "Sergey Lavrov", "Boris Lavrov"]
    assert [o.speaker for o in q3.found] == ["Sergey Lavrov", "Sergey Lavrov", None]


def test_the_site_wide_filter_merges_full_names_only():
    from generator.site.quotes import speaker_names

    clusters = (_cluster("q1", "a", {"a": "Sergey Lavrov"}), _cluster("q2", "a", {"a": "Sergey Lavrov"}),
                _cluster("q3", "b", {"b": "Sergei Lavrov"}), _cluster("q4", "c", {"c": "Lavrov"}))
    assert speaker_names(clusters) == {"Sergey Lavrov": "Sergey Lavrov", "Sergei Lavrov": "Sergey Lavrov",
                                       "Lavrov": "Lavrov"}  # another story's Lavrov may be someone else
