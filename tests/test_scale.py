"""Checking at scale: streaming, --jobs, tarazy generate, the parse cache, start-up imports.

Speed itself is measured by bench/bench.py, never here (a shared machine makes timed tests
flaky); these tests check that the fast paths give the same answers as the plain ones.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.cli.options import PROPERTY_NAMES, STAGE_NAMES
from tarazy.engine import model
from tarazy.engine.input import cache, loading
from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.reports import reporting, streaming
from tarazy.engine.verdict.evaluating import Evaluator, edition_for
from tarazy.engine.verification import synthetic, verifying

from .conftest import DOCTRINES, EXAMPLES

DAY = dt.date(2026, 11, 1)


def run(*args: str) -> tuple[int, bytes]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout_bytes


@pytest.fixture(scope="module")
def big_bill(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Over two chunks of streaming.CHUNK, so --jobs 2 really splits the work.
    path = tmp_path_factory.mktemp("scale") / "bill.yaml"
    code, out = run("generate", "--provisions", str(2 * streaming.CHUNK + 50), "--seed", "7")
    assert code == 0
    path.write_bytes(out)
    return path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_give_the_serial_output_byte_for_byte(big_bill: Path, fmt: str) -> None:
    args = ("check", str(big_bill), str(EXAMPLES / "court-fees.yaml"), "--as-of", "2026-11-01")
    serial = run(*args, "--format", fmt)
    parallel = run(*args, "--format", fmt, "--jobs", "2")
    assert serial[0] in (0, 1, 3)
    assert parallel == serial
    # every provision, once (its id is named again in each finding's explain pointer)
    heading = b"] p000450" if fmt == "text" else b'"id": "p000450"'
    assert serial[1].count(heading) == 1


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_stream_writes_what_the_whole_report_would(
    fmt: str, doctrines: DoctrineSet, catalogue: Catalogue
) -> None:
    # The streamed report against reporting.to_text/to_json on the same verdicts, for
    # two files (so the text report opens a second group).
    from tarazy.engine.analysis import survival

    bills = [
        loading.load_bill(EXAMPLES / name, catalogue)
        for name in ("court-fees.yaml", "pensions.yaml")
    ]
    groups = [
        streaming.Group(
            b.path, b.as_of or DAY, edition_for(b.as_of or DAY, catalogue), b.provisions
        )
        for b in bills
    ]
    out = io.StringIO()
    streaming.run(groups, streaming.Report(out.write, fmt, catalogue, "en"), doctrines, catalogue)
    checked = []
    with Evaluator(doctrines, catalogue) as ev:
        for g in groups:
            for p in g.provisions:
                v = ev.evaluate(p, g.day, g.edition)
                checked.append(
                    reporting.CheckedProvision(
                        v,
                        g.file,
                        reporting.drafting_notes(v),
                        survival.basis_warnings(v, doctrines, catalogue),
                    )
                )
    whole = (
        reporting.to_json(checked)
        if fmt == "json"
        else reporting.to_text(checked, doctrines, catalogue)
    )
    assert out.getvalue() == whole


def test_bad_input_writes_nothing(tmp_path: Path, big_bill: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("provisions:\n  - id: x\n    instrument: law\n    effects: []\n")
    result = CliRunner().invoke(main, ["check", str(big_bill), str(bad), "--jobs", "2"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(bad) in result.stderr


def test_generate_is_seeded_and_loads_back(tmp_path: Path, catalogue: Catalogue) -> None:
    first = run("generate", "--provisions", "30", "--seed", "3", "--as-of", "2026-11-01")
    again = run("generate", "--provisions", "30", "--seed", "3", "--as-of", "2026-11-01")
    other = run("generate", "--provisions", "30", "--seed", "4", "--as-of", "2026-11-01")
    assert first == again and first[1] != other[1]
    path = tmp_path / "generated.yaml"
    path.write_bytes(first[1])
    bill = loading.load_bill(path, catalogue)
    assert len(bill.provisions) == 30 and bill.as_of == DAY
    assert len({p.id for p in bill.provisions}) == 30
    seeds = [c.provision for c in loading.load_cases([], catalogue)]
    expected = list(synthetic.provisions(30, 3, catalogue, seeds))
    assert [p.effects for p in bill.provisions] == [p.effects for p in expected]


def test_the_cli_lists_verify_properties_without_importing_hypothesis() -> None:
    assert tuple(p.name for p in (*verifying.PROPERTIES, verifying.ADEQUACY)) == PROPERTY_NAMES
    assert tuple(model.STAGES) == STAGE_NAMES


def test_check_imports_neither_hypothesis_nor_ruamel_dumping(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from tarazy.cli.main import main\n"
        "try:\n"
        f"    main(['check', {str(EXAMPLES / 'court-fees.yaml')!r}, '--as-of', '2026-11-01'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('hypothesis' in sys.modules, 'multiprocessing' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)},
        check=False,
    )
    assert done.stderr.strip().splitlines()[-1] == "False False", done.stderr


# --------------------------------------------------------------------------- cache


def test_the_cache_is_read_back_and_follows_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "doctrines"
    folder.mkdir()
    for f in DOCTRINES.glob("*.yaml"):
        (folder / f.name).write_bytes(f.read_bytes())
    catalogue = cache.load_catalogue()
    calls = []
    real = loading.load_doctrines

    def counting(*args: object) -> DoctrineSet:
        calls.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "load_doctrines", counting)
    first = cache.load_doctrines(folder, catalogue)
    second = cache.load_doctrines(folder, catalogue)
    assert len(calls) == 1 and second == first
    assert list((tmp_path / "cache" / "tarazy").glob("doctrines-*.pickle"))
    # A changed file is a different entry: read again, and the change is seen.
    target = folder / "legal-certainty.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("outcome: concern", "outcome: violation"),
        encoding="utf-8",
    )
    third = cache.load_doctrines(folder, catalogue)
    assert len(calls) == 2
    assert third.get("legal-certainty").outcome == "violation"
    assert first.get("legal-certainty").outcome == "concern"
    # A removed file too.
    (folder / "admitted-aim.yaml").unlink()
    assert "admitted-aim" not in cache.load_doctrines(folder, catalogue).ids


def test_an_unwritable_or_corrupt_cache_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, doctrines: DoctrineSet
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    catalogue = cache.load_catalogue()
    assert cache.load_doctrines(DOCTRINES, catalogue) == doctrines
    assert blocker.read_text() == "a file where the cache directory would be"
    # Corrupt entries are ignored and replaced.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache.load_doctrines(DOCTRINES, catalogue)
    (entry,) = (tmp_path / "cache" / "tarazy").glob("doctrines-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.load_doctrines(DOCTRINES, catalogue) == doctrines
    assert entry.read_bytes() != b"not a pickle"
    code, out = run("check", str(EXAMPLES / "court-fees.yaml"), "--as-of", "2026-11-01")
    assert code == 1 and b"Provisions checked: 2" in out


def test_a_worker_that_dies_is_an_engine_failure(
    big_bill: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Exit 4 with one line, never a traceback ending in a verdict's status.
    monkeypatch.setattr(streaming, "_work", _die)
    result = CliRunner().invoke(main, ["check", str(big_bill), "--jobs", "2"])
    assert result.exit_code == 4, result.output
    assert "rule engine failure: a worker process failed" in result.stderr


def _die(_chunk: object) -> None:
    os._exit(3)  # a worker process dies on its first task (a crash in C, an OOM kill)


def test_the_cache_names_the_loaders_paths() -> None:
    assert cache.CATALOGUE_FILE == loading.CATALOGUE_FILE
    assert cache.BUNDLED_DOCTRINES == loading.BUNDLED_DOCTRINES
    assert cache.BUNDLED_CASES == loading.BUNDLED_CASES


def test_rights_and_doctrine_list_need_no_jsonschema_once_cached(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    script = (
        "import sys\n"
        "from tarazy.cli.main import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('jsonschema' in sys.modules, 'hypothesis' in sys.modules, file=sys.stderr)\n"
    )
    for args in (["rights"], ["doctrine", "list"]):
        first = subprocess.run(
            [sys.executable, "-c", script, *args],
            env=env,
            text=True,
            capture_output=True,
            check=False,
        )
        again = subprocess.run(
            [sys.executable, "-c", script, *args],
            env=env,
            text=True,
            capture_output=True,
            check=False,
        )
        assert first.stdout == again.stdout and first.stdout
        assert again.stderr.strip().splitlines()[-1] == "False False", (args, again.stderr)


def test_a_reader_that_leaves_early_gets_no_traceback(big_bill: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tarazy.cli.main", "check", str(big_bill), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == b"{\n"
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read()
    assert proc.wait() == 141, err
    assert b"Traceback" not in err
