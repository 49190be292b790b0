"""`tarazy check --format junit|sarif`: the reports CI systems read."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.reports import provenance, streaming

from .conftest import CASES, DOCTRINES, EXAMPLES, write

COURT_FEES = str(EXAMPLES / "court-fees.yaml")  # art-610-para-1 open (line 10), -2 fails (23)
JUDGES = str(EXAMPLES / "judges-appeals.yaml")  # open, does not conform, with concerns
DAY = ("--as-of", "2026-11-01")

# The shape of a SARIF 2.1.0 log, as far as this report uses it, transcribed from the
# OASIS standard's schema (sarif-schema-2.1.0.json): the required properties and the types
# and enumerations of the properties written.
SARIF_SHAPE: dict[str, Any] = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "$schema": {"type": "string", "format": "uri"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "version": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "properties": {
                                                "id": {"type": "string"},
                                                "shortDescription": {"$ref": "#/$defs/message"},
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {
                                                        "level": {"$ref": "#/$defs/level"}
                                                    },
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "properties": {"type": "object"},
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "ruleId": {"type": "string"},
                                "level": {"$ref": "#/$defs/level"},
                                "message": {"$ref": "#/$defs/message"},
                                "locations": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation"],
                                                "properties": {
                                                    "artifactLocation": {
                                                        "type": "object",
                                                        "required": ["uri"],
                                                        "properties": {
                                                            "uri": {
                                                                "type": "string",
                                                                "format": "uri-reference",
                                                            }
                                                        },
                                                    },
                                                    "region": {
                                                        "type": "object",
                                                        "properties": {
                                                            "startLine": {
                                                                "type": "integer",
                                                                "minimum": 1,
                                                            }
                                                        },
                                                    },
                                                },
                                            },
                                            "logicalLocations": {
                                                "type": "array",
                                                "items": {"type": "object"},
                                            },
                                        },
                                    },
                                },
                                "properties": {"type": "object"},
                            },
                        },
                    },
                },
            },
        },
    },
    "$defs": {
        "level": {"enum": ["none", "note", "warning", "error"]},
        "message": {
            "type": "object",
            "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
            "properties": {"text": {"type": "string"}},
        },
    },
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_sarif_has_the_published_shape_and_locates_each_result() -> None:
    code, out, err = run("check", COURT_FEES, *DAY, "--format", "sarif")
    assert code == 1, err  # the verdict's status, whatever the format
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SHAPE, format_checker=jsonschema.FormatChecker())
    run_ = log["runs"][0]
    rules = {r["id"] for r in run_["tool"]["driver"]["rules"]}
    results = run_["results"]
    assert {r["ruleId"] for r in results} <= rules
    errors = [r for r in results if r["level"] == "error"]
    # the one violation: the fee without relief, on art-610-para-2 at line 23
    assert [r["ruleId"] for r in errors] == ["access-to-justice-fee-relief"]
    where = errors[0]["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == COURT_FEES
    assert where["region"]["startLine"] == 23
    assert "Remedy:" in errors[0]["message"]["text"]
    # open stages are notes: para. 1 has four open stages (legitimate aim, necessity,
    # balance, certainty), para. 2 the same four
    notes = [r for r in results if r["level"] == "note"]
    assert sorted(
        (r["locations"][0]["physicalLocation"]["region"]["startLine"], r["ruleId"]) for r in notes
    ) == sorted(
        (line, f"open/{stage}")
        for line in (10, 23)
        for stage in ("legitimate_aim", "necessity", "balance", "certainty")
    )
    assert run_["properties"]["tarazy"] == {
        "version": run_["tool"]["driver"]["version"],
        "doctrines": provenance.content_hash(DOCTRINES),
        "cases": provenance.content_hash(CASES),
    }


def test_sarif_concern_is_a_warning() -> None:
    log = json.loads(run("check", JUDGES, "--format", "sarif")[1])
    results = log["runs"][0]["results"]
    warnings = sorted(
        (r["properties"]["provision"], r["ruleId"]) for r in results if r["level"] == "warning"
    )
    # the same concerns as the JSON report's findings, provision by provision
    report = json.loads(run("check", JUDGES, "--format", "json")[1])
    concerns = sorted(
        (p["id"], "precedent" if f["case"] else f["doctrine"])
        for p in report["provisions"]
        for f in p["findings"]
        if f["outcome"] == "concern"
    )
    assert warnings == concerns
    assert "art-31-para-6" in {p for p, _ in warnings}


def test_sarif_with_no_result_is_still_a_log(tmp_path: Path) -> None:
    bill = EXAMPLES / "missionary-registration.yaml"  # conforms
    code, out, _ = run("check", str(bill), "--format", "sarif")
    assert code == 0
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SHAPE)
    assert log["runs"][0]["results"] == []


def test_junit_one_testcase_per_provision() -> None:
    code, out, err = run("check", COURT_FEES, JUDGES, *DAY, "--format", "junit")
    assert code == 1, err
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {COURT_FEES, JUDGES, "tarazy"}
    fees = suites[COURT_FEES]
    assert (fees.get("tests"), fees.get("failures"), fees.get("skipped")) == ("2", "1", "1")
    cases = {c.get("name"): c for c in fees.findall("testcase")}
    assert set(cases) == {"art-610-para-1", "art-610-para-2"}
    failing = cases["art-610-para-2"]
    assert failing.get("line") == "23" and failing.get("file") == COURT_FEES
    failure = failing.find("failure")
    assert failure is not None
    assert "access-to-justice-fee-relief" in (failure.get("message") or "")
    assert "Remedy:" in (failure.text or "")
    assert cases["art-610-para-1"].find("skipped") is not None
    judges = {c.get("name"): c for c in suites[JUDGES].findall("testcase")}
    concerns = judges["art-31-para-6"]
    assert concerns.find("failure") is None and concerns.find("skipped") is None
    assert "CONFORMS, WITH CONCERNS" in (concerns.findtext("system-out") or "")
    props = {p.get("name"): p.get("value") for p in suites["tarazy"].iter("property")}
    assert props["tarazy.doctrines"] == provenance.content_hash(DOCTRINES)


def test_control_characters_a_bill_supplies_keep_the_xml_well_formed(tmp_path: Path) -> None:
    bill = write(
        tmp_path,
        'id: x\ntitle: "\\e[31mbell \\a & <tag>"\ninstrument: local_decision\n'
        "effects:\n  - {right: assembly, kind: ban, aims: [public_order], legal_ground: none}\n",
    )
    for fmt in ("junit", "sarif"):
        code, out, err = run("check", str(bill), "--format", fmt)
        assert code == 1, err
        if fmt == "sarif":
            json.loads(out)  # JSON escapes them itself
            continue
        failure = ET.fromstring(out).find("testsuite/testcase/failure")
        assert failure is not None
        assert "\\x1b[31mbell \\x07 & <tag>" in (failure.text or "")


@pytest.mark.parametrize("fmt", ["junit", "sarif"])
def test_jobs_give_the_serial_bytes(tmp_path: Path, fmt: str) -> None:
    code, big = run("generate", "--provisions", str(2 * streaming.CHUNK + 10), "--seed", "3")[:2]
    assert code == 0
    bill = write(tmp_path, big)
    args = ("check", str(bill), COURT_FEES, *DAY, "--format", fmt)
    serial = run(*args)
    assert serial[0] in (0, 1, 3)
    assert run(*args, "--jobs", "2") == serial
    if fmt == "junit":
        root = ET.fromstring(serial[1])
        assert len(root.findall("testsuite/testcase")) == 2 * streaming.CHUNK + 10 + 2
    else:
        jsonschema.validate(json.loads(serial[1]), SARIF_SHAPE)
