"""Every check report names the tarazy version and the content hashes of its doctrines
and case base (and the edition, in its headers or per provision)."""

from __future__ import annotations

import json
import shutil
from importlib import metadata
from pathlib import Path

from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.input import loading
from tarazy.engine.reports import provenance

from .conftest import CASES, DOCTRINES, EXAMPLES

COURT_FEES = str(EXAMPLES / "court-fees.yaml")
DAY = ("--as-of", "2026-11-01")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_doctrine_hash_is_the_loaders_digest() -> None:
    # two independent computations over the same files
    assert provenance.content_hash(DOCTRINES) == loading.load_doctrines(DOCTRINES).digest


def test_json_names_version_and_hashes_and_stays_deterministic() -> None:
    code, out, err = run("check", COURT_FEES, *DAY, "--format", "json")
    assert code == 1, err
    data = json.loads(out)
    assert data["tarazy"] == {
        "version": metadata.version("tarazy"),
        "doctrines": provenance.content_hash(DOCTRINES),
        "cases": provenance.content_hash(CASES),
    }
    assert {p["edition"] for p in data["provisions"]} == {"2026"}
    assert run("check", COURT_FEES, *DAY, "--format", "json")[1] == out


def test_text_ends_with_the_stamp_line() -> None:
    _, out, _ = run("check", COURT_FEES, *DAY)
    last = out.rstrip("\n").splitlines()[-1]
    assert last == (
        f"tarazy {metadata.version('tarazy')}, edition 2026, doctrines "
        f"{provenance.content_hash(DOCTRINES)}, cases {provenance.content_hash(CASES)}"
    )
    # two editions in one report are both named (the line continues, within 80 columns)
    _, out, _ = run("check", COURT_FEES, str(EXAMPLES / "missionary-registration.yaml"), *DAY)
    tail = out.rstrip("\n").splitlines()[-2:]
    assert tail[0].startswith("tarazy ") and ", editions 1995-2022 and 2026, " in tail[0]
    assert tail[1].startswith("  ") and max(len(line) for line in tail) <= 80
    assert f"cases {provenance.content_hash(CASES)}" in " ".join(x.strip() for x in tail)


def test_another_case_base_has_another_hash(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    shutil.copytree(CASES, cases)
    same = json.loads(run("check", COURT_FEES, *DAY, "--format", "json", "--cases", str(cases))[1])
    assert same["tarazy"]["cases"] == provenance.content_hash(CASES)  # where they are is no matter
    victim = sorted(cases.glob("*.yaml"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = json.loads(
        run("check", COURT_FEES, *DAY, "--format", "json", "--cases", str(cases))[1]
    )
    assert edited["tarazy"]["cases"] != same["tarazy"]["cases"]
    assert edited["tarazy"]["doctrines"] == same["tarazy"]["doctrines"]
