"""Errors a user can act on.

``InputError`` is bad input: one message with file, line and what was expected. The
command line prints it on one line and exits with status 2. ``EngineError`` is the rule
engine misbehaving (a durable_rules result that cannot be trusted); it is never turned
into a verdict.
"""

from __future__ import annotations

from collections.abc import Iterable

from tarazy.engine.model import exitstatus

MAX_REPORTED = 20
"""Problems listed at most per run; the rest are counted ("... and 7 more")."""


def one_line(text: str) -> str:
    """Text on one line: newlines and runs of white space become one space."""
    return " ".join(text.split())


class InputError(Exception):
    """Bad input: a message with the file and line it concerns (both optional).

    ``line`` is 1-based, as editors number lines; ``None`` when the problem has no line."""

    exit_status = exitstatus.INPUT
    """The command line exits with 2 (bad input)."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    @property
    def problems(self) -> tuple[InputError, ...]:
        """Each problem this error stands for (itself, unless it gathers several)."""
        return (self,)

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where += f":{self.line}"
        message = one_line(self.message)
        return one_line(f"{where}: {message}") if where else message


class InputErrors(InputError):
    """Several problems found at once (in one file or in several), reported together.

    ``problems`` keeps the first ``MAX_REPORTED``; ``more`` counts the rest. ``str`` gives one
    line per problem."""

    def __init__(self, errors: Iterable[InputError]) -> None:
        flat: list[InputError] = []
        seen: set[str] = set()
        hidden = 0
        for error in errors:
            hidden += getattr(error, "more", 0)
            for problem in error.problems:
                if str(problem) not in seen:
                    seen.add(str(problem))
                    flat.append(problem)
        if not flat:
            raise ValueError("InputErrors needs at least one error")
        super().__init__(flat[0].message, flat[0].file, flat[0].line)
        self._problems = tuple(flat[:MAX_REPORTED])
        self.more = len(flat) - len(self._problems) + hidden

    @property
    def problems(self) -> tuple[InputError, ...]:
        """The problems gathered, in the order found."""
        return self._problems

    def lines(self) -> list[str]:
        """One line per problem, and a last line counting those not shown."""
        shown = [str(p) for p in self._problems]
        if self.more:
            shown.append(f"... and {self.more} more problems")
        return shown

    def __str__(self) -> str:
        return "\n".join(self.lines())


def gather(errors: list[InputError]) -> None:
    """Raise the errors collected (one as itself, several together); nothing if none."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InputErrors(errors)


class EngineError(Exception):
    """The rule engine returned a result that cannot be trusted."""

    exit_status = exitstatus.ENGINE
    """The command line exits with 4 (an engine failure, never a verdict)."""
