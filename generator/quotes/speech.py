"""What kind of quotation: speech or not, and direct speech or a fragment of the sentence.

``is_speech``: a registry of small rules, each ``(text_before, quote_text, has_speech_verb)
-> bool`` answering "this is not speech" (quotation marks around a title, a name or a
scare-quoted term); the quote is speech unless one of them holds.

``is_direct``: whether the quote stands as an utterance of its own ("...," he said / He
said: "...") or is worked into the narrator's sentence (he called the plan "a disaster").
News writing introduces direct speech at the start of a sentence, after a colon or comma,
or right after a speech verb; anything else before the opening mark makes it a fragment.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text import word_count
from .attribute import VERB

MASK = "¤"
"""What hides a quotation's words in the text the context rules read (see extract._mask)."""

_WORKS = r"""film|movie|book|novel|song|album|show|series|play|documentary|article|poem|essay|op-ed
|column|programme|program|episode|track|single|painting|opera|musical|podcast|term|word|phrase
|slogan|hashtag|headline|campaign|operation|motto|brand|label|nickname|title|exhibition|game
|memoir|ad|advert|commercial|concert|tour|newsletter|blog|magazine|newspaper"""
_CUE_RE = re.compile(
    rf"(?:(?:\b(?:the|a|an|his|her|their|its|new|latest|hit|called)|\w['’]s)\s+(?:[\w-]+\s+){{0,2}}"
    rf"(?:{_WORKS.replace(chr(10), '')})"
    r"|\b(?:titled|entitled|dubbed|nicknamed|so-called|known as|billed as|branded as|the so-called)"
    r"|\b(?:a|an|the)\s+(?:[\w-]+\s+){1,3}(?:called|named))\s*$",
    re.I,
)
_SENTENCE_PUNCT = frozenset(".,!?;:…。，！？；：")


TITLE_MAX_WORDS = 8


def after_title_cue(before: str, quote: str, has_verb: bool) -> bool:
    """the film “...”, titled “...”, a group called “...”, the so-called “...”; after a
    comma only a short capitalised title (the hit Broadway play, “Eclipsed.”)."""
    tail = before[-80:].rstrip()
    if _CUE_RE.search(tail):
        return True
    return tail.endswith(",") and (quote[:1].isupper() or quote[:1].isdigit()) \
        and len(quote.split()) <= TITLE_MAX_WORDS \
        and bool(_CUE_RE.search(tail[:-1]))


_SHOW_CUE = re.compile(r"(?:\b(?:on|in|to|of|told)|\w['’]s)\s*$")


def title_case_phrase(before: str, quote: str, has_verb: bool) -> bool:
    """A short Title Case phrase ("Water Under the Bridge") with no speech verb about, or
    right after "on"/"CNN's" (a programme: told CNN's “New Day”)."""
    words = quote.split()
    if (has_verb and not _SHOW_CUE.search(before)) or not words or len(words) > TITLE_MAX_WORDS \
            or quote[-1] in _SENTENCE_PUNCT:
        return False
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    return words[0][:1].isupper() and all(w[:1].isupper() for w in long_words)


SCARE_MAX_WORDS = 3


def unattributed_phrase(before: str, quote: str, has_verb: bool) -> bool:
    """A short phrase inside the narrator's sentence with no speech verb about: a scare
    quote or a term (a “launch team”, the GOP’s “establishment” candidate)."""
    return not has_verb and 0 < word_count(quote) <= SCARE_MAX_WORDS and quote[-1] not in _SENTENCE_PUNCT \
        and not is_direct(before, quote)


RULES: tuple[tuple[str, Callable[[str, str, bool], bool]], ...] = (
    ("after-title-cue", after_title_cue),
    ("title-case-phrase", title_case_phrase),
    ("unattributed-phrase", unattributed_phrase),
)


def is_speech(before: str, quote: str, has_verb: bool) -> bool:
    return not any(rule(before, quote, has_verb) for _name, rule in RULES)


# Sentence start (nothing before), a colon, comma, dash, bracket or a sentence end the
# splitter missed, or a speech verb ("says", "asked") right before the opening mark.
# A verb that names rather than reports ("called it “a disaster”", items labeled “Made in
# the U.S.A.”) does not introduce speech by itself.
_NAMING = r"(?:called|calling|calls|labeled|labelled|labels|dubbed|branded|termed|named)\s*$"
_INTRODUCED = re.compile(rf"(?:^|[:,.!?—–(\[-]|\b(?!{_NAMING}){VERB})\s*$")
# A heading in capitals run into the quote's line (a newsletter item: "WHY THE VOTE MATTERS
# “...”"): the quote starts the item's text, as if it opened a sentence.
_HEADING = re.compile(r"(?:^|\n)[^a-z\n]*[A-Z]{2,}[^a-z\n]*\s[^a-z\n]*[A-Z]{2,}[^a-z\n]*$")
# The attribution right after the closing mark: "..." he said, "..." the column noted,
# "..." Rep. Jim McDermott (D-Wash.) said: at most four words (and an aside) before the verb.
# A word joining a clause is not part of the speaker ("...” every time he thinks about it).
_CLAUSE_WORD = (r"(?:and|but|or|if|when|whenever|because|as|that|which|who|whom|where|while|since"
                r"|every|each|than)\b")
_ATTRIBUTION_AFTER = re.compile(
    rf"(?:(?!{_CLAUSE_WORD})[\w.'’-]+\s+(?:\([^()]{{1,25}}\)\s+)?){{0,4}}(?:\w+ly\s+)?{VERB}")
# After "said that ...," the words go on reporting the speech, even in quotation marks.
_SUBORDINATE = r"(?:that|because|if|whether)\b"
# The clause before a comma is an attribution: "Axelrod said," / "she said at a town hall on
# Monday," (a speech verb and at most eight words, none a subordinator), "in her words," /
# "as Jones put it," / "according to its summary,", or the attribution interrupting a quote that resumes
# ("“...,” said Ann Lee, the campaign's director, “and...”"; the earlier quote is masked).
_ATTRIBUTION_BEFORE = re.compile(
    rf"\b{VERB}(?:\s+(?!{_SUBORDINATE})[^\s,;:]+){{0,8}}\s*,\s*$"
    r"|\b[Ii]n (?:\S+\s+){1,2}words\s*,\s*$|\b[Aa]s [^,;:]{1,60} put it\s*,\s*$|\b[Aa]ccording to [^,;:]{1,60},\s*$"
    rf"|{MASK}[,”\"»’\s]+[^{MASK}.!?]{{0,150}}\b{VERB}[^{MASK}.!?]{{0,150}},\s*$"
)
_CLOSING_MARKS = "”\"»“’ \t"
_SINGLE_CLOSERS = "’'›"
# A headline credited to its writer: "...," by Times' Jane Doe.
_CREDIT_AFTER = re.compile(r"[,”\"»\s]*by\s+[A-Z]")


def is_direct(before: str, quote: str, following: str = "") -> bool:
    """True when the quote is introduced as speech of its own, not worked into the sentence.

    ``before``: the sentence up to the opening mark; ``following``: the text from the closing
    mark on. Not direct:
    - a quote that the sentence runs on from without a pause ("Top secret" is the highest
      level...) unless its attribution follows at once ("..." he said, without the comma);
    - a quote opening in lower case after a comma that ends narrative, not an attribution
      (In past campaigns, "we felt..."): it carries on the narrator's sentence, unless its
      own attribution follows at once ("...," Smith said);
    - a quote right after a verb that names ("called", "labeled"), with nothing between;
    - a headline credited to its writer ("...," by Times' Jane Doe);
    - an aside: a quote filling a parenthesis, or a lower-case one after a dash (unless
      attributed at once)."""
    tail = before.rstrip()[-120:]
    if not (_INTRODUCED.search(tail) or _HEADING.search(tail)):
        return False
    if _CREDIT_AFTER.match(following):
        return False
    rest = following.lstrip(_CLOSING_MARKS)
    # Its attribution right after it ("...," added Zarate / "...?" asked Dunn) makes a quote
    # an utterance of its own however the sentence led into it.
    attributed = bool(_ATTRIBUTION_AFTER.match(rest.lstrip(",;" + _CLOSING_MARKS)))
    if quote[:1].islower() and tail.endswith(",") and not _ATTRIBUTION_BEFORE.search(tail) and not attributed:
        return False
    if _is_aside(tail, quote, rest) and not attributed:
        return False
    # The pause may sit inside a closing single mark: “... ‘darn it,’” Cruz said.
    runs_on = rest[:1].isalnum() and quote.rstrip().rstrip(_SINGLE_CLOSERS)[-1:] not in _SENTENCE_PUNCT
    return not runs_on or bool(_ATTRIBUTION_AFTER.match(rest))


_DASHES = "—–-"


def _is_aside(tail: str, quote: str, rest: str) -> bool:
    """A quote that is all of a parenthesis (Marco Rubio (“Little Marco”)) or opens in lower
    case after a dash: an aside (his record—“the longest expansion”—and) or the narrator's
    sentence carried on (the club in Jupiter — “which is a phenomenal area.”), not an
    utterance of its own; unless the dash interrupted a quote of the same sentence that it
    resumes (“A” - at which point the crowd chanted - “and B.”)."""
    if tail.endswith("(") and rest.startswith(")"):
        return True
    return quote[:1].islower() and tail[-1:] in _DASHES and MASK not in tail
