"""`tarazy check --format json`: the verdicts as one JSON document (ids, not words: JSON is
data), and the provision a finding's `why:` pointer names (``explain_command``).

Output is deterministic: the same input gives the same bytes (no clock, no dictionary
order from sets). Every report states the edition of the Constitution it applied.
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from tarazy.engine import model
from tarazy.engine.model import NearestCase, Verdict, jsonout

__all__ = [
    "JSON_OPEN",
    "CheckedProvision",
    "explain_command",
    "explain_words",
    "json_close",
    "json_item",
    "provision_json",
    "provision_json_text",
    "stages_data",
    "to_json",
]


@attrs.frozen
class CheckedProvision:
    """A verdict with the file it came from and the notes a drafter should see."""

    verdict: Verdict
    file: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    as_of_overridden: dt.date | None = None  # the --as-of the bill's own as_of overrode
    explain_options: tuple[str, ...] = ()  # options the explain pointer repeats


def _nearest_data(n: NearestCase) -> dict[str, Any]:
    return {
        "case": n.case,
        "holding": n.holding,
        "effect": n.effect + 1,
        "distinctions": list(n.distinctions),
        "note": n.note,
    }


def stages_data(verdict: Verdict) -> list[dict[str, Any]]:
    """The stage table of every effect, as JSON-ready data (effects and case effects 1-based)."""
    return [
        {
            "effect": table.effect + 1,
            "stages": [
                {
                    "stage": r.stage,
                    "status": r.status,
                    "source": r.source,
                    "doctrines": list(r.doctrines),
                    "cases": list(r.cases),
                    "facts": dict(r.facts),
                    "dimensions": list(r.dimensions),
                    "articles": [f"Art. {a}" for a in r.articles],
                    "questions": list(r.questions),
                    "nearest": [_nearest_data(n) for n in r.nearest],
                    "concerns": list(r.concerns),
                }
                for r in table.stages
            ],
        }
        for table in verdict.stages
    ]


# --------------------------------------------------------------------------- JSON


def to_json(checked: Sequence[CheckedProvision], stamp: Mapping[str, Any] | None = None) -> str:
    """Verdicts as one JSON document, ``{"provisions": [...], "summary": {outcome: count}}``:
    one provision a line (effects numbered from 1), so a report of 100,000 provisions is
    written by the C encoder and stays greppable; the same bytes as ``streaming`` writes."""
    counts: Counter[str] = Counter(item.verdict.outcome for item in checked)
    parts = [JSON_OPEN]
    parts += [json_item(provision_json_text(item), i == 0) for i, item in enumerate(checked)]
    parts.append(json_close(counts, bool(checked), stamp))
    return "".join(parts)


JSON_OPEN = '{\n  "provisions": ['


def provision_json_text(item: CheckedProvision) -> str:
    """One provision of the JSON report, on one line (the C encoder: no indent)."""
    return jsonout.line(provision_json(item))


def json_item(text: str, first: bool) -> str:
    """One provision's line in the ``provisions`` array."""
    return ("\n" if first else ",\n") + "    " + text


def json_close(
    counts: Mapping[str, int], any_provision: bool, stamp: Mapping[str, Any] | None = None
) -> str:
    """The end of the JSON report: the array closed, the summary by outcome, and (when
    given) ``"tarazy"``: the version and the content hashes of the doctrines and cases."""
    summary = {o: counts.get(o, 0) for o in model.VERDICT_OUTCOMES}
    body = jsonout.dumps(summary).replace("\n", "\n  ")
    tail = ""
    if stamp is not None:
        made = jsonout.dumps(dict(stamp)).replace("\n", "\n  ")
        tail = ',\n  "tarazy": ' + made
    return ("\n  ]" if any_provision else "]") + ',\n  "summary": ' + body + tail + "\n}\n"


def provision_json(item: CheckedProvision) -> dict[str, Any]:
    """One checked provision as an item of the JSON report's ``provisions`` (also what
    ``streaming`` writes one at a time)."""
    v = item.verdict
    return {
        "id": v.provision.id,
        "file": item.file,
        "title": v.provision.title,
        "outcome": v.outcome,
        "edition": v.edition,
        "as_of": v.as_of.isoformat(),
        "as_of_overridden": (
            item.as_of_overridden.isoformat() if item.as_of_overridden is not None else None
        ),
        "stages": stages_data(v),
        "findings": [
            {
                "doctrine": f.doctrine,
                "case": f.case,
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
            {"doctrine": p.doctrine, "stage": p.stage, "effect": p.effect + 1} for p in v.passed
        ],
        "defeated": [
            {
                "doctrine": d.doctrine,
                "stage": d.stage,
                "effect": d.effect + 1,
                "by": d.by,
                "why": d.why,
            }
            for d in v.defeated
        ],
        "open_effects": [i + 1 for i in v.unassessed],
        "notes": list(item.notes),
        "warnings": list(item.warnings),
        "explain": explain_command(item),
    }


def explain_words(item: CheckedProvision, lang: str = "en") -> list[str]:
    """The words of the command that explains one checked provision's verdict."""
    v = item.verdict
    file = "-" if item.file == "<stdin>" else item.file  # the bill, piped again
    words = ["tarazy", "explain", file, v.provision.id, "--as-of", v.as_of.isoformat()]
    return words + (["--lang", lang] if lang != "en" else []) + list(item.explain_options)


def explain_command(item: CheckedProvision, lang: str = "en") -> str:
    """The command that explains one checked provision's verdict (shell-quoted)."""
    return shlex.join(explain_words(item, lang))
