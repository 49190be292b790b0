"""Verdicts → text for the terminal, JSON for machines.

Output is deterministic: the same input gives the same bytes (no clock, no dictionary
order from sets). Every report states the edition of the Constitution it applied.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from tarazy.engine import model
from tarazy.engine.analysis.precedent import Conflict
from tarazy.engine.analysis.replaying import Flip, Replay, summary
from tarazy.engine.analysis.survival import CaseSurvival, DoctrineSurvival
from tarazy.engine.model import DoctrineSet, NearestCase, StageResult, Verdict
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.labels import articles_label, ruling_label

if TYPE_CHECKING:
    from tarazy.engine.verification.verifying import Result


@attrs.frozen
class CheckedProvision:
    """A verdict with the file it came from and the notes a drafter should see."""

    verdict: Verdict
    file: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    as_of_overridden: dt.date | None = None  # the --as-of the bill's own as_of overrode
    explain_options: tuple[str, ...] = ()  # options the explain pointer repeats


OUTCOME_LABEL = {
    "does_not_conform": "DOES NOT CONFORM",
    "conforms_with_concerns": "CONFORMS, WITH CONCERNS",
    "conforms": "CONFORMS",
    "open": "OPEN",
}


def effect_label(verdict: Verdict, index: int) -> str:
    effect = verdict.provision.effects[index]
    return f"effect {index + 1} ({effect.right}, {effect.kind})"


def drafting_notes(verdict: Verdict) -> tuple[str, ...]:
    """What the drafter should know beyond the stage table (facts that decide nothing)."""
    notes = []
    for i, effect in enumerate(verdict.provision.effects):
        if effect.justification is not None:
            notes.append(
                f"effect {i + 1} says 'justification: {effect.justification}'; whether a "
                "justification is objective and reasonable is the legal conclusion itself, so "
                "this field decides nothing (the equality stage weighs the ground and the aim)"
            )
    return tuple(notes)


STAGE_LABEL = {stage: stage.replace("_", " ") for stage in model.STAGES}
STATUS_LABEL = {"fails": "FAILS", "passes": "passes", "open": "OPEN", "not_applicable": "n/a"}


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
    return json.dumps(provision_json(item), ensure_ascii=False)


def json_item(text: str, first: bool) -> str:
    """One provision's line in the ``provisions`` array."""
    return ("\n" if first else ",\n") + "    " + text


def json_close(
    counts: Mapping[str, int], any_provision: bool, stamp: Mapping[str, Any] | None = None
) -> str:
    """The end of the JSON report: the array closed, the summary by outcome, and (when
    given) ``"tarazy"``: the version and the content hashes of the doctrines and cases."""
    summary = {o: counts.get(o, 0) for o in model.VERDICT_OUTCOMES}
    body = json.dumps(summary, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    tail = ""
    if stamp is not None:
        made = json.dumps(dict(stamp), ensure_ascii=False, indent=2).replace("\n", "\n  ")
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
    import shlex

    return shlex.join(explain_words(item, lang))


def _command_lines(label: str, words: Sequence[str], indent: str) -> list[str]:
    """A shell command in 80 columns: shell-quoted words, a line ending in a backslash
    where it continues, so the lines can be pasted into a shell as they are."""
    import shlex

    quoted: list[str] = []
    for w in words:  # an option stays on the line of its value
        if quoted and quoted[-1].startswith("--") and " " not in quoted[-1]:
            quoted[-1] += " " + shlex.quote(w)
        else:
            quoted.append(shlex.quote(w))
    lines = [indent + label + quoted[0]]
    for word in quoted[1:]:
        if len(lines[-1]) + 1 + len(word) + 2 <= WIDTH:
            lines[-1] += " " + word
        else:
            lines[-1] += " \\"
            lines.append(indent + " " * len(label) + "  " + word)
    return lines


# --------------------------------------------------------------------------- text

WIDTH = 80

# C0 and C1 control characters (ESC among them) in text a bill supplies would reach the
# terminal as commands (colours, cursor moves, a retitled window): the text report shows
# them as \xNN instead. JSON escapes them by itself.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(line: str) -> str:
    """``line`` with every control character but tab and newline shown as ``\\xNN``."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", line)


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [indent]


def _settled_by(r: StageResult) -> str:
    if r.source == "precedent":
        return "by precedent: " + ", ".join(r.cases)
    if r.doctrines:
        return ", ".join(d + (" (concern)" if d in r.concerns else "") for d in r.doctrines)
    return "-" if r.status != "not_applicable" else ""


def stage_table_text(verdict: Verdict) -> list[str]:
    """The stage table of every effect, compactly, in 80 columns."""
    lines: list[str] = []
    for table in verdict.stages:
        lines.append(f"   {effect_label(verdict, table.effect)}")
        for r in table.stages:
            head = f"     {STAGE_LABEL[r.stage]:<16} {STATUS_LABEL[r.status]:<7} "
            lines += (
                _wrap(_settled_by(r), " " * len(head), head) if _settled_by(r) else [head.rstrip()]
            )
    return lines


def _open_questions_text(verdict: Verdict) -> list[str]:
    lines: list[str] = []
    for table in verdict.stages:
        for r in table.stages:
            if r.status != "open":
                continue
            label = f"effect {table.effect + 1}, {STAGE_LABEL[r.stage]}"
            for q in r.questions:
                lines += _wrap(f"{label}: {q}", "        ", "      - ")
            for n in r.nearest:
                side = {
                    "does_not_conform": "held not to conform",
                    "conforms_with_recommendations": "upheld with recommendations",
                    "conforms_in_interpretation": "upheld in interpretation",
                }.get(n.holding, "upheld")
                differs = ", ".join(n.distinctions) or "nothing recorded"
                text = f"nearest {side}: {ruling_label(n.case)} [{n.case}], differs on {differs}"
                if n.note:
                    text += f" ({n.note})"
                lines += _wrap(text, "          ", "        ")
            if not r.nearest:
                lines += _wrap("no decided case on this right points either way", "        ")
    return lines


def to_text(
    checked: Sequence[CheckedProvision],
    doctrines: DoctrineSet,
    catalogue: Catalogue,
    lang: str = "en",
    stamp: Mapping[str, Any] | None = None,
) -> str:
    """Verdicts for the terminal: per provision the verdict, the stage table of each effect,
    the findings with reasons and remedies, and the open questions with the nearest cases."""
    lines: list[str] = []
    current: tuple[str, str, str] | None = None
    for item in checked:
        v = item.verdict
        header = (item.file, v.edition, v.as_of.isoformat())
        if header != current:
            current = header
            lines += text_header(item.file, v.edition, v.as_of, catalogue, lang, first=not lines)
            if item.as_of_overridden is not None:
                lines.append(override_line(v.as_of, item.as_of_overridden))
        lines += text_provision(item, doctrines, catalogue, lang)
    counts: Counter[str] = Counter(item.verdict.outcome for item in checked)
    lines += text_summary(counts)
    if stamp is not None:
        editions = sorted({item.verdict.edition for item in checked})
        lines.append(stamp_text(stamp, editions))
    return "\n".join(lines) + "\n"


def stamp_text(stamp: Mapping[str, Any], editions: Sequence[str]) -> str:
    """The last line of a text report: what made it (version, editions, content hashes),
    continued on a second line only where it would not fit in 80 columns."""
    on = "editions " + " and ".join(editions) if len(editions) > 1 else "edition "
    if len(editions) <= 1:
        on += editions[0] if editions else "none"
    text = (
        f"tarazy {stamp['version']}, {on}, doctrines {stamp['doctrines']}, cases {stamp['cases']}"
    )
    return "\n".join(_wrap(text, "  ", ""))


def text_header(
    file: str, edition_id: str, as_of: dt.date, catalogue: Catalogue, lang: str, first: bool
) -> list[str]:
    """The lines opening a group of provisions from one file checked under one edition."""
    edition = catalogue.edition(edition_id)
    lines = [
        *([] if first else [""]),
        f"== {file}",
        *_wrap(
            f"Constitution applied: edition {edition_id} ({edition.title.get(lang)}), "
            f"as of {as_of.isoformat()}",
            "   ",
        ),
    ]
    return [visible(line) for line in lines]


def override_line(day: dt.date, option: dt.date) -> str:
    """The header line saying that a bill's own as_of overrides --as-of."""
    return f"   The bill's own as_of ({day.isoformat()}) overrides --as-of ({option.isoformat()})."


def text_provision(
    item: CheckedProvision, doctrines: DoctrineSet, catalogue: Catalogue, lang: str
) -> list[str]:
    """The lines of one checked provision in the text report."""
    v = item.verdict
    p = v.provision
    lines = [""]
    title = f" — {p.title}" if p.title else ""
    lines += _wrap(f"[{OUTCOME_LABEL[v.outcome]}] {p.id}{title}", "   ", "")
    cite = str(p.citation)
    instrument = catalogue.instrument_name(p.instrument, lang)
    lines += _wrap(f"{cite + ' · ' if cite else ''}instrument: {instrument}", "   ")
    lines += stage_table_text(v)
    for n, f in enumerate(v.findings, 1):
        if f.case is not None:
            name = f"decided case {ruling_label(f.case)}"
        else:
            name = doctrines.get(f.doctrine).title.get(lang)
        lines += _wrap(
            f"{n}. {STAGE_LABEL[f.stage]} · {f.outcome} · {f.doctrine} — {name}",
            "      ",
            "   ",
        )
        lines.append(f"      on {effect_label(v, f.effect)}")
        lines += _wrap("Reason: " + f.reason, "      ")
        if f.articles:
            lines += _wrap("Articles: " + articles_label(f.articles, v.edition), "      ")
        if f.rulings:
            lines += _wrap(
                "Rulings: " + ", ".join(f"{ruling_label(r)} [{r}]" for r in f.rulings),
                "      ",
            )
        lines += _wrap("Remedy: " + f.remedy, "      ")
        lines += _command_lines("why: ", explain_words(item, lang), "      ")
    questions = _open_questions_text(v)
    if questions:
        lines.append("   Open questions:")
        lines += questions
    if v.defeated:
        lines.append("   Defeated:")
        for d in v.defeated:
            lines += _wrap(
                f"{d.doctrine} on effect {d.effect + 1}: {d.why}", "        ", "      - "
            )
    for warning in item.warnings:
        lines += _wrap("Warning: " + warning, "   ")
    for note in item.notes:
        lines += _wrap("Note: " + note, "   ")
    return [visible(line) for line in lines]


def text_summary(counts: Mapping[str, int]) -> list[str]:
    """The closing lines of the text report: provisions by outcome."""
    parts = [f"{counts[o]} {o.replace('_', ' ')}" for o in model.VERDICT_OUTCOMES if counts.get(o)]
    total = sum(counts.values())
    return ["", f"{total} provision{'s' if total != 1 else ''}: " + ", ".join(parts)]


# --------------------------------------------------------------------------- replay

MATCH_LABEL = {
    "match": "match",
    "weak_match": "weak match",
    "mismatch": "MISMATCH",
    "uncovered": "UNCOVERED",
}


def replay_json(replays: Sequence[Replay], conflicts: Sequence[Conflict] = ()) -> str:
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def replay_text(
    replays: Sequence[Replay], conflicts: Sequence[Conflict] = (), compared: int | None = None
) -> str:
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- bills


# --------------------------------------------------------------------------- verify


def verify_json(results: Sequence[Result], seed: int, profile: str) -> str:
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def verify_text(
    results: Sequence[Result], seed: int, profile: str, doctrines: DoctrineSet, cases: int
) -> str:
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


# --------------------------------------------------------------------------- survival

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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
