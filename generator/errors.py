"""Errors about the user's files, each naming the file and, where known, the line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a warning) in one input file."""

    file: str
    message: str
    line: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


class ContentError(Exception):
    """Raised by a reader or the config loader for a file it cannot use."""

    def __init__(self, file: str, message: str, line: int | None = None):
        super().__init__(message)
        self.problem = Problem(file, message, line)


class BuildError(Exception):
    """The build stopped because of the listed problems; the output was not touched."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems
