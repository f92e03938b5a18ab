"""Who said a quotation: an ordered registry of small rules over the quote's sentence.

Each rule looks at the quote's ``Context`` and returns a ``Mention`` (a name, a
pronoun, or ``UNNAMED`` for an explicit but unnamed speaker such as "a spokesman
said", which stops the search), or None to let the next rule try. No speaker is
better than a wrong one, so every rule is narrow and unnamed speakers give None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .names import NAME_RE, clean_name

VERBS = """said|says|say|saying|told|tells|telling|added|adds|adding|announced|announces|announcing
stated|declared|declares|insisted|insists|argued|argues|arguing|noted|notes|noting|warned|warns|warning
wrote|writes|writing|tweeted|tweets|tweeting|posted|explained|explains|explaining|asked|asks|asking
replied|replies|claimed|claims|claiming|continued|continues|stressed|stresses|stressing|emphasized
emphasised|emphasizes|emphasises|informed|urged|urges|alluded|described|describes|describing|remarked
recalled|recalls|recalling|acknowledged|admitted|admits|conceded|suggested|suggests|predicted|vowed
promised|pledged|complained|complains|joked|jokes|quipped|responded|responds|testified|highlighted
touted|mentioned|observed|countered|cautioned|boasted|lamented|charged|contended|maintained
concluded|reiterated|repeated|shouted|yelled|called|accused|accusing|blasted|slammed|criticized
criticised|praised|thanked|confirmed|denied|demanded|proclaimed|retorted|snapped|whispered|mused
agreed|believes|believed|thinks|thought|recounted|explained|assured|assures|reminded|promised
spoke|speaks|speaking|calling|labeled|labelled|dubbed|branded|declaring|telling|adding
concludes|agrees|acknowledges|concedes|predicts|vows|promises|boasts|counters|quips|observes
remarks|laments|contends|maintains|cautions|shouts|demands|responded|recounts|adds|explains
exclaimed|exclaims|answered|answers|elaborated|elaborates|chanted|chanting|screamed|pleaded
|wondered|wonders|muttered|interjected
shot back|fired back|pointed out|points out|went on|goes on|chimed in|wrote in|tweeted"""
VERBS = [v.strip() for v in re.split(r"[|\n]", VERBS) if v.strip()]
VERB = r"(?:" + "|".join(sorted(set(VERBS), key=len, reverse=True)) + r")\b"
AUX = r"(?:(?:also|later|then|previously|once|again|recently|repeatedly|often|has|had|have|would|will|\w+ly)\s+)*"
SUBJ = rf"(?P<subj>{NAME_RE.pattern}|[Hh]e|[Ss]he)"
APPOS = r"(?:\s*\([^()¤]{1,25}\))?(?:,[^,;¤]{1,80},)?"
"""An aside after a name: "(R-Ohio)", ", the foreign minister,"."""

AFTER_SUBJ_VERB = re.compile(rf"^[\s,]*(?P<desc>[^,;:!?¤“”\"]{{0,60}}?)\s*{APPOS}\s+{AUX}{VERB}")
AFTER_VERB_SUBJ = re.compile(rf"^[\s,]*{VERB}\s+(?P<desc>[^,;:!?¤“”\"]{{1,80}})")
# Words that make a trailing name the object of a description ("a person close to the Clintons").
LINKING = re.compile(r"\b(?:to|of|for|with|close|from|at|in|on|who|which|that|and|or|by|near|about|behind)\b")
TAIL_NAME = re.compile(rf"(?:^|\s)(?P<name>{NAME_RE.pattern})$")
VERB_RE = re.compile(rf"\b{VERB}")
BEFORE_COLON = re.compile(rf"{SUBJ}\s*:\s*$")
ACCORDING = re.compile(r"\baccording to\s+(?P<desc>[^,.;:!?¤]{1,80})", re.I)
DESCRIPTION = re.compile(r"(?:a|an|the|his|her|their|its|one|another|some|several|two|three|many|officials?|spokes\w+|aides?)\b", re.I)
SUBJECT = re.compile(rf"{SUBJ}{APPOS}\s+{AUX}(?P<verb>[a-z]\w*)")


@dataclass(frozen=True, slots=True)
class Context:
    """The text around one quotation, other quotations masked with '¤'."""

    before: str
    """From the start of the quote's sentence to the opening mark."""
    after: str
    """From the closing mark to the end of the sentence."""
    previous: str = ""
    """The last sentence of the previous paragraph, when the quote opens its paragraph."""


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str
    """'name', 'pronoun' or 'unnamed' (an explicit speaker that is not a person's name)."""
    text: str = ""


UNNAMED = Mention("unnamed")


def _mention(desc: str) -> Mention | None:
    """A speaker phrase → a name, a pronoun, an unnamed description, or None (not a subject)."""
    desc = re.sub(r"\.$", "", desc.strip())
    if desc in ("he", "she", "He", "She"):
        return Mention("pronoun", desc.casefold())
    m = NAME_RE.match(desc)
    name = clean_name(m.group()) if m else None
    if not name:  # "pollster Frank Luntz", "the Zionist Union Party’s Nachman Shai"
        tail = TAIL_NAME.search(desc)
        if tail and not LINKING.search(desc[: tail.start()]):
            name = clean_name(tail.group("name"))
    if name:
        return Mention("name", name)
    return UNNAMED if DESCRIPTION.match(desc) else None


def after_subject_verb(ctx: Context) -> Mention | None:
    """“...,” Lavrov told Xi / “...,” he added / “...,” a spokesman said."""
    m = AFTER_SUBJ_VERB.match(ctx.after)
    if not m or not m.group("desc").strip():
        return None
    if len(m.group("desc").split()) > 6:
        return None
    return _mention(m.group("desc"))


def after_verb_subject(ctx: Context) -> Mention | None:
    """“...,” said Russian Foreign Minister Sergey Lavrov."""
    m = AFTER_VERB_SUBJ.match(ctx.after)
    if not m:
        return None
    return _mention(m.group("desc"))


def before_colon(ctx: Context) -> Mention | None:
    """Lavrov: “...”"""
    m = BEFORE_COLON.search(ctx.before)
    return _mention(m.group("subj")) if m else None


def previous_colon(ctx: Context) -> Mention | None:
    """Cruz continued: ¶ “...” — a paragraph ending in a colon introduces the quote."""
    if not ctx.previous.rstrip().endswith(":"):
        return None
    lead = Context(before=ctx.previous.rstrip()[:-1], after="")
    return before_colon(Context(before=ctx.previous.rstrip(), after="")) or before_subject_verb(lead)


def before_subject_verb(ctx: Context) -> Mention | None:
    """Wang told his counterpart that ... “...” — the speech verb nearest the quote."""
    verbs = [m for m in VERB_RE.finditer(ctx.before) if not m.group().endswith("ing")]
    if not verbs:
        return None
    head = ctx.before[: verbs[-1].start()].rstrip()
    head = re.sub(rf"{AUX}$", "", head + " ").rstrip()
    m = re.search(rf"(?:^|[\s,;:(—–-])(?P<desc>{NAME_RE.pattern}|[Hh]e|[Ss]he)\s*{APPOS}$", head)
    if m:
        return _mention(m.group("desc"))
    return UNNAMED if re.search(r"\b(?:spokes\w*|official|officials|aide|statement)\s*$", head) else None


def sentence_subject(ctx: Context) -> Mention | None:
    """Wang touted ... by saying they would “...”: the subject of a sentence with a speech cue."""
    if not (VERB_RE.search(ctx.before) or VERB_RE.search(ctx.after)):
        return None
    for m in SUBJECT.finditer(ctx.before):
        titled = _titled_name(ctx.before, m)
        mention = titled or _mention(m.group("subj"))
        if mention and mention.kind != "unnamed" and (titled or m.group("verb") not in ("and", "of", "or", "s")):
            return mention
    return None


def _titled_name(before: str, m: re.Match) -> Mention | None:
    """“Opposition councillor Mark Doyle voted ...”: a lower-case word that is no speech verb
    between a capitalised word and a name is the named person's title, and the name the subject."""
    if VERB_RE.fullmatch(m.group("verb")):
        return None
    after = re.compile(rf"\s+(?P<name>{NAME_RE.pattern})").match(before, m.end("verb"))
    mention = _mention(after.group("name")) if after else None
    return mention if mention and mention.kind == "name" else None


def according_to(ctx: Context) -> Mention | None:
    """“...,” according to Lavrov. An unnamed source ("a spokesperson") gives no speaker."""
    m = ACCORDING.search(ctx.after) or ACCORDING.search(ctx.before)
    if not m:
        return None
    mention = _mention(m.group("desc"))
    return None if mention is None else mention if mention.kind == "name" else UNNAMED


RULES: tuple[tuple[str, Callable[[Context], Mention | None]], ...] = (
    ("after-subject-verb", after_subject_verb),
    ("after-verb-subject", after_verb_subject),
    ("before-colon", before_colon),
    ("before-subject-verb", before_subject_verb),
    ("sentence-subject", sentence_subject),
    ("according-to", according_to),
    ("previous-colon", previous_colon),
)


def find_mention(ctx: Context) -> Mention | None:
    """The first rule's answer, None when no rule applies."""
    for _name, rule in RULES:
        mention = rule(ctx)
        if mention is not None:
            return mention
    return None
