"""A non-editable install, run from another directory, finds the bundled doctrines, cases
and rights catalogue (they are installed beside the engine, under tarazy/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return target


def run_installed(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_an_installed_copy_finds_its_data(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import json, tarazy.engine.input.loading as l;"
        "print(json.dumps([l.__file__, len(l.load_doctrines().doctrines),"
        " len(l.load_catalogue().rights), len(l.case_files())]))"
    )
    result = run_installed(installed, tmp_path, "-c", probe)
    assert result.returncode == 0, result.stderr
    where, doctrines, rights, cases = json.loads(result.stdout)
    assert where.startswith(str(installed))  # not the repository
    assert doctrines == len(list((REPO / "doctrines").glob("*.yaml")))
    # Exact: the rights of engine/data/catalogue.yaml (`tarazy rights --format json`, its
    # "rights" list: 37 entries), so a catalogue left out of the package cannot pass.
    assert rights == 37
    assert cases == len(list((REPO / "cases").glob("*.yaml")))


@pytest.mark.slow
def test_the_installed_command_checks_a_bill(installed: Path, tmp_path: Path) -> None:
    bill = tmp_path / "bill.yaml"
    bill.write_text((EXAMPLES / "court-fees.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_installed(
        installed,
        tmp_path,
        "-m",
        "tarazy.cli.main",
        "check",
        "bill.yaml",
        "--format",
        "json",
        "--as-of",
        "2026-11-01",
    )
    assert result.returncode == 1, result.stderr
    outcomes = [p["outcome"] for p in json.loads(result.stdout)["provisions"]]
    # the fee with relief passes absolute rights but its balance is open (NR No. 3 set no cap)
    assert outcomes == ["open", "does_not_conform"]


@pytest.mark.slow
def test_the_installed_copy_ships_the_doctrine_examples(installed: Path, tmp_path: Path) -> None:
    # Issue 11: without doctrines/tests/*.yaml in the package data, an installed
    # `doctrine test` ran 0 examples and passed.
    from tarazy.engine.input import loading

    expected = len(loading.load_doctrine_examples(REPO / "doctrines"))
    result = run_installed(
        installed, tmp_path, "-m", "tarazy.cli.main", "doctrine", "test", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["examples"] == expected > 0
    assert report["failed"] == [] and report["doctrines_without_examples"] == []
