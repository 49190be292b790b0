"""`tarazy replay` and `tarazy consistency`: the decided cases replayed, as text, JSON
and JUnit XML, and the holding flips between two doctrine sets (English only: these are
the scholar's and CI's reports, with no --lang option)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from tarazy.engine.analysis.precedent import Conflict
from tarazy.engine.analysis.replaying import Flip, Replay, summary
from tarazy.engine.model import jsonout

MATCH_LABEL = {
    "match": "match",
    "weak_match": "weak match",
    "mismatch": "MISMATCH",
    "uncovered": "UNCOVERED",
}


def replay_json(replays: Sequence[Replay], conflicts: Sequence[Conflict] = ()) -> str:
    """The replay as JSON: per case its holding, the engine's outcome, the match and what
    fired or passed (ids), the summary counts and the case-base inconsistencies."""
    data = {
        "cases": [
            {
                "id": r.case.id,
                "holding": r.case.holding,
                "outcome": r.verdict.outcome,
                "match": r.match,
                "strict": r.strict,
                "open": r.open,
                "models_reading": r.case.models_reading,
                "fired": sorted(r.verdict.fired),
                "passed": sorted({p.doctrine for p in r.verdict.passed}),
                "relied_on": list(r.case.relied_on),
                "not_applied": list(r.not_applied),
                "edition": r.verdict.edition,
                "note": r.note,
            }
            for r in replays
        ],
        "summary": summary(replays),
        "inconsistencies": [attrs.asdict(c) for c in conflicts],
    }
    return jsonout.document(data)


def replay_text(
    replays: Sequence[Replay], conflicts: Sequence[Conflict] = (), compared: int | None = None
) -> str:
    """The replay table for a reader: case, holding, the engine's outcome, the match, what
    fired or passed and what the Court relied on; notes; the summary and the consistency line."""
    rows = [("case", "holding", "engine outcome", "match", "fired / passed", "relied on")]
    for r in replays:
        applied = [f"{d}" for d in sorted(r.verdict.fired)]
        applied += [f"{d} (passed)" for d in sorted({p.doctrine for p in r.verdict.passed})]
        rows.append(
            (
                r.case.id,
                r.case.holding,
                r.verdict.outcome,
                MATCH_LABEL[r.match],
                ", ".join(applied) or "—",
                ", ".join(r.case.relied_on),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        head = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4]))
        lines.append(f"{head}  {row[4]}" + (f"  [relied on: {row[5]}]" if n else ""))
        if n == 0:
            lines.append("-" * len(lines[0]))
    notes = [(r.case.id, r.note) for r in replays if r.note]
    if notes:
        lines.append("")
        lines += [f"{case}: {note}" for case, note in notes]
    s = summary(replays)
    lines.append("")
    lines.append(
        f"{s['total']} cases: {s['matched']} match, {s['weak_matched']} weak match, "
        f"{s['mismatched']} mismatch, {s['uncovered']} uncovered"
    )
    lines.append(
        f"strict (engine outcome = the Court's outcome category): {s['strict_matched']} of "
        f"{s['total']}; known open results: {s['open']}"
    )
    lines.append(consistency_text(conflicts, compared))
    return "\n".join(lines) + "\n"


def consistency_text(conflicts: Sequence[Conflict], compared: int | None = None) -> str:
    """The case-base consistency line(s); ``compared`` is the number of comparable pairs
    (0: nothing was checked, which is said, never "consistent")."""
    if not conflicts and compared == 0:
        return (
            "Case base: no pair of cases is comparable (the same right and kind of measure, "
            "through a violation doctrine that decided one of them): consistency not checked."
        )
    if not conflicts:
        return "Case base consistent: no valid case is at least as restrictive as an invalid one."
    lines = [f"Case base INCONSISTENT: {len(conflicts)} pair(s)"]
    for c in conflicts:
        lines.append(
            f"  through {c.doctrine} (dimensions: {', '.join(c.dimensions) or 'none'}): "
            f"{c.valid} effect {c.valid_effect + 1} was held to conform, yet it is at least as "
            f"restrictive as {c.invalid} effect {c.invalid_effect + 1}, held not to conform"
        )
    return "\n".join(lines)


def replay_junit(replays: Sequence[Replay]) -> str:
    """JUnit XML, one test case per decided case (deterministic: no times, no host)."""
    import xml.etree.ElementTree as ET  # only junit needs it: not imported at start-up

    suite = ET.Element(
        "testsuite",
        name="tarazy.replay",
        tests=str(len(replays)),
        failures=str(sum(1 for r in replays if r.failing)),
        errors="0",
        skipped=str(sum(1 for r in replays if r.open)),
    )
    for r in replays:
        case = ET.SubElement(suite, "testcase", classname="tarazy.cases", name=r.case.id, time="0")
        detail = (
            f"holding: {r.case.holding}\noutcome: {r.verdict.outcome}\nmatch: {r.match}\n"
            f"fired: {', '.join(sorted(r.verdict.fired)) or '-'}\n"
            f"relied on: {', '.join(r.case.relied_on)}\nstrict: {str(r.strict).lower()}\n"
        )
        if r.open:
            skipped = ET.SubElement(case, "skipped", message=r.note, type=r.match)
            skipped.text = detail
        elif r.failing:
            failure = ET.SubElement(case, "failure", message=r.note, type=r.match)
            failure.text = detail
        else:
            out = ET.SubElement(case, "system-out")
            out.text = detail + (f"note: {r.note}\n" if r.note else "")
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def flips_text(flips: Sequence[Flip], baseline: str, current: str) -> str:
    """The holding flips between two doctrine sets, for a reader: per case the outcome and
    match before and after, the doctrines that started or stopped applying."""
    lines = [f"Holding flips from {baseline} to {current}:"]
    if not flips:
        lines.append("  none: every case replays the same under both doctrine sets.")
    for f in flips:
        lines.append("")
        lines.append(
            f"{f.case.id} (held {f.case.holding}): {f.before.verdict.outcome} "
            f"[{f.before.match}] -> {f.after.verdict.outcome} [{f.after.match}]"
        )
        if f.started:
            lines.append(f"   now applies:    {', '.join(f.started)}")
        if f.stopped:
            lines.append(f"   no longer:      {', '.join(f.stopped)}")
        if f.changed_files:
            lines.append(f"   edited between the two sets: {', '.join(f.changed_files)}")
    return "\n".join(lines) + "\n"


def flips_json(flips: Sequence[Flip], baseline: str, current: str) -> str:
    """The holding flips between two doctrine sets as JSON (ids)."""
    data = {
        "baseline": baseline,
        "current": current,
        "flips": [
            {
                "id": f.case.id,
                "holding": f.case.holding,
                "before": {"outcome": f.before.verdict.outcome, "match": f.before.match},
                "after": {"outcome": f.after.verdict.outcome, "match": f.after.match},
                "now_applies": list(f.started),
                "no_longer_applies": list(f.stopped),
                "edited_doctrines": list(f.changed_files),
            }
            for f in flips
        ],
    }
    return jsonout.document(data)
