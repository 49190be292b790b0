"""``tarazy doctrine test``: the doctrine examples' results, as JSON and as text."""

from __future__ import annotations

from tarazy.engine.analysis import failures
from tarazy.engine.analysis.examplecheck import ExampleRun
from tarazy.engine.model import jsonout

__all__ = ["examples_json", "examples_text"]


def examples_json(run: ExampleRun) -> str:
    """``{examples: N, failed: [{doctrine, where, why, expected, got}],
    doctrines_without_examples: [ID]}`` as a JSON document; ``where`` is the example's
    ``file:line`` (1-based line)."""
    data = {
        "examples": len(run.rows),
        "failed": [
            {
                "doctrine": ex.doctrine,
                "where": str(ex.location),
                "why": ex.why,
                "expected": wrong[0],
                "got": wrong[1],
            }
            for ex, wrong in run.failed
        ],
        "doctrines_without_examples": list(run.untested),
    }
    return jsonout.document(data)


def examples_text(run: ExampleRun) -> str:
    """One paragraph per failed example (``failures.example_failure``), the doctrines
    without examples, and a count line. Ends with a newline."""
    failed = run.failed
    lines = [failures.example_failure(ex, wrong[1], wrong[0]) for ex, wrong in failed]
    if run.untested:
        lines.append("doctrines without examples: " + ", ".join(run.untested))
    lines.append(f"{len(run.rows)} examples, {len(failed)} failed")
    return "".join(line + "\n" for line in lines)
