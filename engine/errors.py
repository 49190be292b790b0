"""Errors a user can act on.

``InputError`` is bad input: one message with file, line and what was expected. The
command line prints it on one line and exits with status 2. ``EngineError`` is the rule
engine misbehaving (a durable_rules result that cannot be trusted); it is never turned
into a verdict.
"""

from __future__ import annotations


class InputError(Exception):
    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


class EngineError(Exception):
    """The rule engine returned a result that cannot be trusted."""
