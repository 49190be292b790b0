"""``tarazy doctrine lint``: the findings, as text (one line each, ``file:line``, 1-based)
and as JSON."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from tarazy.engine.analysis.linting import LintFinding
from tarazy.engine.model import jsonout

__all__ = ["json_report", "text_report"]


def text_report(findings: Sequence[LintFinding], files: int) -> str:
    """One line per finding, then a count."""
    errors = sum(f.severity == "error" for f in findings)
    lines = [str(f) for f in findings]
    lines.append(
        f"{files} doctrine file{'s' if files != 1 else ''}: {errors} error"
        f"{'s' if errors != 1 else ''}, {len(findings) - errors} warning"
        f"{'s' if len(findings) - errors != 1 else ''}"
    )
    return "\n".join(lines) + "\n"


def json_report(findings: Sequence[LintFinding], files: int) -> str:
    """{findings: [...], summary: {files, errors, warnings}}."""
    errors = sum(f.severity == "error" for f in findings)
    data = {
        "findings": [attrs.asdict(f) for f in findings],
        "summary": {"files": files, "errors": errors, "warnings": len(findings) - errors},
    }
    return jsonout.document(data)
