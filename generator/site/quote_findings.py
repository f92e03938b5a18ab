"""Findings of the front page about quotations: altered, unquoted or cut in the articles
that use them, with an example of an altered one."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ..model import Article, QuoteCluster, QuoteOccurrence
from .finding_parts import Finding, Namer, Part

QUOTE_WORDS = 12

QUOTE_SENTENCES = {
    "altered": "{n} reworded inside the quotation marks, in ",
    "unquoted": "{n} used without quotation marks, as if in the article's own words, in ",
    "partial": "{n} cut to an excerpt, in ",
}


def quote_findings(clusters: tuple[QuoteCluster, ...], articles: tuple[Article, ...],
                    names: Namer) -> list[Finding]:
    by_id = {a.id: a for a in articles}
    result = []
    for status, sentence in QUOTE_SENTENCES.items():
        hits = [(c, o) for c in clusters for o in c.found if o.status == status]
        if not hits:
            continue
        counts: dict[str, int] = {}
        for _, o in hits:
            counts[o.article] = counts.get(o.article, 0) + 1
        where = sorted((by_id[i] for i in counts), key=lambda a: names.number[a.id])
        n = f"{len(hits)} quotations were" if len(hits) > 1 else "1 quotation was"
        if status == "altered":
            sentence = _altered_sentence([o for _, o in hits])
        parts = [Part(sentence.format(n=n)), *names.refs(where, counts), Part(".")]
        if status == "altered":
            parts += _altered_example(hits)
        result.append(Finding(status, tuple(parts)))
    return result


def _altered_sentence(occurrences: list[QuoteOccurrence]) -> str:
    """The altered-quote sentence: 'reworded' only when every quote had a word changed, as
    an only respelled quote (recognized/recognised) had none."""
    respelled = sum(1 for o in occurrences if _only_respelled(o))
    if not respelled:
        return QUOTE_SENTENCES["altered"]
    if respelled == len(occurrences):
        return "{n} respelled inside the quotation marks, no word changed, in "
    return f"{{n}} changed inside the quotation marks ({respelled} only respelled), in "


def _only_respelled(occurrence: QuoteOccurrence) -> bool:
    edits = [e for e in occurrence.edits if e.source_text or e.article_text]
    return bool(edits) and all(_respelling(e.source_text, e.article_text) for e in edits)


def _altered_example(hits: list[tuple[QuoteCluster, QuoteOccurrence]]) -> list[Part]:
    """One altered quote with a word change, as an example: a change of words rather than of
    spelling if there is one (recognized/recognised is an alteration, but not a telling one)."""
    edits = [(cluster, e) for cluster, occ in hits for e in occ.edits if e.source_text or e.article_text]
    if not edits:
        return []
    cluster, edit = next(((c, e) for c, e in edits if not _respelling(e.source_text, e.article_text)), edits[0])
    words = cluster.text.split()
    quote = " ".join(words[:QUOTE_WORDS]) + ("…" if len(words) > QUOTE_WORDS else "")
    who = f"{cluster.speaker}'s " if cluster.speaker else ""
    if _respelling(edit.source_text, edit.article_text):
        change = f"“{edit.source_text}” was only respelled “{edit.article_text}”"
    else:
        change = (f"“{edit.source_text}” became “{edit.article_text}”" if edit.source_text and edit.article_text
                  else f"“{edit.source_text}” was dropped" if edit.source_text else f"“{edit.article_text}” was added")
    return [Part(f" For example, in {who}“{quote}”, {change}.")]


RESPELLING_LETTERS = frozenset("szlure")
"""The letters British and American spellings differ by: recognise/recognize, colour/color,
travelled/traveled, centre/center."""


def _respelling(old: str | None, new: str | None) -> bool:
    """The same word spelled another way: one word each side, at most two of
    ``RESPELLING_LETTERS`` apart, and not a plural or a tense (year/years, use/used)."""
    if not old or not new or " " in old.strip() or " " in new.strip():
        return False
    a, b = old.strip().casefold(), new.strip().casefold()
    if a == b or Levenshtein.distance(a, b) > 2 or min(len(a), len(b)) < 5:
        return False
    changed = {c for op in Levenshtein.opcodes(a, b) if op.tag != "equal"
               for c in a[op.src_start:op.src_end] + b[op.dest_start:op.dest_end]}
    same_ending = a[-1] == b[-1] or {a[-2:], b[-2:]} == {"er", "re"}
    return changed <= RESPELLING_LETTERS and same_ending
