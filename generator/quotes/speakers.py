"""One name per person among a story's quote speakers.

Extraction names a speaker as each article writes them: one article's "Sergei Lavrov" is
another's "Sergey Lavrov", and an article that never gives the full name says "Lavrov".
Within a group of articles (a story, or the whole set when there are no stories) names
are filed under one person only where that is safe:

- two full names are one person when their surnames are equal and their given names
  compatible: the same or a spelling of the same (``SAME_GIVEN_NAME``), an initial of it
  ("J. Smith"), or one given name missing a middle name the other has; a name compatible
  with two different people stays as it is ("George Bush" beside "George W. Bush" and
  "George H.W. Bush");
- a single name is the one person of the group whose name ends with it (the surname) or
  begins with it (a family name written first: "Wang" of "Wang Yi"), and stays as it is
  when the group has none or several ("Clinton" beside Bill and Hillary Clinton).

The person's name is the spelling most occurrences use (then the longest given name, then
the alphabetically first).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from rapidfuzz import fuzz

from ..model import QuoteCluster, QuoteOccurrence

SAME_GIVEN_NAME = 80
"""``fuzz.ratio`` from which two given names are spellings of one name ("Sergei"/"Sergey"
83, "Jon"/"John" 86; "John"/"Jane" 50, "Bill"/"Hillary" 36)."""


def resolve_speakers(clusters: Iterable[QuoteCluster],
                     groups: Iterable[Iterable[str]]) -> tuple[QuoteCluster, ...]:
    """The clusters with every speaker filed under its person's name, group by group
    (``groups``: article ids; an article in no group is its own)."""
    clusters = tuple(clusters)
    group_of = {aid: n for n, ids in enumerate(groups) for aid in ids}
    counts: dict[object, Counter[str]] = {}
    for cluster in clusters:
        for o in cluster.found:
            if o.speaker:
                counts.setdefault(group_of.get(o.article, o.article), Counter())[o.speaker] += 1
    names = {g: person_names(c) for g, c in counts.items()}

    def named(article: str, speaker: str | None) -> str | None:
        return names.get(group_of.get(article, article), {}).get(speaker, speaker) if speaker else speaker

    return tuple(replace(c, speaker=named(c.origin, c.speaker),
                         found=tuple(_renamed(o, named(o.article, o.speaker)) for o in c.found))
                 for c in clusters)


def _renamed(o: QuoteOccurrence, speaker: str | None) -> QuoteOccurrence:
    return o if speaker == o.speaker else replace(o, speaker=speaker)


def person_names(counts: Mapping[str, int]) -> dict[str, str]:
    """Each speaker name of one group → the name of its person (itself when not merged).
    Names are compared only with names of their surname: linear in the names of a group."""
    by_surname: dict[str, list[str]] = {}
    for name in (n for n in counts if len(n.split()) > 1):
        by_surname.setdefault(_surname(name), []).append(name)
    filed: dict[str, str] = {}
    for names in by_surname.values():
        filed.update(_people(names, counts))
    persons_of: dict[str, set[str]] = {}  # a surname, or a family name written first → its people
    for name, person in filed.items():
        for key in {_surname(name), name.split()[0].casefold()}:
            persons_of.setdefault(key, set()).add(person)
    for name in (n for n in counts if len(n.split()) == 1):
        candidates = persons_of.get(name.casefold(), set())
        filed[name] = next(iter(candidates)) if len(candidates) == 1 else name
    return filed


def _people(names: list[str], counts: Mapping[str, int]) -> dict[str, str]:
    """Full names of one surname → the name of their person."""
    # Names with an initial last, then the fullest names first, so a shorter name or an
    # initial meets every person it could be ("J. Smith": John or Jane Smith).
    people: list[list[str]] = []
    for name in sorted(names, key=lambda n: (_has_initial(n), -len(n.split()), -counts[n], n)):
        near = [p for p in people if any(_one_person(name, other) for other in p)]
        if len(near) == 1 and all(_one_person(name, other) for other in near[0]):
            near[0].append(name)
        else:
            people.append([name])
    return {name: min(person, key=lambda n: (-counts[n], -len(_given(n)), n))
            for person in people for name in person}


def _given(name: str) -> str:
    return " ".join(name.split()[:-1])


def _has_initial(name: str) -> bool:
    return any(len(part.rstrip(".")) == 1 for part in name.split()[:-1])


def _surname(name: str) -> str:
    return name.split()[-1].casefold()


def _one_person(a: str, b: str) -> bool:
    """Full names ``a`` and ``b``: same surname, compatible given names."""
    given_a, given_b = a.split()[:-1], b.split()[:-1]
    if _surname(a) != _surname(b) or not _same_given(given_a[0], given_b[0]):
        return False
    middle_a, middle_b = given_a[1:], given_b[1:]
    if not middle_a or not middle_b:
        return True  # "Hillary Clinton", "Hillary Rodham Clinton"
    return len(middle_a) == len(middle_b) and all(map(_same_given, middle_a, middle_b))


def _same_given(a: str, b: str) -> bool:
    a, b = a.casefold().rstrip("."), b.casefold().rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]  # an initial
    return a == b or fuzz.ratio(a, b) >= SAME_GIVEN_NAME
