"""``tarazy consistency``: the decided cases checked against each other, as JSON and text.

Effects are numbered from 1 here, as in every other output of tarazy (``effect 1`` is the
first effect of the provision as its case file lists them); ``precedent.Conflict`` keeps the
0-based index the engine uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tarazy.engine.analysis.precedent import Conflict
from tarazy.engine.model import jsonout
from tarazy.engine.reports import reporting

__all__ = ["conflict_json", "consistency_json", "consistency_text"]


def conflict_json(conflict: Conflict) -> dict[str, Any]:
    """One pair as JSON: ``{doctrine, valid, valid_effect, invalid, invalid_effect,
    dimensions}``; ``valid`` and ``invalid`` are case ids, the effects 1-based."""
    return {
        "doctrine": conflict.doctrine,
        "valid": conflict.valid,
        "valid_effect": conflict.valid_effect + 1,
        "invalid": conflict.invalid,
        "invalid_effect": conflict.invalid_effect + 1,
        "dimensions": list(conflict.dimensions),
    }


def consistency_json(cases: int, compared: int, conflicts: Sequence[Conflict]) -> str:
    """``{cases, comparable_pairs, inconsistencies: [conflict_json]}`` as a JSON document."""
    data = {
        "cases": cases,
        "comparable_pairs": compared,
        "inconsistencies": [conflict_json(c) for c in conflicts],
    }
    return jsonout.document(data)


def consistency_text(cases: int, compared: int, conflicts: Sequence[Conflict]) -> str:
    """A count line, then either "nothing was checked" (no comparable pair) or the pairs
    found (``reporting.consistency_text``). Ends with a newline."""
    lines = [
        f"{cases} cases; {compared} (conforming, non-conforming) effect pairs "
        "comparable through some doctrine."
    ]
    if compared == 0:
        lines.append(
            "No pair of cases is comparable (the same right and kind of measure, through a "
            "violation doctrine that decided one of them): nothing was checked."
        )
    else:
        lines.append(reporting.consistency_text(conflicts))
    return "".join(line + "\n" for line in lines)
