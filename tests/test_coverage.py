"""`tarazy coverage`: condition coverage of the doctrines by the decided cases and examples."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.analysis import coverage
from tarazy.engine.input import loading
from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.catalogue import Catalogue

from .conftest import DOCTRINES

FEE = "access-to-justice-fee-relief"


@pytest.fixture(scope="module")
def branches(catalogue: Catalogue, doctrines: DoctrineSet) -> list[coverage.Branch]:
    cases = loading.load_cases([], catalogue, doctrines)
    examples = loading.load_doctrine_examples(DOCTRINES, catalogue, doctrines)
    return coverage.coverage(doctrines, cases, examples, catalogue)


def test_a_doctrines_own_examples_witness_its_when_as_their_expectations_say(
    branches: list[coverage.Branch], catalogue: Catalogue, doctrines: DoctrineSet
) -> None:
    # independent of the coverage code: an example expected to fire, pass or open is one the
    # doctrine applies to (`doctrine test` checks that expectation against the engine)
    examples = loading.load_doctrine_examples(DOCTRINES, catalogue, doctrines)
    for d in doctrines.doctrines:
        when = next(b for b in branches if b.doctrine == d.id and b.label == "when")
        own = [e for e in examples if e.doctrine == d.id]
        expected = {f"example {e.provision.id}" for e in own if e.expect != "does_not_apply"}
        witnessed = {n for n in when.true if re.fullmatch(rf"example {d.id}-\d+", n)}
        assert expected <= witnessed, d.id
        # the rest: examples where a special doctrine displaces this one (its `when` holds, so
        # the branch is witnessed, but it is reported as not applying)
        displaced = {f"example {e.provision.id}" for e in own if "displace" in e.why}
        assert witnessed - expected <= displaced, d.id


def test_the_fee_exception_is_witnessed_by_the_examples_that_pass(
    branches: list[coverage.Branch],
) -> None:
    unless = next(b for b in branches if b.doctrine == FEE and b.label == "unless")
    own_true = {n for n in unless.true if n.startswith(f"example {FEE}-")}
    assert own_true == {f"example {FEE}-{i}" for i in (2, 3, 4, 5)}
    assert "KZ-CC-NR-2023-03" in unless.false  # the ruling itself: no relief


def test_the_bundled_doctrines_are_fully_covered() -> None:
    result = CliRunner().invoke(main, ["coverage", "--format", "json", "--fail-under", "100"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"]["percent"] == 100.0 and data["uncovered"] == []
    # a general doctrine's `when` holds for every effect: no witness is owed for false
    when = next(
        b
        for b in data["branches"]
        if b["doctrine"] == "restriction-only-by-law" and b["branch"] == "when"
    )
    assert when["false"] == [] and when["can_be_false"] is False and when["covered"]


def test_an_exception_branch_nothing_reaches_is_uncovered(tmp_path: Path) -> None:
    folder = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, folder)
    path = folder / f"{FEE}.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  safeguards: {has_any: [deferral, installment, exemption, reduction]}\n"
    assert old in text
    new = (
        "  any:\n    - safeguards: {has_any: [deferral, installment, exemption, reduction]}\n"
        "    - fee_percent: {lt: 1}\n"
    )
    path.write_text(text.replace(old, new), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("    - fee_percent: {lt: 1}") + 1
    runner = CliRunner()
    result = runner.invoke(main, ["coverage", "--doctrines", str(folder), "--fail-under", "100"])
    assert result.exit_code == 1
    assert f"{path}:{line}: {FEE} unless: any[1]: never witnessed true" in result.output
    assert "Uncovered branches (1):" in result.output
    result = runner.invoke(main, ["coverage", "--doctrines", str(folder), "--fail-under", "90"])
    assert result.exit_code == 0


def test_without_examples_the_cases_alone_witness(tmp_path: Path) -> None:
    folder = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, folder)
    shutil.rmtree(folder / "tests")
    result = CliRunner().invoke(main, ["coverage", "--doctrines", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    names = {n for b in data["branches"] for n in b["true"] + b["false"]}
    assert names and not any(n.startswith("example ") for n in names)
    # no case states political grounds: only an example did
    assert "no-political-grounds when" in data["uncovered"]
