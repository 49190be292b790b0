"""`tarazy verify`: the consistency properties and their counterexamples, as text and JSON
(English only: the command has no --lang option)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tarazy.engine.model import DoctrineSet, jsonout
from tarazy.engine.reports.textutil import wrap as _wrap

if TYPE_CHECKING:
    from tarazy.engine.verification.verifying import Result


def verify_json(results: Sequence[Result], seed: int, profile: str) -> str:
    """The properties' results as JSON: examples run, status, counterexample, sources."""
    data = {
        "properties": [
            {
                "name": r.name,
                "examples": r.examples,
                "status": r.status,
                "counterexample": r.counterexample,
                "sources": list(r.problem.sources) if r.problem else [],
                "message": r.problem.message if r.problem else None,
                "notes": list(r.notes),
                "seconds": round(r.seconds, 3),
            }
            for r in results
        ],
        "seed": seed,
        "profile": profile,
    }
    return jsonout.document(data)


def verify_text(
    results: Sequence[Result], seed: int, profile: str, doctrines: DoctrineSet, cases: int
) -> str:
    """The properties' results for a reader: one line each with its examples and rate, the
    notes, the problem with its sources and counterexample bill, and the closing count."""
    lines = [
        f"tarazy verify: {len(doctrines.doctrines)} doctrines from {doctrines.source}, "
        f"{cases} decided cases; profile {profile}, seed {seed}",
        "",
    ]
    for r in results:
        rate = r.examples / r.seconds if r.seconds > 0 else 0.0
        mark = "ok    " if r.status == "passed" else "FAILED"
        lines.append(f"  {mark} {r.name:16} {r.examples:6} examples  {rate:8.0f}/s")
        for note in r.notes:
            lines += _wrap("note: " + note, "         ")
        if r.problem is not None:
            lines += _wrap(r.problem.message, "         ")
            for source in r.problem.sources:
                lines += _wrap("- " + source, "         ")
            if r.counterexample:
                lines.append("         counterexample (save as a file and run tarazy check):")
                lines += ["           " + x for x in r.counterexample.rstrip().splitlines()]
    failed = [r.name for r in results if r.status == "failed"]
    lines.append("")
    lines.append(
        f"{len(results) - len(failed)} of {len(results)} properties hold"
        + (f"; failed: {', '.join(failed)}" if failed else "")
        + (f" (repeat with --seed {seed})" if profile == "deep" else " (derandomized)")
    )
    return "\n".join(lines) + "\n"
