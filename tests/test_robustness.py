"""Issue 11: never crash, never hang, never pass silently.

Every kind of hostile input in the issue-11 reproducer corpus (an external corpus, not in the
repository: ../shared/repro beside the checkout; tests/run_repros.py can be pointed at it),
and the kinds around it, becomes one line on
stderr and exit status 2 — never a traceback, never a verdict's status. Commands that could
block (a FIFO) or grow without bound (/dev/zero, an alias bomb) run in a subprocess with a
time-out and an address-space cap, so a regression fails the test instead of the suite; the
bounds are guards, not measurements (tests/run_repros.py reports the times and memory).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.input import loading, yamlfile
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import MAX_REPORTED, InputError, InputErrors

from .conftest import CASES, DOCTRINES, EXAMPLES, write

COURT_FEES = str(EXAMPLES / "court-fees.yaml")
MEMORY_CAP = 1024**3  # 1 GiB of address space; the alias bomb took 2.4 GB in 0.1.0


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_guarded(*args: str, stdout: int | None = None) -> subprocess.CompletedProcess[str]:
    """The command line in a subprocess with a time-out and a memory cap."""
    return subprocess.run(
        [sys.executable, "-m", "tarazy.cli.main", *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        preexec_fn=_cap,
        check=False,
    )


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def assert_clean_input_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 2, err
    assert out == ""
    lines = err.strip().splitlines()
    assert lines and all(line.startswith("tarazy: error: ") for line in lines), err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, err


# --------------------------------------------------------------------------- file kinds


def test_a_fifo_never_blocks_any_command(tmp_path: Path) -> None:
    fifo = tmp_path / "bill.yaml"
    os.mkfifo(fifo)
    for args in (["check", str(fifo)], ["replay", str(fifo)]):
        done = run_guarded(*args)
        assert_clean_input_error(done.returncode, done.stdout, done.stderr, "FIFO")
    doctrines = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, doctrines)
    os.mkfifo(doctrines / "tests" / "x.yaml")
    done = run_guarded("doctrine", "test", "--doctrines", str(doctrines))
    assert_clean_input_error(done.returncode, done.stdout, done.stderr, "x.yaml", "FIFO")
    os.mkfifo(doctrines / "y.yaml")
    done = run_guarded("doctrine", "list", "--doctrines", str(doctrines))
    assert_clean_input_error(done.returncode, done.stdout, done.stderr, "y.yaml", "FIFO")


@pytest.mark.parametrize(
    ("device", "fragment"),
    [("/dev/zero", "character device"), ("/dev/null", "character device")],
)
def test_devices_are_refused_without_reading(device: str, fragment: str) -> None:
    done = run_guarded("check", device)
    assert_clean_input_error(done.returncode, done.stdout, done.stderr, fragment)


def test_directory_entries_that_are_not_files(tmp_path: Path) -> None:
    doctrines = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, doctrines)
    (doctrines / "sub.yaml").mkdir()
    (doctrines / "gone.yaml").symlink_to(tmp_path / "nonexistent.yaml")
    code, out, err = run("doctrine", "list", "--doctrines", str(doctrines))
    # both problems, at once
    assert_clean_input_error(code, out, err, "sub.yaml: expected a YAML file, found a directory")
    assert "gone.yaml: a symbolic link to a missing file" in err


def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(yamlfile.MAX_BYTES + 1)
    with pytest.raises(InputError, match="larger than"):
        yamlfile.read(big)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file(tmp_path: Path) -> None:
    bill = write(tmp_path, "x: 1\n")
    bill.chmod(0)
    code, out, err = run("check", str(bill))
    assert_clean_input_error(code, out, err, "cannot read")


def test_yml_and_yaml_load_alike(tmp_path: Path, catalogue: Catalogue) -> None:
    doctrines = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, doctrines)
    (doctrines / "legal-certainty.yaml").rename(doctrines / "legal-certainty.yml")
    (doctrines / "tests" / "legal-certainty.yaml").rename(
        doctrines / "tests" / "legal-certainty.yml"
    )
    assert (
        loading.load_doctrines(doctrines, catalogue).ids
        == loading.load_doctrines(DOCTRINES, catalogue).ids
    )
    assert len(loading.load_doctrine_examples(doctrines, catalogue)) == len(
        loading.load_doctrine_examples(DOCTRINES, catalogue)
    )
    cases = tmp_path / "cases"
    shutil.copytree(CASES, cases)
    (cases / "KZ-CC-NR-2023-03.yaml").rename(cases / "KZ-CC-NR-2023-03.yml")
    assert len(loading.load_cases([cases], catalogue)) == len(loading.case_files(CASES))
    bill = tmp_path / "bill.yml"
    shutil.copy(COURT_FEES, bill)
    assert loading.load_bill(bill, catalogue).provisions
    # one id, two files: an error, not a silent choice
    shutil.copy(doctrines / "legal-certainty.yml", doctrines / "legal-certainty.yaml")
    with pytest.raises(InputError, match="two doctrine files for 'legal-certainty'"):
        loading.load_doctrines(doctrines, catalogue)


# --------------------------------------------------------------------------- YAML kinds

BILL = "bill: {title: t, as_of: 2025-01-01}\nprovisions:\n  - {id: p, instrument: law, effects: [{right: speech, kind: ban}]}\n"  # noqa: E501


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        pytest.param("%YAML 1.1\n---\n" + BILL, "%YAML 1.1 directive", 1, id="yaml-1.1"),
        pytest.param("%TAG !e! tag:e,2000:\n---\n" + BILL, "%TAG directive", 1, id="tag"),
        pytest.param(
            "provisions:\n  - &e {id: p, instrument: law, effects: [{right: speech, kind: ban}]}"
            "\n  - <<: *e\n    id: q\n",
            "merge keys (<<) are not allowed",
            3,
            id="merge-key",
        ),
        pytest.param("x: !!omap [a: 1]\nprovisions: []\n", "found !!omap", 1, id="omap"),
        pytest.param("x: !!set {a}\n", "found !!set", 1, id="set"),
        pytest.param("x: !!binary aGk=\n", "found !!binary", 1, id="binary"),
        pytest.param("x: !!int\n", "found !!int", 1, id="empty-int"),  # found by the fuzz suite
        pytest.param("x: ! 3\n", "found !)", 1, id="non-specific-tag"),
        pytest.param("provisions: " + "1" * 4301 + "\n", "4301 digits", 1, id="4301-digits"),
        pytest.param("x: " + str(2**1024) + "\n", "too large", 1, id="2**1024"),
        pytest.param("x: 1e400\n", "finite", 1, id="1e400"),
        pytest.param("x: .nan\n", "finite", 1, id="nan"),
        pytest.param("x: [" * 250 + "]" * 250 + "\n", "nest more than", None, id="deep-250"),
        pytest.param(
            "x: " + "[" * yamlfile.MAX_DEPTH + "]" * yamlfile.MAX_DEPTH + "\n",
            "nest more than",
            1,
            id="just-too-deep",
        ),
        pytest.param(
            "a: &a [*a]\n", "an alias refers to the value that contains it", 1, id="self-alias"
        ),
        pytest.param("? [a, b]\n: 1\n", "plain names", 1, id="complex-key"),
        pytest.param('x: "\\ud800"\n', "lone surrogate (U+D800)", 1, id="lone-surrogate"),
        pytest.param("2026: a\n'2026': b\n", "duplicate key '2026' (first given on line 1)", 2),
        pytest.param("a: 1\n---\nb: 2\n", "single document", 2, id="two-documents"),
    ],
)
def test_yaml_kinds_give_one_message(
    tmp_path: Path, catalogue: Catalogue, text: str, fragment: str, line: int | None
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        loading.load_bill(path, catalogue)
    assert fragment in str(info.value)
    assert info.value.file == str(path)
    if line is not None:
        assert info.value.line == line, str(info.value)
    assert "\n" not in str(info.value)


def test_nesting_just_within_the_limit_loads(tmp_path: Path) -> None:
    depth = yamlfile.MAX_DEPTH - 1  # the top mapping is one level
    doc = yamlfile.read(write(tmp_path, "x: " + "[" * depth + "]" * depth + "\n"))
    assert isinstance(doc.data, dict)


def test_an_alias_bomb_fails_before_expansion(tmp_path: Path) -> None:
    # r8, one level deeper than the reproducer (9**8 = 43 million values once expanded).
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    bomb = write(tmp_path, "\n".join(lines) + "\nprovisions: *a8\n")
    done = run_guarded("check", str(bomb))
    assert_clean_input_error(done.returncode, done.stdout, done.stderr, "aliases are expanded")


def test_aliases_within_the_bound_still_load(tmp_path: Path, catalogue: Catalogue) -> None:
    text = (
        "bill: {title: t, as_of: 2025-01-01}\nprovisions:\n"
        "  - {id: p, instrument: law, effects: [&e {right: speech, kind: ban}]}\n"
        "  - {id: q, instrument: law, effects: [*e]}\n"
    )
    bill = loading.load_bill(write(tmp_path, text), catalogue)
    assert [p.effects[0].kind for p in bill.provisions] == ["ban", "ban"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "provisions:\n  - id: |\n      p1\n    instrument: law\n    effects: [{right: speech, "
            "kind: ban}]\n",
            "an id of letters",
        ),
        (
            "provisions:\n  - id: p1\n    citation:\n      act: |\n        Law on X\n"
            "    instrument: law\n    effects: [{right: speech, kind: ban}]\n",
            "citation act spans lines",
        ),
    ],
    ids=["id", "citation"],
)
def test_ids_and_citations_may_not_end_in_a_newline(
    tmp_path: Path, catalogue: Catalogue, text: str, fragment: str
) -> None:
    with pytest.raises(InputError, match=fragment):
        loading.load_bill(write(tmp_path, text), catalogue)


def test_an_as_of_before_the_first_edition_names_file_and_line(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = write(tmp_path, BILL.replace("2025-01-01", "1994-12-31"))
    with pytest.raises(InputError) as info:
        loading.load_bill(path, catalogue)
    assert (info.value.file, info.value.line) == (str(path), 1)
    assert "no edition of the Constitution was in force on 1994-12-31" in info.value.message


def test_a_stray_key_in_a_flow_mapping_is_named(tmp_path: Path, catalogue: Catalogue) -> None:
    # r10: an unquoted comma inside {...} used to read "expected a mapping, got a mapping".
    text = BILL.replace(
        "kind: ban}",
        "kind: ban, addressees: {label: organisers of pickets, meetings, breadth: broad_group}}",
    )
    with pytest.raises(InputError, match="unknown field 'meetings'"):
        loading.load_bill(write(tmp_path, text), catalogue)


# --------------------------------------------------------------------------- all at once


def test_a_file_with_several_mistakes_lists_them_all(tmp_path: Path, catalogue: Catalogue) -> None:
    text = (
        "provisions:\n"
        "  - {id: a, instrument: lawx, effects: [{right: speech, kind: ban}]}\n"
        "  - {id: b, instrument: law, effects: [{right: speechx, kind: ban}]}\n"
        "  - {id: c, instrument: law, effects: [{right: speech, kind: banx}]}\n"
    )
    with pytest.raises(InputErrors) as info:
        loading.load_bill(write(tmp_path, text), catalogue)
    assert [p.line for p in info.value.problems] == [2, 3, 4]


def test_problems_are_capped(tmp_path: Path, catalogue: Catalogue) -> None:
    rows = "".join(
        f"  - {{id: p{i}, instrument: lawx, effects: [{{right: speech, kind: ban}}]}}\n"
        for i in range(MAX_REPORTED + 5)
    )
    with pytest.raises(InputErrors) as info:
        loading.load_bill(write(tmp_path, "provisions:\n" + rows), catalogue)
    assert len(info.value.problems) == MAX_REPORTED and info.value.more == 5
    assert info.value.lines()[-1] == "... and 5 more problems"


def test_one_bad_file_does_not_hide_the_others(tmp_path: Path) -> None:
    bad1 = write(tmp_path, BILL.replace("kind: ban", "kind: banx"), "bad1.yaml")
    bad2 = write(tmp_path, BILL.replace("speech", "speechx"), "bad2.yaml")
    code, out, err = run("check", COURT_FEES, str(bad1), COURT_FEES, str(bad2))
    assert_clean_input_error(code, out, err, "bad1.yaml:3:", "bad2.yaml:3:")
    assert len(err.strip().splitlines()) == 2  # and no verdicts written


# --------------------------------------------------------------------------- no silent pass


def test_no_examples_is_not_a_pass(tmp_path: Path) -> None:
    doctrines = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, doctrines)
    shutil.rmtree(doctrines / "tests")
    code, out, err = run("doctrine", "test", "--doctrines", str(doctrines))
    assert_clean_input_error(code, out, err, "no doctrine examples")
    code, _, err = run("verify", "--doctrines", str(doctrines), "--profile", "ci")
    assert code == 2, err


def test_a_doctrine_without_examples_is_reported_and_not_a_pass(tmp_path: Path) -> None:
    doctrines = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, doctrines)
    (doctrines / "tests" / "legal-certainty.yaml").unlink()
    code, out, _ = run("doctrine", "test", "--doctrines", str(doctrines))
    assert code == 3
    assert "doctrines without examples: legal-certainty" in out


def test_an_empty_case_directory_is_an_error(tmp_path: Path) -> None:
    code, out, err = run("replay", str(tmp_path))
    assert_clean_input_error(code, out, err, "no case files")


def test_replay_fails_when_a_relied_on_doctrine_stops_applying(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    source = (CASES / "KZ-CC-NR-2023-03.yaml").read_text(encoding="utf-8")
    assert "relied_on: [access-to-justice-fee-relief]" in source
    write(cases, source, "KZ-CC-NR-2023-03.yaml")
    code, _, err = run("replay", str(cases))
    assert code == 0, err
    # The same holding, but the Court is now said to rely on a doctrine that does not apply
    # to this provision: the right answer for a reason the Court did not give.
    write(
        cases,
        source.replace(
            "relied_on: [access-to-justice-fee-relief]",
            "relied_on: [access-to-justice-fee-relief, liberty-only-by-court]",
        ),
        "KZ-CC-NR-2023-03.yaml",
    )
    code, out, _ = run("replay", str(cases), "--format", "json")
    assert code == 1
    (case,) = json.loads(out)["cases"]
    assert case["match"] == "weak_match"


# --------------------------------------------------------------------------- the guard


def test_an_unexpected_exception_is_exit_four_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tarazy.engine.verdict import evaluating

    def boom(*_args: object, **_kwargs: object) -> object:
        raise KeyError("surprise")

    monkeypatch.setattr(evaluating.Evaluator, "evaluate", boom)
    code, out, err = run("check", COURT_FEES)
    assert (code, out) == (4, "")
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tarazy: internal error: KeyError")
    assert "please report it" in lines[0]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["check", "--bogus", COURT_FEES], "No such option"),
        (["check"], "Missing argument"),
        (["check", "--as-of", "2025-13-01", COURT_FEES], "--as-of"),
        (["schema", "nothing"], "'nothing' is not one of"),
    ],
)
def test_usage_errors_are_one_line_and_exit_two(args: list[str], fragment: str) -> None:
    code, out, err = run(*args)
    assert_clean_input_error(code, out, err, fragment)
    assert len(err.strip().splitlines()) == 1


def test_a_full_disk_is_one_line_not_a_traceback() -> None:
    with open("/dev/full", "w") as full:
        done = run_guarded("check", COURT_FEES, stdout=full.fileno())
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == "tarazy: error: cannot write the output: No space left on device"


def test_a_large_file_only_the_careful_reader_would_take_is_refused(tmp_path: Path) -> None:
    # Over 4 MiB, a file libyaml hands back (here: an anchor) would cost ruamel about a
    # hundred times its size in memory; it is refused with the reason instead.
    from tarazy.engine.input import yamlfile

    body = "".join(
        f"  - id: p{i}\n    instrument: law\n    effects: [{{right: assembly, kind: ban}}]\n"
        for i in range(yamlfile.MAX_REFERENCE_CHARS // 70 + 1000)
    )
    path = tmp_path / "big.yaml"
    path.write_text("provisions:\n" + body + "x: &a 1\n", encoding="utf-8")
    with pytest.raises(InputError, match="uses YAML that only the careful reader accepts"):
        yamlfile.read(path)
