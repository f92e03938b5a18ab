"""Key findings of the front page: the story in a few plain sentences built from the data.

Each finding is a sentence cut into parts, so that the articles it names become links in
the template (and the text stays escaped: no HTML is built here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import Levenshtein

from ..labels import INDEPENDENT, WHOLLY, WHOLLY_MIN_REUSE, pair_label
from ..model import Article, PairResult, QuoteCluster, QuoteOccurrence
from ..paths import article_page, pair_page
from ..provenance import dated, order_known
from .common import percent

TITLE_WORDS = 9
"""Articles are named in findings by their number and the first words of their title."""
QUOTE_WORDS = 12

FURTHER_SOURCE_MIN = 0.05
"""Least share of an article's words a second or third source must account for to be named
beside the main one ('..., and 8% more from 4'): a label threshold would hide them (the
partially derived bar is a fifth)."""


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a finding: plain text, or a link to a page of the site."""

    text: str
    page: str | None = None
    """Output path the text links to (made relative by the template)."""
    number: int | None = None
    """The article's number (publication order), shown as a badge before a link."""
    title: str = ""
    """Tooltip: the full title of a linked article."""


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    """'origin', 'copied', 'rewritten', 'wholly', 'derived', 'borrowed', 'independent', 'credit', 'altered',
    'unquoted', 'partial' or 'note' (a CSS class and a test hook)."""
    parts: tuple[Part, ...]

    @property
    def lead(self) -> str:
        """A few words that say what kind of finding this is, shown in bold first."""
        return LEADS[self.kind]

    @property
    def text(self) -> str:
        return f"{self.lead}: " + "".join(p.text for p in self.parts)


LEADS = {
    "origin": "First published", "copied": "Mostly copied", "rewritten": "Mostly rewritten",
    "wholly": "Wholly derived", "derived": "Partly derived",
    "borrowed": "Shares text", "independent": "Written independently", "credit": "Credit",
    "altered": "Quotes altered", "unquoted": "Quotation marks dropped", "partial": "Quotes cut",
    "note": "Note",
}


@dataclass(frozen=True, slots=True)
class Link:
    """A direct source of an article, as the provenance stage found it."""

    article: str
    source: str
    share: float
    """Share of the article's words this source explains that no better source does."""
    credited: bool
    reuse: float
    """reuse(article, source): all the article's words aligned to the source."""
    label: str
    """The pair's METER label (``labels.pair_label``): a source is called derived, and a
    missing credit a fault, only where this says derived."""

    @property
    def derived(self) -> bool:
        return self.label != INDEPENDENT


class _Namer:
    """Turns articles into linked parts: number, short title, outlet."""

    def __init__(self, articles: tuple[Article, ...], numbers: dict[str, int] | None = None):
        self.number = numbers or {a.id: n for n, a in enumerate(articles, 1)}

    def ref(self, article: Article, outlet: bool = True) -> list[Part]:
        words = article.title.split()
        short = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
        parts = [Part(f"“{short}”", article_page(article.id), self.number[article.id], article.title)]
        if outlet and article.meta.outlet:
            parts.append(Part(f" ({article.meta.outlet})"))
        return parts

    def refs(self, articles: list[Article], counts: dict[str, int] | None = None) -> list[Part]:
        parts: list[Part] = []
        for k, article in enumerate(articles):
            if k:
                parts.append(Part(" and " if k == len(articles) - 1 else ", "))
            parts += self.ref(article, outlet=False)
            if counts:
                parts.append(Part(f" ({counts[article.id]})"))
        return parts


def findings(articles: tuple[Article, ...], pairs: dict[tuple[str, str], PairResult], links: list[Link],
             clusters: tuple[QuoteCluster, ...], semantic: bool, numbers: dict[str, int] | None = None
             ) -> list[Finding]:
    """Key findings, most important first. ``articles`` are in publication order; ``numbers``:
    their site-wide numbers (default: their place in ``articles``)."""
    if not articles:
        return []
    names = _Namer(articles, numbers)
    result = [_origin(articles, links, names)]
    result += _derivations(articles, pairs, links, names)
    result += _credit(articles, links, names)
    result += _quote_findings(clusters, articles, names)
    if not semantic:
        result.append(Finding("note", (Part("Paraphrase detection was off for this build: passages reworded "
                                            "beyond recognition are not counted as reuse."),)))
    return result


def _date(iso: str | None) -> str:
    try:
        day = date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return iso or ""
    return f"{day.day} {day:%B %Y}" if day else ""


def _origin(articles: tuple[Article, ...], links: list[Link], names: _Namer) -> Finding:
    first = articles[0]
    when = _date(first.meta.published)
    parts = [*names.ref(first)]
    tied = sum(1 for a in articles[1:] if dated(a) and not order_known(first, a)) if when else 0
    if tied:  # a bare date on its day: which came first is a guess
        parts.append(Part(f", on {when}, probably: {tied} other article{'s are' if tied > 1 else ' is'} dated the "
                          "same day, without times that tell which came first."))
    else:
        parts.append(Part(f", on {when}." if when else ", undated, placed first because the others contain its text."))
    reached, others = len(_descendants(first.id, links)), len(articles) - 1
    if reached:
        who = (f"All {others} other articles reuse" if reached == others > 1 else
               "The other article reuses" if reached == others else
               f"{reached} of the {others} other articles reuse{'s' if reached == 1 else ''}")
        parts.append(Part(f" {who} its text, directly or through another article."))
    return Finding("origin", tuple(parts))


def _descendants(root: str, links: list[Link]) -> set[str]:
    found, todo = set(), [root]
    while todo:
        current = todo.pop()
        for link in links:
            if link.derived and link.source == current and link.article not in found:
                found.add(link.article)
                todo.append(link.article)
    return found


def _derivations(articles: tuple[Article, ...], pairs: dict[tuple[str, str], PairResult], links: list[Link],
                 names: _Namer) -> list[Finding]:
    """One sentence per later article: mostly copied or rewritten, partly derived, or independent."""
    by_id = {a.id: a for a in articles}
    found: dict[str, list[tuple[float, Finding]]] = {"copied": [], "rewritten": [], "wholly": [], "derived": [],
                                                   "borrowed": []}
    independent = []
    best: dict[str, float] = {}  # each article's largest reuse from an earlier article, in one pass
    for (a, s), p in pairs.items():
        if names.number[s] < names.number[a]:
            best[a] = max(best.get(a, 0.0), p.reuse)
    takers: dict[str, int] = {}  # the later articles derived from it directly
    passed_on: dict[str, float] = {}  # the largest reuse of them from it
    for k in (k for k in links if k.derived):
        takers[k.source] = takers.get(k.source, 0) + 1
        taken = pairs.get((k.article, k.source))
        passed_on[k.source] = max(passed_on.get(k.source, 0.0), taken.reuse if taken else k.share)
    for article in articles[1:]:
        own = sorted((k for k in links if k.article == article.id), key=lambda k: -k.share)
        if not own:
            independent.append(Finding("independent", (*names.ref(article), Part(
                _independent(best.get(article.id, 0.0), takers.get(article.id, 0), passed_on.get(article.id, 0.0))))))
            continue
        main = pairs[(article.id, own[0].source)]
        copied = main.verbatim + main.edited
        reworded = copied < main.reuse / 2  # most of what it took is paraphrase
        kind = _derivation_kind(own[0].label, main.reuse, reworded)
        verb = "are shared with" if not own[0].derived else "follow" if main.paraphrase else "come from"
        parts = [*names.ref(article), Part(f": {percent(main.reuse)} of its words {verb} "),
                 *names.ref(by_id[own[0].source]), Part(f" ({_breakdown(main)}"),
                 Part("compare", pair_page(article.id, own[0].source)), Part(")")]
        extras = [k for k in own[1:3] if k.share >= FURTHER_SOURCE_MIN]
        for n, extra in enumerate(extras):  # ', and 8% more from 3' or ', 10% more from 1 and 8% more from 4'
            joint = " and " if n else ", and " if len(extras) == 1 else ", "
            parts += [Part(f"{joint}{percent(extra.share)} more from "), *names.ref(by_id[extra.source], outlet=False)]
        parts.append(Part(_credit_clause([k for k in own if k.derived])))
        if kind in ("copied", "rewritten") and pair_label(main) != WHOLLY:  # the new-word cap: say why
            parts.append(Part(f" It adds {main.new_words} content words of its own, so its label is "
                              f"{pair_label(main)}."))
        found[kind].append((main.reuse, Finding(kind, tuple(parts))))
    return [f for kind in found for _, f in sorted(found[kind], key=lambda x: -x[0])] \
        + independent


def _derivation_kind(label: str, reuse: float, reworded: bool) -> str:
    """The finding of an article from its main source's label: 'copied' or 'rewritten' where
    most of its words come from it (a label kept at partially derived by the new-word cap
    too: the finding says why), else 'wholly' or 'derived' as labelled (a wholly derived
    brief may keep the source's facts and few of its sentences), or 'borrowed' where the
    pair is labelled independent, however many words the two share (articles on one event
    share facts and quotes)."""
    if label == INDEPENDENT:
        return "borrowed"
    if reuse >= WHOLLY_MIN_REUSE:
        return "rewritten" if reworded else "copied"
    return "wholly" if label == WHOLLY else "derived"


def _breakdown(pair: PairResult) -> str:
    """'28% verbatim, 15% edited, 44% paraphrased; ': how the article's words follow the source
    (only verbatim words are word for word; paraphrase says the same in other words)."""
    kinds = ((pair.verbatim, "verbatim"), (pair.edited, "edited"), (pair.paraphrase, "paraphrased"))
    said = ", ".join(f"{percent(share)} {kind}" for share, kind in kinds if share > 0)
    return f"{said}; " if said else ""


def _credit_clause(derived: list[Link]) -> str:
    """Whether the article credits its sources, said only of those it is derived from (no
    credit is owed for text an independent article happens to share)."""
    if not derived:
        return "; labelled independent."
    credited = sum(1 for k in derived if k.credited)
    return (", credited." if credited == len(derived) else ", not credited." if not credited else
            ", credited only in part.")


def _independent(best: float, takers: int, passed_on: float) -> str:
    """The rest of an "independent" finding: what earlier articles explain of it, and who took
    its text later (so that a large figure elsewhere is not read as this article's source)."""
    text = (f": no earlier article accounts for more than {percent(best)} of its words" if best > 0 else
            ": none of its words lie in passages aligned to an earlier article")
    if takers == 1:
        text += f"; 1 later article took text from it ({percent(passed_on)} of that article's words)"
    elif takers:
        text += f"; {takers} later articles took text from it (up to {percent(passed_on)} of their words)"
    return text + "."


def _credit(articles: tuple[Article, ...], links: list[Link], names: _Namer) -> list[Finding]:
    """Who took text without naming where it came from (sources it is derived from only)."""
    links = [k for k in links if k.derived]
    takers = [a for a in articles if any(k.article == a.id for k in links)]
    silent = [a for a in takers if any(k.article == a.id and not k.credited for k in links)]
    if not silent:
        return [Finding("credit", (Part("every article that took text credits its source."),))] if takers else []
    if len(silent) == len(takers):
        lead = "none of the articles that took text credits its source: " if len(takers) > 1 else "not given by "
        return [Finding("credit", (Part(lead), *names.refs(silent), Part(".")))]
    return [Finding("credit", (Part(f"{len(silent)} of the {len(takers)} articles that took text do not credit "
                                    "their source: "), *names.refs(silent), Part(".")))]


QUOTE_SENTENCES = {
    "altered": "{n} reworded inside the quotation marks, in ",
    "unquoted": "{n} used without quotation marks, as if in the article's own words, in ",
    "partial": "{n} cut to an excerpt, in ",
}


def _quote_findings(clusters: tuple[QuoteCluster, ...], articles: tuple[Article, ...],
                    names: _Namer) -> list[Finding]:
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
