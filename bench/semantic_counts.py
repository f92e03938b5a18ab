"""How many texts a cold build with paraphrase detection asks to encode, and where: the
build runs with a stub encoder (hashed bag of words, instant), so the count is of the code
path, not of the model's time (the real model's similarities pick somewhat different
texts).

    python bench/semantic_counts.py [N]     # N synthetic articles (bench/synth.py), default 30
"""

from __future__ import annotations

import sys
import tempfile
import traceback
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from semantic_bench import synthetic_site  # noqa: E402

from generator import semantic  # noqa: E402
from generator.build import build  # noqa: E402
from generator.semantic import encoder  # noqa: E402
from generator.text import WORD_RE  # noqa: E402


class HashedWords:
    name = "counts"

    def encode(self, texts):
        rows = np.zeros((len(texts), 256))
        for r, text in enumerate(texts):
            for word in WORD_RE.findall(text.casefold()):
                rows[r, zlib.crc32(word.encode()) % 256] += 1
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms == 0, 1, norms)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    texts, words = Counter(), Counter()
    add = encoder.Embeddings.add

    def counting_add(self, batch):
        missing = {encoder.text_key(t): t for t in batch if encoder.text_key(t) not in self.vectors}
        stack = traceback.extract_stack()
        caller = stack[-3] if stack[-2].name == "matrix" else stack[-2]
        where = f"{Path(caller.filename).parent.name}/{Path(caller.filename).name}:{caller.name}"
        texts[where] += len(missing)
        words[where] += sum(len(t.split()) for t in missing.values())
        add(self, batch)

    encoder.Embeddings.add = counting_add
    semantic.LazyModel, semantic.installed = HashedWords, lambda: True
    with tempfile.TemporaryDirectory() as tmp:
        site = synthetic_site(Path(tmp) / "site", n)
        (site / "site.yml").write_text("semantic: on\n", encoding="utf-8")
        analysis, _ = build(site)
    sentences = sum(len(a.sentences) for a in analysis.articles)
    print(f"{n} articles, {sentences} sentences, {len(analysis.quotes)} quote clusters")
    for where in sorted(texts):
        print(f"  {where}: {texts[where]} texts, {words[where]} words")
    print(f"  total: {sum(texts.values())} texts, {sum(words.values())} words")


if __name__ == "__main__":
    main()
