"""Verdicts → text for the terminal, JSON for machines.

Output is deterministic: the same input gives the same bytes (no clock, no dictionary
order from sets). Every report states the edition of the Constitution it applied.
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from . import model
from .catalogue import Catalogue
from .model import DoctrineSet, Verdict


@attrs.frozen
class CheckedProvision:
    """A verdict with the file it came from and the notes a drafter should see."""

    verdict: Verdict
    file: str
    notes: tuple[str, ...] = ()


OUTCOME_LABEL = {
    "does_not_conform": "DOES NOT CONFORM",
    "conforms_with_concerns": "CONFORMS, WITH CONCERNS",
    "conforms": "CONFORMS",
    "not_assessed": "NOT ASSESSED",
}


def ruling_label(case_id: str) -> str:
    """KZ-CC-NR-2023-03 → 'NR No. 3 of 2023'."""
    parts = case_id.split("-")
    if len(parts) == 5 and parts[:3] == ["KZ", "CC", "NR"]:
        return f"NR No. {int(parts[4])} of {parts[3]}"
    return case_id


def articles_label(articles: Sequence[str], edition: str) -> str:
    if not articles:
        return "none"
    return ", ".join(f"Art. {a}" for a in articles) + f" (Constitution, edition {edition})"


def effect_label(verdict: Verdict, index: int) -> str:
    effect = verdict.provision.effects[index]
    return f"effect {index + 1} ({effect.right}, {effect.kind})"


def drafting_notes(verdict: Verdict) -> tuple[str, ...]:
    """What the drafter should know beyond the findings (missing facts a doctrine needs)."""
    notes = []
    for i, effect in enumerate(verdict.provision.effects):
        if not effect.aims:
            notes.append(
                f"effect {i + 1} states no aim, so the legitimate-aim stage could not be checked"
            )
        if effect.kind == "differentiation" and effect.justification is None:
            notes.append(
                f"effect {i + 1} is a differentiation without 'justification'; the equality "
                "stage needs it (stated or none)"
            )
    return tuple(notes)


# --------------------------------------------------------------------------- JSON


def to_json(checked: Sequence[CheckedProvision]) -> str:
    provisions: list[dict[str, Any]] = []
    for item in checked:
        v = item.verdict
        provisions.append(
            {
                "id": v.provision.id,
                "file": item.file,
                "title": v.provision.title,
                "outcome": v.outcome,
                "edition": v.edition,
                "as_of": v.as_of.isoformat(),
                "findings": [
                    {
                        "doctrine": f.doctrine,
                        "stage": f.stage,
                        "outcome": f.outcome,
                        "effect": f.effect + 1,
                        "reason": f.reason,
                        "articles": [f"Art. {a}" for a in f.articles],
                        "rulings": list(f.rulings),
                        "remedy": f.remedy,
                    }
                    for f in v.findings
                ],
                "passed": [
                    {"doctrine": p.doctrine, "stage": p.stage, "effect": p.effect + 1}
                    for p in v.passed
                ],
                "unassessed_effects": [i + 1 for i in v.unassessed],
                "notes": list(item.notes),
            }
        )
    counts: Counter[str] = Counter(item.verdict.outcome for item in checked)
    summary = {outcome: counts.get(outcome, 0) for outcome in model.VERDICT_OUTCOMES}
    return (
        json.dumps({"provisions": provisions, "summary": summary}, ensure_ascii=False, indent=2)
        + "\n"
    )


# --------------------------------------------------------------------------- text


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, width=96, initial_indent=indent, subsequent_indent=indent) or [
        indent
    ]


def to_text(
    checked: Sequence[CheckedProvision],
    doctrines: DoctrineSet,
    catalogue: Catalogue,
    lang: str = "en",
) -> str:
    lines: list[str] = []
    current: tuple[str, str, str] | None = None
    for item in checked:
        v = item.verdict
        header = (item.file, v.edition, v.as_of.isoformat())
        if header != current:
            current = header
            edition = catalogue.edition(v.edition)
            if lines:
                lines.append("")
            lines.append(f"== {item.file}")
            lines.append(
                f"   Constitution applied: edition {v.edition} ({edition.title.get(lang)}), "
                f"as of {v.as_of.isoformat()}"
            )
        p = v.provision
        lines.append("")
        title = f" — {p.title}" if p.title else ""
        lines.append(f"[{OUTCOME_LABEL[v.outcome]}] {p.id}{title}")
        cite = str(p.citation)
        instrument = catalogue.instrument_name(p.instrument, lang)
        lines.append(f"   {cite + ' · ' if cite else ''}instrument: {instrument}")
        for n, f in enumerate(v.findings, 1):
            doctrine = doctrines.get(f.doctrine)
            lines.append(
                f"   {n}. {f.stage} · {f.outcome} · {f.doctrine} — {doctrine.title.get(lang)}"
            )
            lines.append(f"      on {effect_label(v, f.effect)}")
            lines += _wrap("Reason: " + f.reason, "      ")
            lines += _wrap("Articles: " + articles_label(f.articles, v.edition), "      ")
            if f.rulings:
                lines += _wrap(
                    "Rulings: " + ", ".join(f"{ruling_label(r)} [{r}]" for r in f.rulings),
                    "      ",
                )
            lines += _wrap("Remedy: " + f.remedy, "      ")
        if v.passed:
            lines.append("   Checked and passed:")
            for passed in v.passed:
                lines.append(f"      - {passed.doctrine} on {effect_label(v, passed.effect)}")
        if v.unassessed:
            lines.append("   Reached by no doctrine (not assessed):")
            for i in v.unassessed:
                lines.append(f"      - {effect_label(v, i)}")
        for note in item.notes:
            lines += _wrap("Note: " + note, "   ")
    counts: Counter[str] = Counter(item.verdict.outcome for item in checked)
    parts = [f"{counts[o]} {o.replace('_', ' ')}" for o in model.VERDICT_OUTCOMES if counts.get(o)]
    lines.append("")
    total = len(checked)
    lines.append(f"{total} provision{'s' if total != 1 else ''}: " + ", ".join(parts))
    return "\n".join(lines) + "\n"
