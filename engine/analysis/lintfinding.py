"""What ``tarazy doctrine lint`` finds: a finding with file and 1-based line, and the
loaded doctrine file the checks read (``linting`` and ``overlaps``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import attrs

from tarazy.engine.input.yamlfile import Document
from tarazy.engine.model import Doctrine

Severity = Literal["error", "warning"]


@attrs.frozen(order=True)
class LintFinding:
    """One finding: where, how bad, which check, and what to do."""

    file: str
    line: int
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message} [{self.code}]"


@attrs.frozen
class Linted:
    """A doctrine file that loaded: the doctrine, its document (for lines) and its path."""

    doctrine: Doctrine
    doc: Document
    file: Path


def at(
    x: Linted, path: Sequence[str | int], severity: Severity, code: str, msg: str
) -> LintFinding:
    """A finding at ``path`` of ``x``'s document (its line, 1-based)."""
    return LintFinding(str(x.file), x.doc.line_of(path), severity, code, msg)
