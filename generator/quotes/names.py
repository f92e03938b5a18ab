"""Personal names in running text: runs of capitalised words, titles stripped.

Deliberately simple (no tagger): a name is one to four capitalised words after
titles, ranks and nationalities are dropped. It is used to say who spoke and to
expand a short mention ("Wang") to the fullest form the article first gave ("Wang Yi").
"""

from __future__ import annotations

import re


def _capitals() -> str:
    """A character class of every uppercase or titlecase letter, in any script ("Émile",
    "Ångström", "Łukasz", "Сергей"); planes 0 and 1 hold them all (the others have no case).
    Python's ``re`` has no ``\\p{Lu}``. Consecutive code points are written as ranges."""
    runs: list[list[int]] = []
    for code in range(0x20000):
        char = chr(code)
        if char.isalpha() and (char.isupper() or char.istitle()):
            if runs and runs[-1][1] == code - 1:
                runs[-1][1] = code
            else:
                runs.append([code, code])
    return "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs) + "]"


_UPPER = _capitals()
# One capitalised word, with optional possessive; initials ("J.") and hyphens allowed.
_CAP = rf"(?:{_UPPER}[\w'’.-]*|O['’]{_UPPER}\w+|Mc{_UPPER}\w+)"
_PARTICLE = r"(?:de|da|di|van|von|der|den|bin|al|le|la|del|dos|du)"
# A word of four letters or more ending in a full stop ends the run: the sentence ended
# ("... met John Kasich. Barkley said"); initials, short abbreviations (J., H.W., Sen.) and
# longer titles (Capt., Pres.) do not.
_LONG_TITLES = "".join(rf"|(?<={t}\.)" for t in "Capt Pres Prof Sens Reps Supt Cmdr Msgr Atty".split())
_GOES_ON = rf"(?:(?<!\w{{4}}\.){_LONG_TITLES})"
NAME_RE = re.compile(rf"(?<![\w'’-]){_CAP}(?:{_GOES_ON}\s(?:{_PARTICLE}\s)?{_CAP}){{0,6}}(?![\w'’-])")

TITLES = frozenset(
    """president vice prime minister foreign secretary senator sen sen. rep rep. representative
    gov gov. governor mayor chancellor premier chairman chairwoman chair director spokesman
    spokeswoman spokesperson general gen gen. judge justice attorney ambassador mr mr. mrs mrs.
    ms ms. dr dr. prof prof. king queen prince princess pope leader chief executive ceo officer
    state deputy assistant speaker majority minority whip commissioner candidate nominee
    democratic republican democrat gop former u.s. us white house press lt. col. sgt. capt.
    adm. rev. sir lord lady dame pastor coach host anchor top defense defence interior
    finance home health treasury commerce energy labor labour sens. reps. hillary's
    minister's first lieutenant colonel sergeant captain admiral professor sheriff
    county city recorder clerk treasurer auditor comptroller council councilman councilwoman
    assemblyman assemblywoman congressman congresswoman delegate strategist adviser advisor
    pollster analyst economist consultant activist columnist correspondent commentator
    rabbi bishop cardinal pres pres. councillor councilor alderman mp mep msp lawmaker
    legislator owner founder co-founder""".split()
)
DEMONYMS = frozenset(
    """american chinese russian ukrainian british french german israeli palestinian iranian
    indian japanese korean north south east west turkish syrian iraqi afghan pakistani mexican
    canadian australian european italian spanish polish swiss saudi egyptian brazilian
    venezuelan cuban taiwanese western belarusian english scottish irish welsh dutch swedish
    norwegian danish greek hungarian austrian""".split()
)
# Capitalised words that start sentences or name things, never a person on their own.
NOT_NAMES = frozenset(
    """the a an and but or so yet if when while after before as at by for from in into of on
    to with without according following during since because although though however
    meanwhile still also this that these those there here it its he she they we i you his her
    their our my your him them us me who what which where why how then now today yesterday
    tomorrow monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december mr mrs ms dr
    later earlier still now instead yet even just only once soon finally perhaps maybe asked
    state media officials reports report news agency tass xinhua reuters ap afp cnn""".split()
)


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def _is_name_word(word: str) -> bool:
    folded = word.casefold()
    return folded not in TITLES and folded not in DEMONYMS and folded not in NOT_NAMES


def clean_name(run: str) -> str | None:
    """The person's name in a capitalised run ("Chinese Foreign Minister Wang Yi" → "Wang Yi",
    "Russia's Foreign Minister Sergei Lavrov" → "Sergei Lavrov")."""
    raw = run.split()
    # The name is what follows the last title, nationality or possessive ("Russia's").
    cut = 0
    for i, word in enumerate(raw[:-1]):
        if not _is_name_word(_strip_possessive(word)) or re.search(r"['’]s?$", word):
            cut = i + 1
    words = [_strip_possessive(w) for w in raw[cut:]]
    if words and len(words[-1]) > 2:
        words[-1] = words[-1].rstrip(".")
    if not words or not all(_is_name_word(w) for w in words) or len(words) > 4:
        return None
    return " ".join(words) if words[-1][:1].isupper() else None


def names_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, name) of every name in ``text[start:end]``, in order."""
    found = []
    for m in NAME_RE.finditer(text, start, len(text) if end is None else end):
        name = clean_name(m.group())
        if name:
            found.append((m.start(), name))
    return found


class NameIndex:
    """The names of one article in order, to expand short mentions to full names."""

    def __init__(self, names: list[tuple[int, str]]):
        self._names = names
        # Every run of consecutive words of a name → the first longer name holding it (names
        # have at most four words, so this is linear in the article: a 50 MB text has ~10^5 names).
        self._longer: dict[tuple[str, ...], str] = {}
        for _, name in names:
            tokens = tuple(name.split())
            for k in range(1, len(tokens)):
                for i in range(len(tokens) - k + 1):
                    self._longer.setdefault(tokens[i : i + k], " ".join(tokens))

    def full(self, mention: str) -> str:
        """The first longer name containing ``mention`` as consecutive words, else ``mention``."""
        return self._longer.get(tuple(mention.split()), mention)
