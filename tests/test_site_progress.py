"""Build progress: a bar per stage on a terminal, plain lines elsewhere (CI), nothing when off."""

from __future__ import annotations

import io

from generator.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    assert list(Progress(stream=stream).iter(range(3), "compare")) == [0, 1, 2]
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("compare: 3 done in ") and "\r" not in stream.getvalue()


def test_a_bar_on_a_terminal():
    stream = Terminal()
    assert list(Progress(stream=stream).iter(range(50), "render")) == list(range(50))
    out = stream.getvalue()
    assert "\r" in out and "/50 [" in out  # a tqdm bar, cleared when the stage ends
    assert out.rstrip().endswith("render: 50 done")


def test_silent_when_disabled():
    stream = Terminal()
    assert list(Progress(enabled=False, stream=stream).iter([1], "quotes")) == [1]
    assert stream.getvalue() == ""
