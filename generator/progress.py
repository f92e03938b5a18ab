"""Progress of the build's stages: a bar per stage on a terminal, plain lines in CI."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


class Progress:
    """Reports each stage on stderr; silent when disabled (tests, `check`)."""

    def __init__(self, enabled: bool = True, stream=sys.stderr):
        self.enabled = enabled
        self.stream = stream
        self.tty = enabled and stream.isatty()

    def iter(self, items: Iterable[T], stage: str) -> Iterator[T]:
        items = list(items)
        if not self.enabled:
            yield from items
            return
        if self.tty:
            from tqdm import tqdm  # only when progress is shown: 0.03 s of start-up otherwise

            yield from tqdm(items, desc=f"{stage:>9}", unit="", file=self.stream, leave=False)
            self.log(f"{stage}: {len(items)} done")
            return
        started = time.perf_counter()
        yield from items
        self.log(f"{stage}: {len(items)} done in {time.perf_counter() - started:.2f} s")

    @contextmanager
    def stage(self, stage: str) -> Iterator[None]:
        """Time a stage that has no items to count."""
        started = time.perf_counter()
        yield
        self.log(f"{stage}: done in {time.perf_counter() - started:.2f} s")

    def log(self, message: str) -> None:
        if self.enabled:
            print(message, file=self.stream, flush=True)
