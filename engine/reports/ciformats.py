"""`tarazy check --format junit|sarif`: the report as CI systems read it.

* **JUnit XML**: one ``<testsuite>`` per bill file, one ``<testcase>`` per provision
  (``classname`` the file, ``name`` the provision id, ``file`` and ``line`` where it is
  written). A provision that does not conform has a ``<failure>`` (its findings, with the
  whole text report of the provision); one with an open stage is ``<skipped>`` with the
  open stages named; one that conforms with concerns passes, its concerns in
  ``<system-out>``.
* **SARIF 2.1.0**: one run; the rules are the doctrines, ``precedent`` (a decided case
  settles a stage) and ``open/<stage>`` (a stage nothing settles); one result per finding
  (``error`` for a violation, ``warning`` for a concern) and per open stage (``note``), each
  located at the bill file and the provision's line. The run's ``properties.tarazy`` holds
  the version and content hashes.

Both are written in pieces (``streaming``): a provision's piece is rendered where it is
evaluated (in a worker with ``--jobs``), so the output is the same byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tarazy.engine.model import STAGES, DoctrineSet, Verdict, jsonout
from tarazy.engine.model.messages import message
from tarazy.engine.model.words import ruling_label, stage_name
from tarazy.engine.reports.check_json import CheckedProvision
from tarazy.engine.reports.textutil import visible

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
PRECEDENT_RULE = "precedent"


def _attr(value: str) -> str:
    return quoteattr(visible(value))


def _text(value: str) -> str:
    return escape(visible(value))


# --------------------------------------------------------------------------- JUnit

JUNIT_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tarazy check">\n'
JUNIT_CLOSE = "</testsuites>\n"


def _open_stages(verdict: Verdict, lang: str) -> list[str]:
    return [
        message(
            "effect {number}: {stage}", lang, number=t.effect + 1, stage=stage_name(r.stage, lang)
        )
        for t in verdict.stages
        for r in t.stages
        if r.status == "open"
    ]


def junit_case(item: CheckedProvision, body: Sequence[str], lang: str = "en") -> str:
    """One provision as a ``<testcase>``; ``body`` is its text report (the lines); the
    failure and skip messages in ``lang``."""
    v = item.verdict
    p = v.provision
    line = f" line={_attr(str(p.location.line))}" if p.location else ""
    head = (
        f"    <testcase classname={_attr(item.file)} name={_attr(p.id)} "
        f"file={_attr(item.file)}{line}"
    )
    report = _text("\n".join(body).strip("\n"))
    if v.outcome == "does_not_conform":
        failing = [f for f in v.findings if f.outcome == "violation"]
        said = "; ".join(
            message(
                "effect {number}, {stage}: {source}",
                lang,
                number=f.effect + 1,
                stage=stage_name(f.stage, lang),
                source=ruling_label(f.case, lang) if f.case else f.doctrine,
            )
            for f in failing
        ) or message("a stage fails by precedent", lang)
        return (
            f'{head}>\n      <failure type="does_not_conform" message={_attr(said)}>'
            f"{report}</failure>\n    </testcase>\n"
        )
    if v.outcome == "open":
        said = message("open: {stages}", lang, stages="; ".join(_open_stages(v, lang)))
        return (
            f"{head}>\n      <skipped message={_attr(said)}/>\n"
            f"      <system-out>{report}</system-out>\n    </testcase>\n"
        )
    if v.outcome == "conforms_with_concerns":
        return f"{head}>\n      <system-out>{report}</system-out>\n    </testcase>\n"
    return f"{head}/>\n"


def junit_suite(file: str, counts: Mapping[str, int], cases: Sequence[str]) -> str:
    """One bill file's ``<testsuite>`` with its test cases and counts."""
    total = sum(counts.values())
    return (
        f'  <testsuite name={_attr(file)} tests="{total}" '
        f'failures="{counts.get("does_not_conform", 0)}" errors="0" '
        f'skipped="{counts.get("open", 0)}">\n' + "".join(cases) + "  </testsuite>\n"
    )


def junit_properties(stamp: Mapping[str, Any] | None) -> str:
    """The stamp as a suite of properties (an empty suite, so readers that keep only
    ``<testsuite>`` still see it)."""
    if stamp is None:
        return ""
    props = "".join(
        f"      <property name={_attr('tarazy.' + k)} value={_attr(str(v))}/>\n"
        for k, v in stamp.items()
    )
    return (
        '  <testsuite name="tarazy" tests="0" failures="0" errors="0" skipped="0">\n'
        f"    <properties>\n{props}    </properties>\n  </testsuite>\n"
    )


# --------------------------------------------------------------------------- SARIF


def sarif_rules(doctrines: DoctrineSet) -> list[dict[str, Any]]:
    """Every rule a result may name: each doctrine, ``precedent``, ``open/<stage>``."""
    rules: list[dict[str, Any]] = [
        {
            "id": d.id,
            "name": d.id,
            "shortDescription": {"text": d.title.en},
            "defaultConfiguration": {"level": "error" if d.outcome == "violation" else "warning"},
            "properties": {"stage": d.stage, "rulings": list(d.rulings)},
        }
        for d in doctrines.doctrines
    ]
    rules.append(
        {
            "id": PRECEDENT_RULE,
            "name": PRECEDENT_RULE,
            "shortDescription": {"text": "A decided case of the Court settles the stage"},
            "defaultConfiguration": {"level": "error"},
        }
    )
    rules += [
        {
            "id": f"open/{stage}",
            "name": f"open/{stage}",
            "shortDescription": {
                "text": f"No doctrine and no decided case settles the {stage.replace('_', ' ')} "
                "stage"
            },
            "defaultConfiguration": {"level": "note"},
        }
        for stage in STAGES
    ]
    return rules


def sarif_open(doctrines: DoctrineSet, version: str) -> str:
    """The SARIF log up to the first result."""
    driver = {
        "name": "tarazy",
        "version": version,
        "rules": sarif_rules(doctrines),
    }
    tool = jsonout.line({"driver": driver})
    return (
        '{\n  "version": "2.1.0",\n  "$schema": "' + SARIF_SCHEMA + '",\n  "runs": [\n'
        '    {\n      "tool": ' + tool + ',\n      "results": ['
    )


def sarif_close(stamp: Mapping[str, Any] | None, any_result: bool) -> str:
    """The end of the SARIF log: the results closed, and the run's properties."""
    props = jsonout.line({"tarazy": dict(stamp)} if stamp else {})
    return (
        ("\n      ]" if any_result else "]")
        + ',\n      "columnKind": "unicodeCodePoints",\n      "properties": '
        + props
        + "\n    }\n  ]\n}\n"
    )


def _uri(file: str) -> str:
    from pathlib import PurePath
    from urllib.parse import quote

    return quote(PurePath(file).as_posix(), safe="/")


def sarif_results(item: CheckedProvision, explain: str, lang: str = "en") -> list[str]:
    """One provision's results (each a JSON object on one line): its findings and open
    stages, located at its file and line; the message texts in ``lang``."""
    v = item.verdict
    p = v.provision
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(item.file)}}
    if p.location is not None:
        location["region"] = {"startLine": p.location.line}
    where = [
        {
            "physicalLocation": location,
            "logicalLocations": [{"name": p.id, "kind": "member"}],
        }
    ]
    results: list[dict[str, Any]] = []
    for f in v.findings:
        rule = PRECEDENT_RULE if f.case is not None else f.doctrine
        text = message(
            "{provision}, effect {number}, {stage}: {reason} Remedy: {remedy}",
            lang,
            provision=p.id,
            number=f.effect + 1,
            stage=stage_name(f.stage, lang),
            reason=f.reason,
            remedy=f.remedy,
        )
        results.append(
            {
                "ruleId": rule,
                "level": "error" if f.outcome == "violation" else "warning",
                "message": {"text": text},
                "locations": where,
                "properties": {
                    "provision": p.id,
                    "effect": f.effect + 1,
                    "stage": f.stage,
                    "outcome": v.outcome,
                    "articles": [f"Art. {a}" for a in f.articles],
                    "rulings": list(f.rulings),
                    "explain": explain,
                },
            }
        )
    for t in v.stages:
        for r in t.stages:
            if r.status != "open":
                continue
            question = " ".join(r.questions) or message(
                "No doctrine and no decided case settles it.", lang
            )
            results.append(
                {
                    "ruleId": f"open/{r.stage}",
                    "level": "note",
                    "message": {
                        "text": message(
                            "{provision}, effect {number}, {stage} is open: {question}",
                            lang,
                            provision=p.id,
                            number=t.effect + 1,
                            stage=stage_name(r.stage, lang),
                            question=question,
                        )
                    },
                    "locations": where,
                    "properties": {
                        "provision": p.id,
                        "effect": t.effect + 1,
                        "stage": r.stage,
                        "outcome": v.outcome,
                        "explain": explain,
                    },
                }
            )
    return [jsonout.line(r) for r in results]


def sarif_piece(results: Sequence[str]) -> str:
    """A provision's results as the text between the array's other items ('' for none);
    the report puts the separators."""
    return ",\n        ".join(results)
