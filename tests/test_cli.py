"""The command line, through click's CliRunner: formats, exit statuses, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.input import yamlfile

from .conftest import DOCTRINES, EXAMPLES, write

COURT_FEES = str(EXAMPLES / "court-fees.yaml")
# No more restrictive, on every dimension, than the registration requirement 67-НП of
# 26.02.2025 upheld (missionary activity only after registration, for public order): the
# case base lets every stage pass (1995-2022 edition; under 2026 the basis changed).
CONFORMING = """\
bill: {as_of: 2025-06-01}
provisions:
  - id: registration-like-67
    instrument: law
    effects:
      - right: conscience_manifestation
        kind: condition
        requirement: registration
        sector: religion
        aims: [public_order]
        clarity: clear
        addressees: {label: missionaries, breadth: broad_group}
"""
# Assembly notice periods: no doctrine settles necessity or balance, no decided case is on
# point - the verdict is open.
OPEN = """\
id: notice
instrument: law
effects:
  - {right: assembly, kind: procedural_limit, requirement: notification, aims: [public_order]}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_text_names_the_edition_and_the_findings() -> None:
    code, out, err = run("check", COURT_FEES, "--as-of", "2026-11-01")
    assert code == 1, err
    assert "Constitution applied: edition 2026" in out
    assert "[DOES NOT CONFORM] art-610-para-2" in out
    assert "[OPEN] art-610-para-1" in out
    assert "absolute rights · violation · access-to-justice-fee-relief" in out
    assert "Art. 12(2), Art. 16(2), Art. 41(3) (Constitution, edition 2026)" in out
    assert "NR No. 3 of 2023 [KZ-CC-NR-2023-03]" in out
    # the stage table: fee relief settles absolute rights; nothing settles the balance
    assert "     absolute rights  FAILS   access-to-justice-fee-relief" in out
    assert "     absolute rights  passes  access-to-justice-fee-relief" in out
    assert "     balance          OPEN" in out
    assert "Open questions:" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    # the summary, then the stamp line (tests/test_provenance.py)
    assert out.rstrip().splitlines()[-2] == "Provisions checked: 2; does not conform: 1; open: 1"


def test_check_json_has_the_published_shape() -> None:
    code, out, _ = run("check", COURT_FEES, "--format", "json", "--as-of", "2026-11-01")
    assert code == 1
    data = json.loads(out)
    first, second = data["provisions"]
    assert set(first) >= {"id", "outcome", "findings", "stages", "defeated", "open_effects"}
    assert (first["id"], first["outcome"], first["findings"]) == ("art-610-para-1", "open", [])
    (table,) = first["stages"]
    assert [s["stage"] for s in table["stages"]] == [
        "legality",
        "absolute_rights",
        "legitimate_aim",
        "necessity",
        "balance",
        "equality",
        "certainty",
    ]
    absolute = table["stages"][1]
    assert (absolute["status"], absolute["source"]) == ("passes", "doctrine")
    assert absolute["doctrines"] == ["access-to-justice-fee-relief"]
    assert absolute["facts"]["safeguards"] == "deferral, exemption, installment"
    assert table["stages"][5]["status"] == "not_applicable"  # equality: no distinction drawn
    assert table["stages"][4]["status"] == "open" and table["stages"][4]["questions"]
    assert second["outcome"] == "does_not_conform"
    (finding,) = second["findings"]
    assert set(finding) == {
        "doctrine",
        "case",
        "stage",
        "outcome",
        "effect",
        "reason",
        "articles",
        "rulings",
        "remedy",
    }
    assert finding["doctrine"] == "access-to-justice-fee-relief"
    assert finding["articles"] == ["Art. 12(2)", "Art. 16(2)", "Art. 41(3)"]
    assert finding["rulings"] == ["KZ-CC-NR-2023-03"]
    assert "deferral" in finding["reason"]
    assert second["edition"] == "2026" and second["as_of"] == "2026-11-01"
    assert data["summary"]["does_not_conform"] == 1


def test_the_same_input_gives_the_same_bytes() -> None:
    args = (
        "check",
        str(EXAMPLES / "peaceful-assemblies.yaml"),
        str(EXAMPLES / "pensions.yaml"),
        "--format",
        "json",
        "--as-of",
        "2026-11-01",
    )
    assert run(*args)[1] == run(*args)[1]
    text = (*args[:3], "--as-of", "2026-11-01")
    assert run(*text)[1] == run(*text)[1]


def test_as_of_selects_the_edition() -> None:
    _, old, _ = run("check", COURT_FEES, "--format", "json", "--as-of", "2023-06-01")
    _, new, _ = run("check", COURT_FEES, "--format", "json", "--as-of", "2026-07-01")
    old_finding = json.loads(old)["provisions"][1]["findings"][0]
    new_finding = json.loads(new)["provisions"][1]["findings"][0]
    assert old_finding["articles"] == ["Art. 13(2)", "Art. 14(2)", "Art. 39(3)"]
    assert new_finding["articles"] == ["Art. 12(2)", "Art. 16(2)", "Art. 41(3)"]
    assert "Art. 13(2)" in old_finding["reason"] and "Art. 12(2)" in new_finding["reason"]


def test_a_bills_own_as_of_overrides_the_option() -> None:
    # judges-appeals.yaml says as_of: 2026-11-01
    _, out, _ = run(
        "check", str(EXAMPLES / "judges-appeals.yaml"), "--format", "json", "--as-of", "2023-06-01"
    )
    assert {p["edition"] for p in json.loads(out)["provisions"]} == {"2026"}


def test_exit_zero_when_everything_conforms(tmp_path: Path) -> None:
    code, out, _ = run("check", str(write(tmp_path, CONFORMING)))
    assert code == 0, out
    assert "[CONFORMS] registration-like-67" in out
    assert "necessity        passes  by precedent: KZ-CC-NR-2025-67" in out


def test_exit_three_when_nothing_fails_but_a_stage_is_open(tmp_path: Path) -> None:
    code, out, _ = run(
        "check", str(write(tmp_path, OPEN)), str(write(tmp_path, CONFORMING, "ok.yaml"))
    )
    assert code == 3
    assert "[OPEN] notice" in out
    assert "effect 1, necessity: Is this the least restrictive means" in " ".join(out.split())


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["check", "missing.yaml"], "missing.yaml: no such file"),
        (["check", "BAD"], "BAD:13: bill: unknown value 'bann' for 'kind'"),
        (["check", COURT_FEES, "--doctrines", "nowhere"], "nowhere: expected a directory"),
        (["check", COURT_FEES, "--as-of", "1990-01-01"], "no edition of the Constitution"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(tmp_path: Path, args: list[str], fragment: str) -> None:
    bad = write(
        tmp_path,
        (EXAMPLES / "civil-service-bans.yaml").read_text().replace("kind: ban", "kind: bann", 1),
    )
    args = [str(bad) if a == "BAD" else a for a in args]
    code, out, err = run(*args)
    assert code == 2
    assert out == ""  # nothing half-written
    assert fragment.replace("BAD", str(bad)) in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_bad_second_file_writes_nothing_for_the_first(tmp_path: Path) -> None:
    bad = write(tmp_path, "provisions: [\n")
    code, out, err = run("check", COURT_FEES, str(bad))
    assert (code, out) == (2, "")
    assert f"{bad}:2: malformed YAML" in err


def test_bad_options_are_exit_two() -> None:
    assert run("check", COURT_FEES, "--format", "xml")[0] == 2
    assert run("check", COURT_FEES, "--as-of", "22.11.2026")[0] == 2
    assert run("check")[0] == 2


def test_a_bad_doctrine_file_is_exit_two(tmp_path: Path) -> None:
    for f in DOCTRINES.glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text())
    target = tmp_path / "admitted-aim.yaml"
    target.write_text(
        target.read_text().replace("has_inadmissible_aim: false", "has_inadmisible_aim: false")
    )
    code, out, err = run("check", COURT_FEES, "--doctrines", str(tmp_path))
    assert (code, out) == (2, "")
    assert f"{target}:" in err and "did you mean 'has_inadmissible_aim'" in err


def test_russian_reasons() -> None:
    _, out, _ = run(
        "check", COURT_FEES, "--format", "json", "--lang", "ru", "--as-of", "2026-11-01"
    )
    reason = json.loads(out)["provisions"][1]["findings"][0]["reason"]
    assert "пошлины" in reason


def test_rights_lists_both_editions() -> None:
    code, out, _ = run("rights")
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("inheritance "))
    assert "26(2) never" in line and "29(2)" in line and "29(2) never" not in line
    code, out, _ = run("rights", "--format", "json", "--edition", "2026")
    data = json.loads(out)
    liberty = next(r for r in data["rights"] if r["id"] == "personal_liberty")
    assert liberty["editions"] == {
        "2026": {
            "article": "18(1)",
            "never_restrictable": False,
            "name": "personal liberty and inviolability",
            "source": "K2026 Arts 18(1), 41(3)",
            "note": "no longer on the never-restrictable list; restrictable under Art. 41(1)",
        }
    }


def test_doctrine_list() -> None:
    code, out, _ = run("doctrine", "list", "--format", "json")
    assert code == 0
    ids = [d["id"] for d in json.loads(out)["doctrines"]]
    assert "access-to-justice-fee-relief" in ids and len(ids) == len(list(DOCTRINES.glob("*.yaml")))
    code, out, _ = run("doctrine", "list")
    assert "disciplinary-ban-indefinite" in out and "NR No. 4 of 2023" in out


@pytest.mark.parametrize("kind", ["bill", "doctrine", "examples", "case", "catalogue"])
def test_published_schemas_are_valid(kind: str) -> None:
    code, out, _ = run("schema", kind)
    assert code == 0
    jsonschema.Draft202012Validator.check_schema(json.loads(out))


def test_the_bill_schema_accepts_every_example() -> None:
    schema = json.loads(run("schema", "bill")[1])
    validator = jsonschema.Draft202012Validator(schema)
    for path in EXAMPLES.glob("*.yaml"):
        assert not list(validator.iter_errors(yamlfile.read(path).data)), path


def test_help_documents_the_options() -> None:
    code, out, _ = run("check", "--help")
    assert code == 0
    out = " ".join(out.split())
    for text in ("--format", "--as-of", "--doctrines", "selects the edition", "--lang"):
        assert text in out


def test_an_untrustworthy_engine_result_is_exit_four_not_a_verdict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tarazy.engine.model.errors import EngineError
    from tarazy.engine.rules import compiling

    def refuse(self: object, effects: object) -> object:
        raise EngineError("durable_rules did not run every action")

    monkeypatch.setattr(compiling.CompiledRules, "match", refuse)
    code, out, err = run("check", COURT_FEES)
    assert (code, out) == (4, "")
    assert "rule engine failure: durable_rules did not run every action" in err
    assert "Traceback" not in err


def test_control_characters_from_a_bill_never_reach_the_terminal(tmp_path: Path) -> None:
    # A title with terminal escapes (colour, window title) is shown, not obeyed.
    bill = write(
        tmp_path,
        'provisions:\n  - id: x\n    title: "\\e[31mred\\e]0;t\\a"\n    instrument: law\n'
        "    effects: [{right: assembly, kind: ban, aims: [public_order]}]\n",
    )
    _, out, _ = run("check", str(bill))
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[31mred\\x1b]0;t\\x07" in out


def test_a_date_that_does_not_exist_is_named_as_such() -> None:
    code, out, err = run("check", COURT_FEES, "--as-of", "2026-02-30")
    assert (code, out) == (2, "")
    assert "'2026-02-30' is written YYYY-MM-DD but is no calendar date" in err


def test_output_never_replaces_a_link_a_fifo_or_an_input(tmp_path: Path) -> None:
    # A fresh user replaced /dev/full with a report as root: --output must name a regular
    # file (or a new one), and never an input bill.
    bill = tmp_path / "bill.yaml"
    bill.write_text((EXAMPLES / "court-fees.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere.txt")
    for target, fragment in (
        (fifo, "found a device, FIFO or socket"),
        (link, "found a symbolic link"),
        (bill, "would overwrite an input bill"),
    ):
        code, out, err = run("check", str(bill), "--output", str(target))
        assert (code, out) == (2, ""), target
        assert fragment in err
    assert fifo.is_fifo() and link.is_symlink()
    assert "art-610-para-2" in bill.read_text(encoding="utf-8")  # the bill is untouched


def test_lint_of_an_empty_folder_lints_nothing_else(tmp_path: Path) -> None:
    code, out, err = run("doctrine", "lint", str(tmp_path))
    assert (code, out) == (2, "")
    assert "no doctrine files" in err


def test_doctrine_new_writes_nothing_when_a_folder_is_a_file(tmp_path: Path) -> None:
    doctrines = tmp_path / "d"
    doctrines.mkdir()
    (doctrines / "tests").write_text("x", encoding="utf-8")
    code, _, err = run(
        "doctrine",
        "new",
        "some-rule",
        "--doctrines",
        str(doctrines),
        "--cases",
        str(tmp_path / "c"),
    )
    assert code == 2 and "expected a directory here" in err
    assert sorted(p.name for p in doctrines.iterdir()) == ["tests"]
