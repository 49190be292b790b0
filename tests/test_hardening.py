"""Faults a hostile tester found in tarazy 0.3.0, each tested as a class of input, not the
one instance reported: an input overwritten through standard input, '-' as an output,
number-like provision ids, YAML anchors shared between provisions, CRLF and BOM bills,
`fix --write` into a directory it cannot write, bidirectional controls in text reports, and
`tarazy new`/`generate` accepting what `check` refuses.

The bill used throughout is examples/court-fees.yaml: under the 2026 edition its second
provision (a cassation duty payable in advance, no relief) fails the absolute-rights stage
and `tarazy fix` adds the deferral NR No. 3 of 22.02.2023 asked for (tests/test_fix.py reads
that off the ruling); its first provision fails nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.input import loading, yamlfile
from tarazy.engine.model.catalogue import Catalogue

from .conftest import EXAMPLES

COURT_FEES = EXAMPLES / "court-fees.yaml"
DAY_2026 = "2026-11-22"
FAILING = COURT_FEES.read_text("utf-8").split("  - id: art-610-para-2\n")[1]  # its body


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def shell(args: list[str], stdin: Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """`tarazy ARGS < STDIN` in a real process, so standard input is the file itself."""
    with stdin.open("rb") as source:
        return subprocess.run(
            [sys.executable, "-m", "tarazy.cli.main", *args],
            stdin=source,
            capture_output=True,
            cwd=cwd,
            env={**os.environ, "TARAZY_NO_CACHE": "1"},
            timeout=120,
            check=False,
        )


def bill_of(ids: list[str]) -> str:
    """A bill of the failing court-fees provision, once under each id (written as given)."""
    return "provisions:\n" + "".join(f"  - id: {i}\n{FAILING}" for i in ids)


# ------------------------------------------------ 1. the input overwritten via stdin


@pytest.mark.parametrize(
    "command",
    [
        ["check", "-", "--format", "html", "-o"],
        ["check", "-", "-o"],
        ["fix", "-", "--as-of", DAY_2026, "--write"],
    ],
)
@pytest.mark.parametrize("how", ["itself", "hard link"])
def test_an_output_that_is_the_file_on_stdin_is_refused(
    tmp_path: Path, command: list[str], how: str
) -> None:
    victim = tmp_path / "victim.yaml"
    text = COURT_FEES.read_text("utf-8")
    victim.write_text(text, encoding="utf-8")
    target = victim
    if how == "hard link":
        target = tmp_path / "other-name.yaml"
        os.link(victim, target)
    proc = shell([*command, target.name], victim, tmp_path)
    assert proc.returncode == 2, proc.stderr.decode()
    err = proc.stderr.decode()
    assert len(err.strip().splitlines()) == 1 and "standard input" in err
    assert proc.stdout == b""
    assert victim.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({victim.name, target.name})


def test_an_output_that_is_another_file_is_still_written_from_stdin(tmp_path: Path) -> None:
    victim = tmp_path / "victim.yaml"
    victim.write_text(COURT_FEES.read_text("utf-8"), encoding="utf-8")
    other = tmp_path / "report.txt"
    other.write_text("old", encoding="utf-8")
    proc = shell(["check", "-", "--as-of", DAY_2026, "-o", other.name], victim, tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()  # art-610-para-2 does not conform
    assert "art-610-para-2" in other.read_text(encoding="utf-8")


# ------------------------------------------------ 2. '-' as an output


def test_check_output_dash_is_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _err = run("check", str(COURT_FEES), "--as-of", DAY_2026, "-o", "-")
    plain, same, _ = run("check", str(COURT_FEES), "--as-of", DAY_2026)
    assert code == plain == 1
    assert out == same and "art-610-para-2" in out
    assert list(tmp_path.iterdir()) == []  # no file named '-'


def test_fix_write_dash_puts_the_bill_on_stdout_and_the_report_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("fix", str(COURT_FEES), "--as-of", DAY_2026, "--write", "-")
    assert code == 3, err
    amended = loading.load_bill("x.yaml", catalogue, yamlfile.parse(out, "x.yaml"))
    assert amended.provisions[1].effects[0].safeguards == ("deferral",)
    assert out.startswith("# A hypothetical amendment")  # the bill, comments kept
    assert "[deferral]" in err and "art-610-para-2" in err  # the report
    assert list(tmp_path.iterdir()) == []
    _code, help_text, _ = run("fix", "--help")
    assert "'-' writes the amended bill to standard output" in " ".join(help_text.split())
    _code, help_text, _ = run("check", "--help")
    assert "'-' is standard output" in " ".join(help_text.split())


# ------------------------------------------------ 3. number-like provision ids


NUMBER_LIKE = ["1e3", "012", "1.50", "0x1F", "1_000", "1e-3", '"12"']


def test_fix_write_amends_provisions_whose_ids_read_as_numbers(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    source = tmp_path / "bill.yaml"
    source.write_text(bill_of(NUMBER_LIKE), encoding="utf-8")
    ids = [p.id for p in loading.load_bill(source, catalogue).provisions]
    assert ids == ["1e3", "012", "1.50", "0x1F", "1_000", "1e-3", "12"]  # the text written
    out = tmp_path / "amended.yaml"
    code, _out, err = run("fix", str(source), "--as-of", DAY_2026, "--write", str(out))
    assert code == 3, err
    amended = loading.load_bill(out, catalogue)
    assert [p.id for p in amended.provisions] == ids
    assert all(p.effects[0].safeguards == ("deferral",) for p in amended.provisions)
    text = out.read_text(encoding="utf-8")
    for written in NUMBER_LIKE:  # each id as the drafter wrote it
        assert f"- id: {written}\n" in text


def test_fix_write_amends_a_single_provision_file_with_a_number_like_id(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    body = "\n".join(line[4:] for line in FAILING.splitlines())
    source = tmp_path / "one.yaml"
    source.write_text(f"id: 1e3\n{body}\n", encoding="utf-8")
    out = tmp_path / "amended.yaml"
    code, _out, err = run("fix", str(source), "--as-of", DAY_2026, "--write", str(out))
    assert code == 3, err
    (provision,) = loading.load_bill(out, catalogue).provisions
    assert provision.id == "1e3" and provision.effects[0].safeguards == ("deferral",)


# ------------------------------------------------ 4. a YAML anchor shared between provisions


SHARED = """\
provisions:
  - id: p1
    instrument: code
    effects:
      - &eff
        right: judicial_protection
        kind: condition
        requirement: fee
        addressees: {label: parties, breadth: broad_group}
        magnitude: {fee_percent: 50}
        sector: civil_procedure
  - id: p2
    instrument: code
    effects: [*eff]
"""


def test_fix_write_refuses_to_change_a_shared_anchor(tmp_path: Path) -> None:
    source = tmp_path / "bill.yaml"
    source.write_text(SHARED, encoding="utf-8")
    out = tmp_path / "amended.yaml"
    code, stdout, err = run("fix", str(source), "--as-of", DAY_2026, "--write", str(out))
    assert code == 2, err
    (line,) = err.strip().splitlines()
    assert f"{source}:5:" in line  # `- &eff` is line 5 (1-based) of SHARED
    assert "&eff" in line and "write the shared part out in full" in line
    assert "rule engine failure" not in err and stdout == ""
    assert not out.exists()


def test_fix_write_refuses_to_change_a_shared_list_of_effects(tmp_path: Path) -> None:
    # the anchor one level up: the effects list itself is shared
    text = SHARED.replace("    effects:\n      - &eff\n", "    effects: &effs\n      -\n")
    text = text.replace("effects: [*eff]", "effects: *effs")
    source = tmp_path / "bill.yaml"
    source.write_text(text, encoding="utf-8")
    code, stdout, err = run("fix", str(source), "--as-of", DAY_2026, "--write", "-")
    assert code == 2, err
    assert f"{source}:" in err and "&effs" in err and stdout == ""


def test_an_anchor_the_fix_does_not_change_is_no_obstacle(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    # the shared part is the addressees of two provisions; the fix adds safeguards to the
    # effect, which is not shared: written, and the anchor still shared
    text = bill_of(["p1", "p2"]).replace(
        "addressees: {label: parties filing a cassation petition, breadth: broad_group}",
        "addressees: &who {label: parties, breadth: broad_group}",
        1,
    )
    text = text.replace(
        "addressees: {label: parties filing a cassation petition, breadth: broad_group}",
        "addressees: *who",
    )
    assert "*who" in text
    source = tmp_path / "bill.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "amended.yaml"
    code, _out, err = run("fix", str(source), "--as-of", DAY_2026, "--write", str(out))
    assert code == 3, err
    amended = loading.load_bill(out, catalogue)
    assert all(p.effects[0].safeguards == ("deferral",) for p in amended.provisions)


# ------------------------------------------------ 5. CRLF and a byte-order mark


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_fix_write_keeps_crlf_and_a_bom(tmp_path: Path, catalogue: Catalogue, bom: str) -> None:
    source = tmp_path / "bill.yaml"
    source.write_bytes((bom + COURT_FEES.read_text("utf-8")).replace("\n", "\r\n").encode())
    out = tmp_path / "amended.yaml"
    code, _out, err = run("fix", str(source), "--as-of", DAY_2026, "--write", str(out))
    assert code == 3, err
    data = out.read_bytes()
    assert data.startswith(bom.encode() + b"# A hypothetical")
    assert data.count(b"\n") == data.count(b"\r\n") > 30  # every line ends CRLF
    assert b"\r\r" not in data
    amended = loading.load_bill(out, catalogue)
    assert amended.provisions[1].effects[0].safeguards == ("deferral",)


def test_fix_write_keeps_lf(tmp_path: Path) -> None:
    out = tmp_path / "amended.yaml"
    code, _out, err = run("fix", str(COURT_FEES), "--as-of", DAY_2026, "--write", str(out))
    assert code == 3, err
    assert b"\r" not in out.read_bytes()


# ------------------------------------------------ 6. --write where it cannot be written


@pytest.mark.parametrize("where", ["missing", "a file", "read-only"])
def test_fix_write_into_a_directory_it_cannot_write_is_refused_before_any_work(
    tmp_path: Path, where: str
) -> None:
    if where == "missing":
        target = tmp_path / "no-such-dir" / "amended.yaml"
    elif where == "a file":
        (tmp_path / "plain").write_text("x", encoding="utf-8")
        target = tmp_path / "plain" / "amended.yaml"
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only directory")
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        target = locked / "amended.yaml"
    try:
        code, out, err = run("fix", str(COURT_FEES), "--as-of", DAY_2026, "--write", str(target))
    finally:
        if where == "read-only":
            (tmp_path / "locked").chmod(0o700)
    assert code == 2
    assert out == ""  # no search, no report
    (line,) = err.strip().splitlines()
    assert "cannot write the amended bill here" in line and str(target) in line


# ------------------------------------------------ 7. bidirectional controls


BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"]
BIDI += ["\u2069", "\u200e", "\u200f", "\u061c"]


def test_bidi_controls_are_escaped_in_text_reports_and_kept_in_json(tmp_path: Path) -> None:
    title = "Duty " + "".join(f"{c}x" for c in BIDI)
    text = COURT_FEES.read_text("utf-8").replace(
        "title: Duty on cassation petitions, payable in full in advance", f'title: "{title}"'
    )
    source = tmp_path / "bill.yaml"
    source.write_text(text, encoding="utf-8")
    escaped = "".join(f"\\u{ord(c):04x}x" for c in BIDI)
    reports = {
        "check": run("check", str(source), "--as-of", DAY_2026)[1],
        "explain": run("explain", str(source), "art-610-para-2", "--as-of", DAY_2026)[1],
        "fix": run("fix", str(source), "--as-of", DAY_2026)[1],
    }
    for name, report in reports.items():
        assert "Duty" in report, name
        assert not any(c in report for c in BIDI), name
    assert escaped in reports["check"]
    _code, out, _err = run("check", str(source), "--as-of", DAY_2026, "--format", "json")
    assert title in out or title in json.dumps(json.loads(out), ensure_ascii=False)
    assert escaped not in out


# ------------------------------------------------ 8. new and generate


def test_new_refuses_an_overlong_answer_and_asks_again(tmp_path: Path) -> None:
    from tarazy.engine.input.guided import MAX_ANSWER

    from .test_new_command import full_session

    bill = tmp_path / "bill.yaml"
    answers = "T" * (MAX_ANSWER + 1) + "\n" + full_session()
    result = CliRunner().invoke(main, ["new", str(bill), "--as-of", "2026-11-01"], input=answers)
    assert result.exit_code == 0, result.stderr
    assert f"at most {MAX_ANSWER} are allowed" in result.stderr
    assert "T" * 100 not in result.stderr.replace("T" * (MAX_ANSWER + 1), "")  # not echoed back
    assert loading.load_bill(bill).title == "Draft law amending the Law on peaceful assemblies"
    at_limit = "T" * MAX_ANSWER + "\n" + full_session()
    result = CliRunner().invoke(main, ["new", str(tmp_path / "b2.yaml")], input=at_limit)
    assert "at most" not in result.stderr


def test_new_ctrl_c_at_the_check_question_exits_130_with_the_file_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import click.termui

    from .test_new_command import full_session

    real = click.termui._readline_prompt

    def prompt(func, text, err):  # type: ignore[no-untyped-def]
        if "Check it now" in text:
            raise KeyboardInterrupt
        return real(func, text, err)

    monkeypatch.setattr(click.termui, "_readline_prompt", prompt)
    bill = tmp_path / "bill.yaml"
    result = CliRunner().invoke(
        main, ["new", str(bill), "--as-of", "2026-11-01"], input=full_session()
    )
    assert result.exit_code == 130, result.stderr
    assert bill.exists()
    assert f"{bill} is written" in result.stderr


def test_generate_refuses_a_day_before_the_first_edition() -> None:
    code, out, err = run("generate", "--provisions", "2", "--as-of", "1990-01-01")
    assert code == 2 and out == ""
    assert "no edition of the Constitution was in force on 1990-01-01" in err
    code, out, _err = run("generate", "--provisions", "2", "--as-of", "2026-11-01")
    assert code == 0 and "as_of: 2026-11-01" in out.replace('"', "")
