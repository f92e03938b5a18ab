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


def yaml_problem(exc: Exception, first_line: int = 1) -> tuple[str, int | None]:
    """A PyYAML error as (message, line in the file, the YAML starting at ``first_line``).
    Where the parser names what it was reading ("while scanning a quoted scalar"), the line is
    where that began: an unclosed quote or bracket is reported where it opens, not at the end
    of the file where it was noticed."""
    problem = getattr(exc, "problem", None) or str(exc)
    mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    if context is not None and getattr(exc, "context", None):
        noticed = f" (noticed at line {mark.line + first_line})" if mark is not None and mark.line != context.line \
            else ""
        return f"{problem}{noticed}, {exc.context} that starts here", context.line + first_line
    return problem, mark.line + first_line if mark is not None else None
