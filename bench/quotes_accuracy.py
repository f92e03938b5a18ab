"""Direct-quote extraction and speaker accuracy on PolNeAR (train + dev).

Gold direct quotes: each fragment of an attribution's Content spans (brat's numbered roles
Content2, ... included) that starts and ends at a double quotation mark (PolNeAR has no direct/indirect label; this is the README's
heuristic). A span's pieces separated only by white space are one fragment (the annotation
tool cuts spans at sentence ends), and a fragment is widened to a mark right outside it (a
Content that is exactly a quote but leaves out its opening or closing mark). A predicted quote matches a gold one when their inner ranges, trimmed of
spaces and punctuation, are equal or overlap by at least 90% of the longer.
"Precision (inside any Content)" also counts as right a predicted quote lying inside an
attributed Content span (a quoted phrase within indirect speech, which the strict gold
does not list). Speaker accuracy is over matched quotes whose gold Source is a name (not a pronoun or a
description): correct when the predicted speaker shares a capitalised word with it.

    python bench/quotes_accuracy.py [/work/shared/corpora/polnear] [--parts train,dev] [--errors N]

The errors are sorted into kinds, counted under "errors:" in the output: a missed gold quote
that wiretrace extracted but classed a fragment or not speech, extracted with other bounds,
or did not find; a spurious direct quote lying inside a longer Content, overlapping one, or
outside every Content.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.model import Document, Metadata  # noqa: E402
from generator.quotes import extract_quotes  # noqa: E402
from generator.segment import segment  # noqa: E402

OPEN, CLOSE = "\"“„«", "\"”“»"
PUNCT = " \t\n.,;:!?'’‘\"“”„«»—–-()"
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "his", "her", "their"}


def spans(field: str, text: str) -> list[tuple[int, int]]:
    """The fragments of one brat span, those separated only by white space joined: the
    annotation tool cuts a span at each sentence end ("649 687;781 875;876 879" is one quote
    of several sentences after its attribution), so only a gap with words in it (“A,” he
    said, “B”) separates two pieces of a Content."""
    joined: list[tuple[int, int]] = []
    for part in field.split(";"):
        start, end = map(int, part.split())
        if joined and joined[-1][1] <= start and not text[joined[-1][1]:start].strip():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def contents(text: str, ann: Path) -> list[tuple[int, int]]:
    """Every Content fragment of one annotation file."""
    found = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and parts[1].startswith("Content "):
            found += spans(parts[1].partition(" ")[2], text)
    return found


def gold(text: str, ann: Path) -> list[tuple[int, int, str | None]]:
    """(start, end, source text) of every direct quote fragment in one annotation file."""
    tspans, links = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, rest = parts[1].partition(" ")
            tspans[parts[0]] = (label, spans(rest, text))
        elif line.startswith("E") and len(parts) >= 2:
            links.append(dict(p.split(":") for p in parts[1].split() if ":" in p))
    result = []
    for link in links:
        source = tspans.get(link.get("Source"))
        source_text = " ".join(text[s:e] for s, e in source[1]) if source else None
        # brat numbers a repeated role: "Content:T28 Content2:T32" are two Content spans.
        fragments = [f for role, t in link.items() if re.fullmatch(r"Content\d*", role) and t in tspans
                     for f in tspans[t][1]]
        for start, end in (with_marks(text, s, e) for s, e in fragments):
            frag = text[start:end].strip()
            if len(frag) > 2 and frag[0] in OPEN and frag.rstrip(".,") [-1] in CLOSE:
                result += [(s, e, source_text) for s, e in quotations(text, start, end)]
    return result


# What may stand between two quotations of one Content that are each a quote: nothing but
# marks and spaces, a joining word, or an attribution (PolNeAR's own Cue words, checked by hand).
_JOINING = re.compile(r"[\W\d_]*(?:(?:and|or|but|then|yes|indeed|also)\b[\W\d_]*)*", re.I)
_SPEECH = re.compile(r"\b(?:said|says|say|added|adds|adding|told|tells|asked|asks|continued|continues|wrote|writes"
                     r"|explained|noted|replied|responded|stated|declared|insisted|argued|tweeted|went on)\b", re.I)


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of a fragment that starts and ends at quotation marks, when it holds
    several quotes (“A.” ¶ “B.”; “A,” he added, “B.”; “A,” “B” and “C”), each from its
    opening to its closing mark. A mark opens when it follows a space (or the fragment's
    start, a bracket, a dash) and closes otherwise, so quotes nested inside one stay in it.
    One quotation (the whole fragment) when the marks do not pair up that way (a quotation
    running over paragraphs, “A. ¶ “B.”), or when narrative that is not an attribution
    stands between two of them (“one or two instances” where donations may have “slipped
    through”: quoted words worked into reported speech, not quotes of their own)."""
    pieces = _paired(text, start, end)
    gaps = [text[a[1]:b[0]] for a, b in zip(pieces, pieces[1:])]
    if all(_JOINING.fullmatch(g) or _SPEECH.search(g) for g in gaps):
        return pieces
    return [(start, end)]


def _paired(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found, depth, opened = [], 0, start
    for i in range(start, end):
        if text[i] not in OPEN + CLOSE:
            continue
        before = text[i - 1] if i > start else " "
        if before.isspace() or before in "([{—–-":
            if depth == 0:
                opened = i
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return [(start, end)]
            if depth == 0:
                found.append((opened, i + 1))
    return found if depth == 0 and found else [(start, end)]


def with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A fragment widened to the quotation marks right outside it: some annotators leave the
    opening or closing mark (and the comma before it) out of a Content that is exactly a quote."""
    inner = text[start:end].strip()
    mark = start - 1
    while mark >= 0 and text[mark] == " ":  # on the same line only
        mark -= 1
    if inner[:1] not in OPEN and mark >= 0 and text[mark] in OPEN and (mark == 0 or not text[mark - 1].strip()):
        start = mark
    mark = end
    while mark < len(text) and text[mark] in " .,?!":
        mark += 1
    if inner.rstrip(".,")[-1:] not in CLOSE and mark < len(text) and text[mark] in CLOSE \
            and (mark + 1 == len(text) or not text[mark + 1].isalnum()):
        end = mark + 1
    return start, end


def core(text: str, start: int, end: int) -> tuple[int, int]:
    """A range trimmed of spaces, marks and punctuation at both ends."""
    while start < end and text[start] in PUNCT:
        start += 1
    while end > start and text[end - 1] in PUNCT:
        end -= 1
    return start, end


def same(a: tuple[int, int], b: tuple[int, int]) -> bool:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return a == b or overlap >= 0.9 * max(a[1] - a[0], b[1] - b[0])


def speaker_ok(predicted: str | None, source: str) -> bool:
    words = {w.casefold() for w in re.findall(r"[A-Z][\w'’-]+", source)}
    return bool(predicted) and bool(words & {w.casefold() for w in predicted.split()})


def named(source: str | None) -> bool:
    return bool(source) and source.strip().casefold() not in PRONOUNS and bool(re.search(r"\b[A-Z][a-z]", source))


def evaluate(root: Path, parts: tuple[str, ...] = ("train", "dev"), show_errors: int = 0) -> dict[str, float]:
    """Figures over the given PolNeAR parts. Predicted direct quotes: the speech quotes that
    wiretrace classes as direct (``Quote.direct``); "all speech quotes" also counts the
    fragments worked into a sentence (he called it “a disaster”), which the gold leaves out."""
    counts, errors = Counter(), []
    started = time.perf_counter()
    for part in parts:
        for path in sorted((root / "data" / part / "text").glob("*.txt")):
            anns = sorted((root / "data" / part / "attributions").glob(path.stem + "_*.ann"))
            if not anns:
                continue
            text = path.read_text(encoding="utf-8")
            article = segment(path.stem, Document(path.name, "text", text, Metadata()))
            quotes = extract_quotes(article)
            speech = [q for q in quotes if q.speech]
            counts["words"] += len(article.words)
            golds = [(core(text, s, e), src) for s, e, src in gold(text, anns[0])]
            counts["all tp"] += len(_matches(golds, [core(text, q.start, q.end) for q in speech]))
            counts["all pred"] += len(speech)
            predicted = [q for q in speech if q.direct]
            preds = [(core(text, q.start, q.end), q) for q in predicted]
            hits = _matches(golds, [p for p, _ in preds])
            for k, (g, src) in enumerate(golds):
                counts["gold"] += 1
                hit = hits.get(k)
                if hit is None:
                    errors.append((_missed_kind(text, g, quotes), text[g[0]:g[1]][:90], src))
                    continue
                counts["tp"] += 1
                quote = preds[hit][1]
                if named(src):
                    counts["named"] += 1
                    counts["given"] += quote.speaker is not None
                    ok = speaker_ok(quote.speaker, src)
                    counts["right"] += ok
                    if not ok:
                        errors.append(("speaker", quote.text[:60], f"{quote.speaker!r} vs {src!r}"))
            counts["pred"] += len(preds)
            inside = contents(text, anns[0])
            matched = set(hits.values())
            for i, (p, quote) in enumerate(preds):
                if i in matched:
                    continue
                if any(s <= p[0] and p[1] <= e for s, e in inside):
                    counts["in content"] += 1  # quoted words inside an attributed Content span
                    errors.append(("spurious: inside a longer Content", quote.text[:90], ""))
                elif any(min(e, p[1]) > max(s, p[0]) for s, e in inside):
                    errors.append(("spurious: overlaps a Content", quote.text[:90], ""))
                else:
                    errors.append(("spurious: no Content", quote.text[:90], ""))
    p = counts["tp"] / max(1, counts["pred"])
    r = counts["tp"] / max(1, counts["gold"])
    ap, ar = counts["all tp"] / max(1, counts["all pred"]), counts["all tp"] / max(1, counts["gold"])
    result = {
        "gold quotes": counts["gold"], "predicted": counts["pred"], "precision": p, "recall": r,
        "f1": 2 * p * r / max(1e-9, p + r),
        "precision (inside any Content)": (counts["tp"] + counts["in content"]) / max(1, counts["pred"]),
        "all speech quotes": counts["all pred"], "all precision": ap, "all recall": ar,
        "all f1": 2 * ap * ar / max(1e-9, ap + ar), "named sources": counts["named"],
        "speaker accuracy": counts["right"] / max(1, counts["named"]),
        "speaker precision (when given)": counts["right"] / max(1, counts["given"]),
        "speaker coverage": counts["given"] / max(1, counts["named"]),
        "seconds": time.perf_counter() - started, "words": counts["words"],
    }
    for kind, n in sorted(Counter(kind for kind, _a, _b in errors).items()):
        result[f"errors: {kind}"] = n
    for kind, a, b in errors[:show_errors] if show_errors else ():
        print(f"{kind:9} {a!r}  {b}")
    return result


def _missed_kind(text: str, g: tuple[int, int], quotes) -> str:
    """Why a gold quote was missed: what wiretrace made of the same marks, if anything."""
    same_marks = [q for q in quotes if same(g, core(text, q.start, q.end))]
    if same_marks:
        return "missed: classed a fragment" if same_marks[0].speech else "missed: classed not speech"
    if any(min(q.end, g[1]) > max(q.start, g[0]) for q in quotes):
        return "missed: extracted with other bounds"
    return "missed: no quotation found"


def _matches(golds: list, preds: list[tuple[int, int]]) -> dict:
    """Gold index → index of the first unused predicted range that is the same quote."""
    found: dict[int, int] = {}
    for k, (g, _src) in enumerate(golds):
        hit = next((i for i, p in enumerate(preds) if i not in found.values() and same(g, p)), None)
        if hit is not None:
            found[k] = hit
    return found


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(sys.argv[sys.argv.index("--errors") + 1]) if "--errors" in sys.argv else 0
    parts = tuple(sys.argv[sys.argv.index("--parts") + 1].split(",")) if "--parts" in sys.argv else ("train", "dev")
    args = [a for a in args if a not in (str(n), ",".join(parts))]
    root = Path(args[0] if args else "/work/shared/corpora/polnear")
    for key, value in evaluate(root, parts, n).items():
        print(f"{key:32} {value:.3f}" if isinstance(value, float) else f"{key:32} {value}")
