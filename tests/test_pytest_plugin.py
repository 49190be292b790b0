"""The pytest plugin shipped with tarazy (entry point pytest11): run in a fresh project
outside the repository, through a real `python -m pytest`, so the entry point is what loads
it (the repository's own conftest.py is not on that path)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tarazy.engine.input import loading
from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.catalogue import Catalogue

from .conftest import CASES, DOCTRINES

pytestmark = pytest.mark.slow

PICKED = ["KZ-CC-NR-2023-03", "KZ-CC-NR-2023-27", "KZ-CC-NR-2024-49"]
INI = "[pytest]\ntarazy_cases = cases\ntarazy_doctrines = doctrines\n"


def project(tmp_path: Path, ini: str = INI) -> Path:
    shutil.copytree(DOCTRINES, tmp_path / "doctrines")
    (tmp_path / "cases").mkdir()
    for case in PICKED:
        shutil.copy(CASES / f"{case}.yaml", tmp_path / "cases")
    (tmp_path / "pytest.ini").write_text(ini, encoding="utf-8")
    return tmp_path


def pytest_run(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=where,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_it_collects_the_configured_cases_and_examples(
    tmp_path: Path, catalogue: Catalogue, doctrines: DoctrineSet
) -> None:
    where = project(tmp_path)
    examples = loading.load_doctrine_examples(DOCTRINES, catalogue, doctrines)
    listed = pytest_run(where, "--collect-only", "-q")
    ids = [line for line in listed.stdout.splitlines() if "::" in line]
    assert sorted(i.split("::")[-1] for i in ids if i.startswith("cases/")) == PICKED
    assert len([i for i in ids if i.startswith("doctrines/tests/")]) == len(examples)
    assert (
        "doctrines/tests/access-to-justice-fee-relief.yaml::access-to-justice-fee-relief-1" in ids
    )
    done = pytest_run(where, "-q")
    # 49-НП is a known open result: a strict expected failure
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(examples) + 2} passed, 1 xfailed" in done.stdout


def test_a_failing_example_says_where_what_and_why(tmp_path: Path) -> None:
    where = project(tmp_path)
    examples = where / "doctrines" / "tests" / "access-to-justice-fee-relief.yaml"
    text = examples.read_text(encoding="utf-8")
    old = (
        "expect: passes\n    verdict: open\n    effect: {right: judicial_protection, "
        "kind: condition, requirement: fee, safeguards: [deferral]}"
    )
    assert old in text
    examples.write_text(text.replace(old, old.replace("passes", "fires")), encoding="utf-8")
    done = pytest_run(where, "-q", "-k", "access-to-justice-fee-relief-3")
    assert done.returncode == 1
    assert "access-to-justice-fee-relief expected fires, got passes — NR No. 3 accepted" in (
        done.stdout
    )


def test_nothing_is_collected_unless_configured(tmp_path: Path) -> None:
    where = project(tmp_path, "[pytest]\n")
    done = pytest_run(where, "-q")
    assert done.returncode == 5, done.stdout  # pytest: no tests collected
