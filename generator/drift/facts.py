"""Fact tokens of a stretch of text: numbers with their units, dates, relative time,
people and the titles attached to them.

Rules and word lists only. Every fact keeps its character range in the article text so a
finding can point at the exact words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..quotes.names import NAME_RE, NameIndex, clean_name, names_in

NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split())
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12, "million": 10**6, "billion": 10**9}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
MONTHS = ("january february march april may june july august september october november "
          "december").split()
PERIODS = "day week weekend month year decade century spring summer autumn fall winter morning " \
          "afternoon evening night".split()
LENGTHS = frozenset("day week weekend month year decade century".split())
"""Periods that are lengths of time (the rest of ``PERIODS``, weekdays and months are named times)."""

_WORD_END = r"(?![^\W\d_])"
"""A number word ends its word: 'ten' is not read in 'tenants', 'four' in 'fourth', 'thousand' in
'thousands' (a finding quotes whole words)."""
_NUM = (r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
        + ")" + _WORD_END)
NUMBER_RE = re.compile(
    rf"(?<![\w.-])(?P<num>{_NUM})(?:\s(?P<scale>hundred|thousand|million|billion|trillion){_WORD_END}|(?P<bn>bn)\b)?"
    r"(?:[\s-](?P<unit>%|percent|per cent|[a-z]+))?", re.I)
YEAR_RE = re.compile(r"(?<![\w,.])(1[89]\d\d|20\d\d)(?![\w,]|\.\d)")
DAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
MONTH_RE = re.compile(r"\b(" + "|".join(m for m in MONTHS if m != "may") + r"|May(?= \d| of| last| this))\b")
RELATIVE_RE = re.compile(
    r"\b(?P<anchor>last|next|this|past|previous|coming|earlier this|later this)\s"
    r"(?P<unit>" + "|".join(PERIODS + WEEKDAYS + MONTHS) + r")\b"
    r"|\b(?P<single>yesterday|today|tomorrow|tonight)\b"
    r"|\b(?P<count>a|an|\w+)\s(?P<unit2>days?|weeks?|months?|years?|decades?)\sago\b", re.I)

# Titles and roles, each with its office class; the longest phrase wins.
ROLES = {
    "president": "president", "vice president": "vice president", "leader": "leader",
    "head of state": "leader", "chairman": "leader", "general secretary": "leader",
    "king": "leader", "queen": "leader", "premier": "premier", "vice premier": "vice premier",
    "prime minister": "prime minister", "deputy prime minister": "deputy prime minister",
    "chancellor": "prime minister", "foreign minister": "foreign minister",
    "top diplomat": "foreign minister", "chief diplomat": "foreign minister",
    "foreign secretary": "foreign minister", "secretary of state": "foreign minister",
    "diplomat": "diplomat", "defence minister": "defence minister",
    "defense minister": "defence minister", "defense secretary": "defence minister",
    "finance minister": "finance minister", "minister": "minister", "senator": "legislator",
    "lawmaker": "legislator", "congressman": "legislator", "mp": "legislator",
    "governor": "governor", "mayor": "mayor", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "spokesperson": "spokesperson", "ambassador": "ambassador",
    "general": "general", "judge": "judge", "ceo": "executive", "chief executive": "executive",
}
# Office classes that can name the same person in a faithful rewrite (generalisations).
COMPATIBLE = {
    frozenset({"leader", "president"}), frozenset({"leader", "prime minister"}),
    frozenset({"foreign minister", "minister"}), frozenset({"foreign minister", "diplomat"}),
    frozenset({"defence minister", "minister"}), frozenset({"finance minister", "minister"}),
    frozenset({"diplomat", "ambassador"}), frozenset({"diplomat", "minister"}),
}
_ROLE_RE = "|".join(sorted((r.replace(" ", r"\s") for r in ROLES), key=len, reverse=True))
ROLE_BEFORE_RE = re.compile(rf"\b({_ROLE_RE})\s(?:of\s[A-Z]\w+\s)?$", re.I)
APPOSITIVE_RE = re.compile(
    rf"^,\s(?:the|a|an|his|her|its)?\s?(?:[A-Z]\w+(?:['’]s)?\s|top\s|chief\s)*({_ROLE_RE})\b", re.I)
# Words kept with a title when it is quoted: "Chinese Premier", "top Russian diplomat".
_LEAD_RE = re.compile(r"(?:(?:top|chief|senior|former)\s)?(?:[A-Z]\w+(?:['’]s)?\s)?$")
# Capitalised words that never make a person's name.
NOT_PERSON = frozenset(
    """united states kingdom nations union house white cold war new york belt road forum
    kremlin beijing moscow china russia ukraine europe america washington london paris
    state media council party army ministry government congress senate parliament republic
    national international world news agency university court police department office
    north south east west western eastern central""".split())


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact token: a kind, the key it is compared by and the value compared."""

    kind: str
    """'number', 'date', 'relative', 'person' or 'title'."""
    key: str
    """What two facts must share to be compared: a unit, a date field, a person."""
    value: str
    """The normalised value ("2", "tuesday", "last month", "wang yi", "premier")."""
    start: int
    end: int
    """Character range of the wording in the article text."""


def number_value(word: str) -> float | None:
    word = word.casefold().replace(",", "")
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    try:
        return float(word)
    except ValueError:
        return None


def unit_of(word: str | None) -> str:
    word = (word or "").casefold()
    if word in ("%", "percent", "per cent"):
        return "percent"
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def numbers(text: str, start: int, end: int) -> list[Fact]:
    found = []
    for m in NUMBER_RE.finditer(text, start, end):
        if YEAR_RE.fullmatch(m.group("num")):
            continue
        if text[m.end("num"):m.end("num") + 1].casefold() == "s" and not m.group("bn"):
            continue  # "the 1990s", "in his early 50s": a range, not a value
        value = number_value(m.group("num"))
        if value is None or (m.group("num").casefold() == "one" and not m.group("unit")):
            continue
        value *= SCALES.get((m.group("scale") or ("billion" if m.group("bn") else "")).casefold(), 1)
        unit = unit_of(m.group("unit"))
        if unit in NUMBER_WORDS or unit in ("of", "and", "to", "or", "in", "the", "a"):
            unit = ""
        end_at = m.end() if unit else (m.end("scale") if m.group("scale") else m.end("bn") if m.group("bn")
                                       else m.end("num"))
        found.append(Fact("number", unit, f"{value:g}", m.start(), end_at))
    return found


def dates(text: str, start: int, end: int) -> list[Fact]:
    found = [Fact("date", "year", m.group(1), m.start(), m.end()) for m in YEAR_RE.finditer(text, start, end)]
    found += [Fact("date", "weekday", m.group(1).casefold(), m.start(), m.end())
              for m in DAY_RE.finditer(text, start, end)
              if not RELATIVE_RE.match(text, max(0, m.start() - 9), m.end())]
    found += [Fact("date", "month", m.group(1).casefold(), m.start(), m.end())
              for m in MONTH_RE.finditer(text, start, end)]
    for m in RELATIVE_RE.finditer(text, start, end):
        if m.group("single"):
            found.append(Fact("relative", "day", m.group("single").casefold(), m.start(), m.end()))
        elif m.group("anchor"):
            anchor, unit = " ".join(m.group("anchor").casefold().split()), m.group("unit").casefold()
            # "last year" and "last March" answer different questions: only a length of time
            # is compared with a length of time, a named month or day with a named one
            key = f"{anchor} {'length' if unit in LENGTHS else 'named'}"
            found.append(Fact("relative", key, f"{anchor} {unit}", m.start(), m.end()))
        else:
            unit = unit_of(m.group("unit2"))
            count = number_value(m.group("count")) if m.group("count").casefold() not in ("a", "an") else 1
            found.append(Fact("relative", "ago", f"{count:g} {unit} ago" if count else f"{unit} ago",
                              m.start(), m.end()))
    return found


def is_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and not any(w.casefold().strip(".") in NOT_PERSON for w in words)


class People:
    """The people an article names, each keyed by the fullest form the article gives."""

    def __init__(self, text: str):
        self.index = NameIndex(names_in(text))
        self.full_names = {self.index.full(n) for _, n in names_in(text)}
        self.persons = {n for n in self.full_names if is_person(n)}

    def person(self, mention: str) -> str | None:
        full = self.index.full(mention)
        return full if full in self.persons else None


def same_person(a: str, b: str) -> bool:
    """Two full names of one person, transliteration and short forms allowed. Names are
    compared by their letters in any script ("习近平" and "普京" are two people), a Latin
    letter's accents dropped ("Zelenskyy", "Zelenskyj", "Zelenskýj")."""
    from rapidfuzz import fuzz

    ka, kb = _key(a), _key(b)
    if not ka or not kb:  # no letters to compare
        return a == b
    whole_a, whole_b = _letters(a), _letters(b)
    shared = {w for w in _words(a) & _words(b) if len(w) > 1}
    return ka == kb or bool(shared) or whole_a == whole_b or whole_a.endswith(kb) or whole_b.endswith(ka) or fuzz.ratio(ka, kb) >= 75 or a in b or b in a


def _letters(text: str) -> str:
    """The case-folded letters of ``text``; a mark on a Latin letter is dropped (é → e), a mark
    that is part of another script's letter (Devanagari vowel signs) kept."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text.casefold()):
        if char.isalpha() or (unicodedata.category(char).startswith("M") and kept and not kept[-1].isascii()):
            kept.append(char)
    return "".join(kept)


def _words(name: str) -> set[str]:
    return {_letters(w) for w in name.split()}


def _key(name: str) -> str:
    return _letters(name.split()[-1]) if name.split() else ""


def people(text: str, start: int, end: int, known: People) -> list[Fact]:
    """Mentions of known people, and titles attached to them (before or in apposition)."""
    found = []
    for m in NAME_RE.finditer(text, start, end):
        name = clean_name(m.group())
        person = known.person(name) if name else None
        if not person:
            continue
        at = m.start() + m.group().rfind(name.split()[0])
        found.append(Fact("person", person, person, at, m.end()))
        role = _role_near(text, m.start(), m.end(), at)
        if role:
            found.append(Fact("title", person, ROLES[" ".join(role[0].casefold().split())], role[1], role[2]))
    return found


def _role_near(text: str, run_start: int, run_end: int, name_start: int) -> tuple[str, int, int] | None:
    before = text[max(0, run_start - 40):name_start]
    m = ROLE_BEFORE_RE.search(before)
    if m:
        offset = name_start - len(before)
        lead = _LEAD_RE.search(before, 0, m.start(1))
        return m.group(1), offset + (lead.start() if lead else m.start(1)), offset + m.end(1)
    m = APPOSITIVE_RE.match(text, run_end, min(len(text), run_end + 60))
    if m:
        return m.group(1), m.start(1), m.end(1)
    return None


def facts(text: str, start: int, end: int, known: People) -> list[Fact]:
    """Every fact token of ``text[start:end]``, in text order."""
    return sorted(numbers(text, start, end) + dates(text, start, end) + people(text, start, end, known),
                  key=lambda f: (f.start, f.kind))
