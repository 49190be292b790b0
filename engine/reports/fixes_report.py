"""`tarazy fix`: the computed fixes of a bill, as text for drafters and as JSON.

The fixes come from ``engine/analysis/fixing.py``; this module only renders them. Every
change is printed in bill-file syntax, before → after (``safeguards: []  →  safeguards:
[deferral]``), so a drafter can copy the new line into the bill; ``tarazy fix --write OUT``
writes the whole amended bill instead (``engine/reports/amending.py``). Every frame goes through
``message`` (engine/model/messages.py), so the languages work can translate it.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from tarazy.engine.analysis.fixing import NOT_CONTROLLED, Change, Fix, ProvisionFixes
from tarazy.engine.model import jsonout
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import OUTCOME_LABELS as OUTCOME_LABEL
from tarazy.engine.model.words import OUTCOME_WORDS
from tarazy.engine.model.words import STAGE_NAMES as STAGE_LABEL
from tarazy.engine.reports.check_text import effect_label, stamp_text, text_header
from tarazy.engine.reports.textutil import visible

__all__ = [
    "change_text",
    "fixes_json",
    "fixes_text",
    "flow",
]

WIDTH = 80  # as check's text report
_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_ .-]*$")
_RESERVED = {"true", "false", "yes", "no", "null", "on", "off", "y", "n", "~"}

# What the report says of a key a fix tried but could not move (no less restrictive value).
_UNMOVED = {
    "aims": N_(
        "an aim is dropped only while another stays stated; replacing the only aim with "
        "an admitted one would relabel the provision, not amend it"
    ),
    "legal_ground": N_("the legal ground is already the strongest (express)"),
    "instrument": N_("the act already has the highest rank"),
    "duration": N_("no fixed term shorter than the present one is offered"),
    "safeguards": N_("every safeguard is already present"),
    "addressees.breadth": N_("the addressees' breadth is not stated, or already the narrowest"),
    "trigger_severity": N_(
        "the severity of the trigger is not stated, or already the most serious"
    ),
    "clarity": N_("clarity is not stated, or already clear"),
    "delegated_to": N_("nothing is left to a by-law"),
    "ordered_by": N_("a court already orders it"),
    "magnitude": N_("no magnitude is stated"),
}


def flow(value: Any) -> str:
    """``value`` as a bill file writes it on one line (YAML flow style): a list as
    ``[a, b]``, a mapping as ``{years: 10}``, None as ``null``, whole numbers without a point."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    return jsonout.line(text)  # a JSON string is a YAML double-quoted scalar


def change_text(change: Change) -> str:
    """One change as ``key: before  →  key: after`` in bill-file syntax (a value not stated
    before or after shows as ``(not stated)``)."""
    key = change.key.split(".")[-1]

    def side(value: Any) -> str:
        if value is None:
            return message("{key}: (not stated)", "en", key=key)
        return f"{key}: {flow(value)}"

    where = change.key.rsplit(".", 1)[0] + "." if "." in change.key else ""
    return f"{where}{side(change.before)}  →  {where}{side(change.after)}"


def _fix_lines(
    fix: Fix, item: ProvisionFixes, lang: str, catalogue: Catalogue | None = None
) -> list[str]:
    verdict = item.before
    head = message(
        "{effect} · {stage} · fails by {deciding}",
        lang,
        effect=effect_label(verdict, fix.effect, lang, catalogue),
        stage=message(STAGE_LABEL[fix.stage], lang),
        deciding=", ".join(fix.deciding),
    )
    lines = ["   " + head]
    if fix.status == "cured_before":
        lines.append("     " + message("cured by the fix above", lang))
        return lines
    if fix.status in ("passes", "open"):
        if fix.status == "passes":
            lines.append("     " + message("fix — the stage then passes:", lang))
        else:
            lines.append(
                "     "
                + message(
                    "no change along the deciding facts makes the stage pass; the smallest "
                    "that stops it failing leaves it OPEN:",
                    lang,
                )
            )
        for change in fix.changes:
            lines.append("       " + _where(change, lang) + change_text(change))
        for alternative in fix.alternatives:
            lines.append(
                "     "
                + message("or, as small:", lang)
                + " "
                + "; ".join(_where(c, lang) + change_text(c) for c in alternative)
            )
        for question in fix.questions:
            lines.append("     " + message("open question: {q}", lang, q=question))
        if fix.newly_open:
            shown = ", ".join(
                message("effect {n} {stage}", lang, n=e + 1, stage=message(STAGE_LABEL[s], lang))
                for e, s in fix.newly_open
            )
            lines.append("     " + message("the fix leaves open: {stages}", lang, stages=shown))
    elif fix.reason == "bound":
        lines.append(
            "     "
            + message(
                "no fix found before the search of pairs of changes reached its bound; a fix "
                "along {tried} may still exist.",
                lang,
                tried=", ".join(fix.tried),
            )
        )
    else:
        lines.append(
            "     " + message("no fix along the dimensions:", lang) + " " + _why(fix, lang)
        )
    if fix.bound_hit:
        lines.append(
            "     " + message("(the search of pairs of changes stopped at its bound)", lang)
        )
    return lines


def _where(change: Change, lang: str) -> str:
    if change.effect is None:
        return ""
    return message("effect {n}: ", lang, n=change.effect + 1)


def _why(fix: Fix, lang: str) -> str:
    facts = "; ".join(
        message(
            "{what} ({field}: {value})",
            lang,
            what=message(NOT_CONTROLLED[f], lang),
            field=f,
            value=v,
        )
        for f, v in fix.why
    )
    if fix.reason == "no_dimension":
        return message(
            "the decided case that fails this stage ({cases}) reads no dimension of degree in "
            "its reasoning; being less restrictive in some other respect would only "
            "distinguish it formally. What puts the effect on point with it, and no "
            "amendment of degree changes: {facts}.",
            lang,
            cases=", ".join(fix.deciding),
            facts=facts or message("its category", lang),
        )
    if fix.reason == "no_controllable_fact":
        return message(
            "what decides this stage is not a matter of degree a drafter can change: {facts}.",
            lang,
            facts=facts,
        )
    moved = [k for k in fix.tried if k not in fix.unmoved]
    if moved:
        text = message(
            "no change to {tried}, alone or in pairs, makes this stage pass or stop failing "
            "without another stage failing.",
            lang,
            tried=", ".join(moved),
        )
    else:
        text = message(
            "the deciding facts a drafter controls ({tried}) have no less restrictive value "
            "to take.",
            lang,
            tried=", ".join(fix.tried),
        )
    for key in fix.unmoved:
        text += " " + message(_UNMOVED.get(key, key), lang).capitalize() + "."
    if facts:
        text += " " + message(
            "Its exception turns on what no amendment of degree changes: {facts}.",
            lang,
            facts=facts,
        )
    return text


def provision_fixes_text(
    item: ProvisionFixes, lang: str = "en", catalogue: Catalogue | None = None
) -> list[str]:
    """The lines for one provision: its verdict before and after, each failing stage with
    its fix (or why there is none), and how many provisions the search evaluated. With
    ``catalogue`` the effect's right is named in words (else by its id)."""
    verdict = item.before
    p = verdict.provision
    title = f" — {p.title}" if p.title else ""
    before = message(OUTCOME_LABEL[verdict.outcome], lang)
    if not item.fixes:
        return [
            f"[{before}] {p.id}{title}",
            "   " + message("no stage fails: nothing to fix", lang),
        ]
    after = message(OUTCOME_LABEL[item.after.outcome], lang)
    same = item.after.outcome == verdict.outcome  # "[X → X]" would read as a change
    lines = [f"[{before}] {p.id}{title}" if same else f"[{before} → {after}] {p.id}{title}"]
    for fix in item.fixes:
        lines += _fix_lines(fix, item, lang, catalogue)
    lines.append(
        "   "
        + message(
            "amended provision: {after} (was: {before}); the search evaluated {n} amended "
            "provisions",
            lang,
            after=message(OUTCOME_WORDS[item.after.outcome], lang),
            before=message(OUTCOME_WORDS[verdict.outcome], lang),
            n=item.evaluations,
        )
    )
    return lines


def fixes_text(
    groups: Sequence[tuple[str, Sequence[ProvisionFixes]]],
    catalogue: Catalogue,
    stamp: Mapping[str, Any],
    lang: str = "en",
) -> str:
    """The text report of ``tarazy fix``: per file (``groups``: file name and its provisions'
    fixes, all for one day), every provision, then a summary line and the stamp line."""
    lines: list[str] = []
    editions: list[str] = []
    counts = {"passes": 0, "open": 0, "not_curable": 0, "cured_before": 0}
    for n, (file, items) in enumerate(groups):
        if not items:
            continue
        first = items[0].before
        if first.edition not in editions:
            editions.append(first.edition)
        lines += text_header(file, first.edition, first.as_of, catalogue, lang, n == 0)
        for item in items:
            lines.append("")
            lines += provision_fixes_text(item, lang, catalogue)
            for fix in item.fixes:
                counts[fix.status] += 1
    lines.append("")
    lines.append(
        message(
            "Failing stages: {total}; fixed: {passes}, left open by the smallest change: {open}, "
            "with no fix along the dimensions: {none}, cured by an earlier fix: {before}",
            lang,
            total=sum(counts.values()),
            passes=counts["passes"],
            open=counts["open"],
            none=counts["not_curable"],
            before=counts["cured_before"],
        )
    )
    lines.append(stamp_text(stamp, editions, lang))
    return "\n".join(visible(w) for line in lines for w in _wrapped(line)) + "\n"


def _wrapped(line: str) -> list[str]:
    """A prose line wrapped at ``WIDTH`` columns under its own indentation (plus two); a
    change line (before → after) is kept whole so it can be copied."""
    if len(line) <= WIDTH or "  →  " in line:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    return textwrap.wrap(
        line.strip(),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_on_hyphens=False,
    ) or [line]


def _change_json(change: Change) -> dict[str, Any]:
    return {
        "effect": None if change.effect is None else change.effect + 1,
        "key": change.key,
        "before": change.before,
        "after": change.after,
        "steps": change.steps,
    }


def fix_json(fix: Fix) -> dict[str, Any]:
    """One fix as JSON (effects 1-based, as in every JSON output of tarazy)."""
    return {
        "effect": fix.effect + 1,
        "stage": fix.stage,
        "status": fix.status,
        "source": fix.source,
        "deciding": list(fix.deciding),
        "changes": [_change_json(c) for c in fix.changes],
        "alternatives": [[_change_json(c) for c in a] for a in fix.alternatives],
        "newly_open": [{"effect": e + 1, "stage": s} for e, s in fix.newly_open],
        "questions": list(fix.questions),
        "not_curable": None
        if fix.status != "not_curable"
        else {
            "reason": fix.reason,
            "facts": [{"field": f, "value": v} for f, v in fix.why],
            "unmoved": list(fix.unmoved),
        },
        "tried": list(fix.tried),
        "evaluations": fix.evaluations,
        "bound_hit": fix.bound_hit,
    }


def fixes_json(
    groups: Sequence[tuple[str, Sequence[ProvisionFixes]]],
    stamp: Mapping[str, Any],
    overridden: dt.date | None = None,
) -> str:
    """The JSON report of ``tarazy fix``: ``{"provisions": [...], "summary": {...},
    "as_of_overridden", "tarazy": {...}}``; each provision has its outcome before and after,
    its fixes (effects 1-based) and the number of amended provisions evaluated;
    ``as_of_overridden`` is the ``--as-of`` a bill's own ``as_of`` overrode (or null).
    Deterministic (the same input gives the same bytes)."""
    provisions = []
    summary = {"passes": 0, "open": 0, "not_curable": 0, "cured_before": 0}
    evaluations = 0
    for file, items in groups:
        for item in items:
            evaluations += item.evaluations
            for fix in item.fixes:
                summary[fix.status] += 1
            provisions.append(
                {
                    "id": item.before.provision.id,
                    "file": file,
                    "edition": item.before.edition,
                    "as_of": item.before.as_of.isoformat(),
                    "outcome": item.before.outcome,
                    "outcome_after": item.after.outcome,
                    "fixes": [fix_json(f) for f in item.fixes],
                    "evaluations": item.evaluations,
                }
            )
    document = {
        "provisions": provisions,
        "summary": summary | {"evaluations": evaluations},
        "as_of_overridden": overridden.isoformat() if overridden else None,
        "tarazy": dict(stamp),
    }
    return jsonout.document(document)
