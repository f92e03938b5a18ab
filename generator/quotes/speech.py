"""Is a quotation speech, or quotation marks around a title, a name or a scare-quoted term?

A registry of small rules, each ``(text_before, quote_text, has_speech_verb) -> bool``
answering "this is not speech"; the quote is speech unless one of them holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORKS = r"""film|movie|book|novel|song|album|show|series|play|documentary|article|poem|essay|op-ed
|column|programme|program|episode|track|single|painting|opera|musical|podcast|term|word|phrase
|slogan|hashtag|headline|campaign|operation|motto|brand|label|nickname|title|exhibition|game"""
_CUE_RE = re.compile(
    rf"(?:\b(?:the|a|an|his|her|their|its|new|latest|hit|called)\s+(?:[\w-]+\s+)?(?:{_WORKS.replace(chr(10), '')})"
    r"|\b(?:titled|entitled|dubbed|nicknamed|so-called|known as|billed as|branded as|the so-called)"
    r"|\b(?:a|an|the)\s+[\w-]+\s+(?:called|named))\s*$",
    re.I,
)
_SENTENCE_PUNCT = frozenset(".,!?;:…")


def after_title_cue(before: str, quote: str, has_verb: bool) -> bool:
    """the film “...”, titled “...”, a group called “...”, the so-called “...”."""
    return bool(_CUE_RE.search(before[-80:]))


_SHOW_CUE = re.compile(r"(?:\b(?:on|in|to|of)|\w['’]s)\s*$")


def title_case_phrase(before: str, quote: str, has_verb: bool) -> bool:
    """A short Title Case phrase ("Water Under the Bridge") with no speech verb about, or
    right after "on"/"CNN's" (a programme: told CNN's “New Day”)."""
    words = quote.split()
    if (has_verb and not _SHOW_CUE.search(before)) or not words or len(words) > 8 or quote[-1] in _SENTENCE_PUNCT:
        return False
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    return words[0][:1].isupper() and all(w[:1].isupper() for w in long_words)


RULES: tuple[tuple[str, Callable[[str, str, bool], bool]], ...] = (
    ("after-title-cue", after_title_cue),
    ("title-case-phrase", title_case_phrase),
)


def is_speech(before: str, quote: str, has_verb: bool) -> bool:
    return not any(rule(before, quote, has_verb) for _name, rule in RULES)
