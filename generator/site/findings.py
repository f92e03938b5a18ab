"""Key findings of the front page: the story in a few plain sentences built from the data.

Who published first, how each later article derives from its sources, who credits them
(here), then what happened to the quotations (quote_findings.py); each finding a sentence
of parts (finding_parts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..labels import INDEPENDENT, WHOLLY, WHOLLY_MIN_REUSE, pair_label
from ..model import Article, PairResult, QuoteCluster
from ..paths import pair_page
from ..provenance import contained, dated, order_known
from .common import percent
from .finding_parts import Finding, Namer, Part
from .quote_findings import quote_findings

FURTHER_SOURCE_MIN = 0.05
"""Least share of an article's words a second or third source must account for to be named
beside the main one ('..., and 8% more from 4'): a label threshold would hide them (the
partially derived bar is a fifth)."""


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


def findings(articles: tuple[Article, ...], pairs: dict[tuple[str, str], PairResult], links: list[Link],
             clusters: tuple[QuoteCluster, ...], semantic: bool, numbers: dict[str, int] | None = None,
             origin: bool = True) -> list[Finding]:
    """Key findings, most important first. ``articles`` are in publication order; ``numbers``:
    their site-wide numbers (default: their place in ``articles``); ``origin``: whether to
    name the first published article (not across several stories)."""
    if not articles:
        return []
    names = Namer(articles, numbers)
    result = [_origin(articles, pairs, links, names)] if origin else []
    result += _derivations(articles, pairs, links, names)
    result += _credit(articles, links, names)
    result += quote_findings(clusters, articles, names)
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


def _origin(articles: tuple[Article, ...], pairs: dict[tuple[str, str], PairResult], links: list[Link],
            names: Namer) -> Finding:
    first = articles[0]
    when = _date(first.meta.published)
    parts = [*names.ref(first)]
    tied = sum(1 for a in articles[1:] if dated(a) and not order_known(first, a)) if when else 0
    if not when:
        parts.append(Part(_undated_first(first, articles, pairs)))
    elif tied:  # a bare date on its day: which came first is a guess
        parts.append(Part(f", on {when}, probably: {tied} other article{'s are' if tied > 1 else ' is'} dated the "
                          "same day, without times that tell which came first."))
    else:
        parts.append(Part(f", on {when}."))
    reached, others = len(_descendants(first.id, links)), len(articles) - 1
    if reached:
        who = (f"All {others} other articles reuse" if reached == others > 1 else
               "The other article reuses" if reached == others else
               f"{reached} of the {others} other articles reuse{'s' if reached == 1 else ''}")
        parts.append(Part(f" {who} its text, directly or through another article."))
    return Finding("origin", tuple(parts))


def _undated_first(first: Article, articles: tuple[Article, ...], pairs: dict[tuple[str, str], PairResult]) -> str:
    """Why an undated article leads the order (provenance.publication_order): it went right
    before an article containing its text; else no article is dated and none contained in it
    went before it, so file order put it first."""
    if any(contained(first.id, other.id, pairs) for other in articles[1:]):
        return ", undated, placed first because another article contains its text."
    return (", undated, placed first in file order: no article is dated, and it neither contains another's "
            "text nor lies in another's.")


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
                 names: Namer) -> list[Finding]:
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


def _credit(articles: tuple[Article, ...], links: list[Link], names: Namer) -> list[Finding]:
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
