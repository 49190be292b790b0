"""``tarazy coverage``: condition coverage of the doctrines, as text and as JSON.

Lines are the doctrine files' own (1-based); a branch's witnesses are decided cases (by id)
and doctrine examples (by provision id).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tarazy.engine.analysis.coverage import Branch, percent
from tarazy.engine.model import jsonout

__all__ = ["LISTED", "json_report", "text_report"]

LISTED = 5
"""Witnesses named per side of a branch in the text report; the rest are counted."""


def _names(names: Sequence[str]) -> str:
    if not names:
        return "none"
    shown = ", ".join(names[:LISTED])
    more = len(names) - LISTED
    return f"{len(names)}: {shown}" + (f" and {more} more" if more > 0 else "")


def text_report(found: Sequence[Branch]) -> str:
    """Per doctrine, each branch with its witnesses; then the uncovered ones; the share."""
    lines: list[str] = []
    current = None
    for b in found:
        if b.doctrine != current:
            current = b.doctrine
            lines += ["", b.doctrine] if lines else [b.doctrine]
        mark = "covered" if b.covered else "UNCOVERED"
        lines.append(f"  {b.label} (line {b.line}) {mark}: {b.text}")
        for side, names, possible in (
            ("true ", b.true, b.can_be_true),
            ("false", b.false, b.can_be_false),
        ):
            shown = _names(names) if possible or names else "cannot be (no provision makes it so)"
            lines.append(f"      {side} {shown}")
    uncovered = [b for b in found if not b.covered]
    lines += ["", f"Uncovered branches ({len(uncovered)}):"]
    for b in uncovered:
        missing = " and ".join(b.missing)
        lines.append(f"  {b.file}:{b.line}: {b.doctrine} {b.label}: never witnessed {missing}")
    covered = sum(b.covered for b in found)
    lines.append(
        f"Coverage: {covered} of {len(found)} branches witnessed true and false "
        f"({percent(found):.1f}%)"
    )
    return "\n".join(lines) + "\n"


def json_report(found: Sequence[Branch]) -> str:
    """{branches: [...], uncovered: [...], summary: {branches, covered, percent}}."""

    def one(b: Branch) -> dict[str, Any]:
        return {
            "doctrine": b.doctrine,
            "branch": b.label,
            "file": b.file,
            "line": b.line,
            "condition": b.text,
            "true": list(b.true),
            "false": list(b.false),
            "can_be_true": b.can_be_true,
            "can_be_false": b.can_be_false,
            "covered": b.covered,
        }

    data = {
        "branches": [one(b) for b in found],
        "uncovered": [f"{b.doctrine} {b.label}" for b in found if not b.covered],
        "summary": {
            "branches": len(found),
            "covered": sum(b.covered for b in found),
            "percent": round(percent(found), 1),
        },
    }
    return jsonout.document(data)
