"""Batch comfort for `tarazy check`: stdin, directories, --output, --fail-on, as_of notes."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.model.errors import InputError
from tarazy.engine.reports import batch

from .conftest import EXAMPLES, write

# The appeal to the Council of judges-appeals.yaml: conforms with concerns (NR No. 10).
CONCERNS = """\
bill: {as_of: 2026-11-01}
provisions:
  - id: art-31-para-6
    instrument: constitutional_law
    effects:
      - right: judicial_protection
        kind: procedural_limit
        addressees: {label: judges, breadth: specific_group}
        aims: [rights_of_others]
        safeguards: [alternative_avenue]
        sector: judiciary
        clarity: clear
"""
# Open: no doctrine settles necessity or balance of a notice period (tests/test_cli.py).
OPEN = """\
id: notice
instrument: law
effects:
  - {right: assembly, kind: procedural_limit, requirement: notification, aims: [public_order]}
"""
COURT_FEES = str(EXAMPLES / "court-fees.yaml")  # one provision fails, one is open


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_a_bill_on_standard_input_is_named_stdin() -> None:
    text = Path(COURT_FEES).read_text(encoding="utf-8")
    code, out, err = run("check", "-", "--as-of", "2026-11-01", input=text)
    by_file = run("check", COURT_FEES, "--as-of", "2026-11-01")[1]
    assert code == 1, err
    assert out.startswith("== <stdin>\n")
    # the same report as from the file but for its name; the explain pointer reads '-'
    assert "why: tarazy explain - art-610-para-2 --as-of 2026-11-01" in out
    joined = out.replace("== <stdin>", f"== {COURT_FEES}").replace(
        "explain - ", f"explain {COURT_FEES} "
    )
    assert joined == re.sub(r" \\\n +", " ", by_file)
    code, text, err = run("explain", "-", "art-610-para-2", "--as-of", "2026-11-01", input=text)
    assert code == 1, err
    assert "file: <stdin>:23" in text


def test_bad_input_on_stdin_is_one_line_with_its_line() -> None:
    code, out, err = run("check", "-", input="provisions:\n  - id: x\n    effects: [\n")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("tarazy: error: <stdin>:")


def test_stdin_twice_is_a_usage_error() -> None:
    code, _, err = run("check", "-", "-", input=OPEN)
    assert code == 2 and "only once" in err


def test_a_directory_is_every_bill_in_it_by_name(tmp_path: Path) -> None:
    write(tmp_path, OPEN, "b.yaml")
    write(tmp_path, CONCERNS, "a.yml")
    write(tmp_path, "not a bill", "notes.txt")
    write(tmp_path, "not: [a bill", ".hidden.yaml")
    code, out, err = run("check", str(tmp_path), "--format", "json")
    assert code == 3, err
    files = [p["file"] for p in json.loads(out)["provisions"]]
    assert files == [str(tmp_path / "a.yml"), str(tmp_path / "b.yaml")]


def test_an_empty_directory_is_bad_input(tmp_path: Path) -> None:
    code, out, err = run("check", str(tmp_path))
    assert code == 2 and out == ""
    assert str(tmp_path) in err and "no bill files" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_output_is_the_report_stdout_would_get(tmp_path: Path, jobs: str) -> None:
    target = tmp_path / "report.json"
    args = ("check", COURT_FEES, "--as-of", "2026-11-01", "--format", "json")
    code, out, err = run(*args, "--output", str(target), "--jobs", jobs)
    assert code == 1, err
    assert out == ""
    assert target.read_text(encoding="utf-8") == run(*args)[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_output_is_not_touched_on_bad_input(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("the previous report\n", encoding="utf-8")
    bad = write(tmp_path, "provisions: 3\n", "bad.yaml")
    code, _, err = run("check", str(bad), "--output", str(target))
    assert code == 2, err
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "report.txt"]


def test_atomic_output_leaves_nothing_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(OSError), batch.atomic_output(target) as out:
        out.write("half a report")
        raise OSError(28, "No space left on device")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
    with batch.atomic_output(target) as out:
        out.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_output_into_a_missing_directory_is_one_line_exit_2(tmp_path: Path) -> None:
    code, _, err = run("check", COURT_FEES, "--output", str(tmp_path / "no" / "r.txt"))
    assert code == 2 and err.count("\n") == 1 and "r.txt" in err


def test_fail_on_sets_what_fails(tmp_path: Path) -> None:
    concerns = str(write(tmp_path, CONCERNS, "concerns.yaml"))
    open_ = str(write(tmp_path, OPEN, "open.yaml"))
    day = ("--as-of", "2026-11-01")
    # the default is today's behaviour
    assert run("check", concerns, *day)[0] == 0
    assert run("check", open_, *day)[0] == 3
    assert run("check", COURT_FEES, *day)[0] == 1
    # violations only
    assert run("check", open_, *day, "--fail-on", "violations")[0] == 0
    assert run("check", COURT_FEES, *day, "--fail-on", "violations")[0] == 1
    # concerns too
    assert run("check", concerns, *day, "--fail-on", "concerns")[0] == 5
    assert run("check", concerns, open_, *day, "--fail-on", "concerns")[0] == 3
    assert run("check", concerns, COURT_FEES, *day, "--fail-on", "concerns")[0] == 1


def test_exit_status_ladder() -> None:
    assert batch.exit_status({}, "concerns") == 0
    assert batch.exit_status({"conforms": 4}, "concerns") == 0
    assert batch.exit_status({"conforms_with_concerns": 1}, "open") == 0
    assert batch.exit_status({"conforms_with_concerns": 1, "open": 1}, "violations") == 0
    assert batch.exit_status({"open": 1, "does_not_conform": 1}, "violations") == 1


def test_the_report_says_when_the_bills_as_of_overrides_the_option(tmp_path: Path) -> None:
    bill = str(write(tmp_path, CONCERNS.replace("2026-11-01", "2025-06-01")))
    _, out, _ = run("check", bill, "--as-of", "2026-11-01")
    assert "The bill's own as_of (2025-06-01) overrides --as-of (2026-11-01)." in out
    assert "edition 1995-2022" in out
    data = json.loads(run("check", bill, "--as-of", "2026-11-01", "--format", "json")[1])
    assert data["provisions"][0]["as_of_overridden"] == "2026-11-01"
    assert data["provisions"][0]["as_of"] == "2025-06-01"
    # not said when the option agrees, or is not given
    for args in (("--as-of", "2025-06-01"), ()):
        out = run("check", bill, *args)[1]
        assert "overrides" not in out
        data = json.loads(run("check", bill, *args, "--format", "json")[1])
        assert data["provisions"][0]["as_of_overridden"] is None


def test_expand_refuses_nothing_else(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    assert batch.expand([missing]) == [missing]  # the loader reports it, with the others
    with pytest.raises(InputError):
        batch.expand([tmp_path])


def test_output_gets_the_mode_a_new_file_gets(tmp_path: Path) -> None:
    import os

    target = tmp_path / "report.txt"
    mask = os.umask(0o022)
    try:
        with batch.atomic_output(target) as out:
            out.write("x")
    finally:
        os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o640)  # a report replaced keeps its mode
    with batch.atomic_output(target) as out:
        out.write("y")
    assert target.stat().st_mode & 0o777 == 0o640


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_the_report_does_not_use() -> None:
    shown = _Terminal()
    progress = batch.Progress(2000, shown, report_on_terminal=False)
    for _ in range(2000):
        progress.advance()
    progress.finish()
    frames = shown.getvalue().split("\r\x1b[2K")
    assert frames[1] == "tarazy: checked 20 of 2000 provisions"
    assert frames[-2] == "tarazy: checked 2000 of 2000 provisions" and frames[-1] == ""
    assert len(frames) == 1 + 100 + 1  # a hundred steps, then the line cleared
    # silent: piped, the report on the same terminal, or a short run
    for stream, on_terminal, total in (
        (io.StringIO(), False, 2000),
        (_Terminal(), True, 2000),
        (_Terminal(), False, 999),
    ):
        quiet = batch.Progress(total, stream, report_on_terminal=on_terminal)
        for _ in range(total):
            quiet.advance()
        quiet.finish()
        assert stream.getvalue() == ""


def test_check_writes_no_progress_when_piped(tmp_path: Path) -> None:
    code, big, _ = run("generate", "--provisions", "1000", "--seed", "5")
    assert code == 0
    bill = write(tmp_path, big)
    code, _, err = run("check", str(bill), "--as-of", "2026-11-01", "-o", str(tmp_path / "r"))
    assert code in (0, 1, 3) and err == ""
