"""`tarazy survival`: the decided cases replayed under a new edition, as text, JSON and
Markdown (English only: the command has no --lang option)."""

from __future__ import annotations

from collections.abc import Sequence

from tarazy.engine.analysis.survival import CaseSurvival, DoctrineSurvival
from tarazy.engine.model import DoctrineSet, jsonout
from tarazy.engine.model.labels import ruling_label
from tarazy.engine.reports.textutil import wrap as _wrap

FATE_LABEL = {
    "same": "same outcome",
    "same_on_other_grounds": "same outcome, on other grounds",
    "different": "different outcome",
    "now_open": "now open",
}


def _survival_summary(cases: Sequence[CaseSurvival]) -> dict[str, int]:
    return {fate: sum(1 for c in cases if c.fate == fate) for fate in FATE_LABEL}


def _carriers(c: CaseSurvival, doctrines: DoctrineSet, edition: str) -> list[str]:
    out = []
    for d in c.carried_by:
        basis = doctrines.get(d).basis_for(edition)
        arts = ", ".join(f"Art. {a}" for a in basis.articles) if basis else ""
        out.append(f"{d} ({arts})" if arts else d)
    return out


def survival_json(
    cases: Sequence[CaseSurvival], doctrines: Sequence[DoctrineSurvival], edition: str
) -> str:
    """The survival of the precedents under ``edition`` as JSON: per case its fate and
    reasons, per doctrine its basis per edition and the cases it decides before and after."""
    data = {
        "edition": edition,
        "summary": _survival_summary(cases),
        "cases": [
            {
                "id": c.case.id,
                "decided_under": c.before.edition,
                "holding": c.case.holding,
                "outcome_before": c.before.outcome,
                "outcome_after": c.after.outcome,
                "fate": c.fate,
                "reasons": list(c.reasons),
                "carried_by": list(c.carried_by),
            }
            for c in cases
        ],
        "doctrines": [
            {
                "id": d.doctrine.id,
                "basis": {
                    b.edition: {
                        "articles": [f"Art. {a}" for a in b.articles],
                        "status": b.status,
                        "note": b.note,
                        "carried_by": list(b.carried_by),
                    }
                    for b in d.doctrine.basis
                },
                "cases_before": list(d.cases_before),
                "cases_after": list(d.cases_after),
                "no_longer_decides": list(d.lost),
                "now_decides": list(d.gained),
            }
            for d in doctrines
        ],
    }
    return jsonout.document(data)


def _basis_line(d: DoctrineSurvival) -> str:
    parts = []
    for b in d.doctrine.basis:
        arts = ", ".join(f"Art. {a}" for a in b.articles) or "no article"
        parts.append(f"{b.edition}: {arts}")
    return " -> ".join(parts)


def survival_text(
    cases: Sequence[CaseSurvival],
    doctrines: Sequence[DoctrineSurvival],
    edition: str,
    doctrine_set: DoctrineSet,
) -> str:
    """The survival of the precedents under ``edition`` for a reader (see ``survival_json``)."""
    s = _survival_summary(cases)
    lines = [
        f"Precedents under the {edition} Constitution. Art. 96(3) keeps the Court's earlier "
        "normative resolutions in force so far as they do not contradict it.",
        f"{len(cases)} decided cases, each replayed under the edition it was decided under and "
        f"again under {edition}: " + ", ".join(f"{n} {FATE_LABEL[f]}" for f, n in s.items()),
        "",
        "Cases",
    ]
    for c in cases:
        head = (
            f"  {c.case.id}  {c.before.edition}: {c.before.outcome} -> {edition}: "
            f"{c.after.outcome}  [{FATE_LABEL[c.fate]}]"
        )
        lines.append(head)
        for reason in c.reasons:
            lines += _wrap("- " + reason, "      ")
        if c.fate != "same" and c.carried_by:
            lines += _wrap(
                "still carried by: " + "; ".join(_carriers(c, doctrine_set, edition)), "      "
            )
    lines += ["", "Doctrines"]
    for d in doctrines:
        new = d.doctrine.basis_for(edition)
        status = new.status if new else "no basis"
        lines.append(f"  {d.doctrine.id}  [{status}]")
        lines += _wrap(_basis_line(d), "      ")
        if new and new.note:
            lines += _wrap(new.note, "      ")
        if new and new.carried_by:
            lines += _wrap("carried by: " + ", ".join(new.carried_by), "      ")
        lines += _wrap(
            f"decides {len(d.cases_before)} case(s) under the edition they were decided under, "
            f"{len(d.cases_after)} under {edition}"
            + (f"; no longer: {', '.join(d.lost)}" if d.lost else "")
            + (f"; newly: {', '.join(d.gained)}" if d.gained else ""),
            "      ",
        )
    return "\n".join(lines) + "\n"


def survival_markdown(
    cases: Sequence[CaseSurvival],
    doctrines: Sequence[DoctrineSurvival],
    edition: str,
    doctrine_set: DoctrineSet,
) -> str:
    """The survival of the precedents under ``edition`` as a Markdown memo (tables of cases
    and doctrines, and what changed underneath)."""
    s = _survival_summary(cases)
    lines = [
        f"# Precedents of the Constitutional Court under the {edition} Constitution",
        "",
        f"The Constitution of {edition} keeps the Court's earlier normative resolutions in force "
        "so far as they do not contradict it (Art. 96(3)). Each decided case below was replayed "
        "by tarazy under the edition it was decided under and again under the new text, against "
        f"the doctrines in `{doctrine_set.source}`.",
        "",
        "**Summary:** " + ", ".join(f"{n} {FATE_LABEL[f]}" for f, n in s.items()) + ".",
        "",
        "## Cases",
        "",
        "| case | holding | before | under " + edition + " | fate |",
        "|---|---|---|---|---|",
    ]
    for c in cases:
        lines.append(
            f"| {ruling_label(c.case.id)} ({c.case.id}) | {c.case.holding} | {c.before.outcome} "
            f"| {c.after.outcome} | {FATE_LABEL[c.fate]} |"
        )
    explained = [c for c in cases if c.reasons]
    if explained:
        lines += ["", "### What changed underneath", ""]
        for c in explained:
            lines.append(
                f"**{ruling_label(c.case.id)} — {c.case.title}.** "
                + " ".join(r.rstrip(".") + "." for r in c.reasons)
            )
            if c.fate != "same" and c.carried_by:
                lines.append(
                    "Still carried by " + "; ".join(_carriers(c, doctrine_set, edition)) + "."
                )
            lines.append("")
    lines += [
        "## Doctrines",
        "",
        "| doctrine | basis | under " + edition + " | note |",
        "|---|---|---|---|",
    ]
    for d in doctrines:
        new = d.doctrine.basis_for(edition)
        note = (new.note or "").replace("|", "/") if new else "no basis given"
        if d.lost:
            note += f" No longer decides {', '.join(d.lost)}."
        lines.append(
            f"| {d.doctrine.id} | {_basis_line(d)} | {new.status if new else '—'} "
            f"| {note.strip()} |"
        )
    return "\n".join(lines) + "\n"
