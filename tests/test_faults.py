"""Proof that the properties bite: `tarazy verify` reports every deliberately faulty
doctrine set in tests/faults.py, through the property each fault was written to trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tarazy.cli.main import main
from tarazy.engine import loading, verifying
from tarazy.engine.catalogue import Catalogue

from .faults import FAULTS, Fault


def verify_faulty(fault: Fault, tmp_path: Path, catalogue: Catalogue) -> list[verifying.Result]:
    folder = fault.build(tmp_path / "doctrines")
    doctrines = loading.load_doctrines(folder, catalogue)
    cases = loading.load_cases([], catalogue)
    examples = loading.load_doctrine_examples(folder, catalogue, doctrines)
    with verifying.context(catalogue, doctrines, cases, 0, examples) as ctx:
        return verifying.verify(ctx, profile="ci", max_examples=80)


def test_there_are_enough_faults() -> None:
    assert len(FAULTS) >= 8
    assert len({f.name for f in FAULTS}) == len(FAULTS)


@pytest.mark.slow
@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_verify_reports_the_fault(fault: Fault, tmp_path: Path, catalogue: Catalogue) -> None:
    results = verify_faulty(fault, tmp_path, catalogue)
    failed = {r.name for r in results if r.status == "failed"}
    assert fault.caught_by <= failed, f"{fault.description}: only {sorted(failed)} failed"
    for r in results:
        if r.status == "failed":
            assert r.problem is not None and len(r.problem.sources) >= 2


@pytest.mark.slow
def test_the_command_prints_a_counterexample_bill_and_both_sources(tmp_path: Path) -> None:
    fault = next(f for f in FAULTS if f.name == "non-monotone-fee-threshold")
    folder = fault.build(tmp_path / "doctrines")
    result = CliRunner().invoke(
        main,
        [
            "verify",
            "--doctrines",
            str(folder),
            "--profile",
            "ci",
            "--property",
            "precedent",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    (prop,) = data["properties"]
    assert prop["name"] == "precedent" and prop["status"] == "failed"
    doctrine_side, precedent_side = prop["sources"]
    assert doctrine_side.startswith("doctrines: ")
    assert precedent_side.startswith("precedent NR No. 3 of 2023 [KZ-CC-NR-2023-03]")
    # The counterexample is a bill `tarazy check` accepts, and it shows the disagreement.
    bill = tmp_path / "counterexample.yaml"
    bill.write_text(prop["counterexample"], encoding="utf-8")
    check = CliRunner().invoke(
        main, ["check", str(bill), "--doctrines", str(folder), "--format", "json"]
    )
    assert check.exit_code != 2, check.stderr
    assert json.loads(check.stdout)["provisions"][0]["outcome"] != "does_not_conform"
