"""Precedents under the 2026 Constitution: the survival report, the warnings drafters get,
and the edition property."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from tarazy.cli.main import main
from tarazy.engine import loading, survival
from tarazy.engine.catalogue import Catalogue
from tarazy.engine.errors import InputError
from tarazy.engine.evaluating import Evaluator
from tarazy.engine.model import DoctrineSet

from .conftest import CASES, DOCTRINES, write


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def surveyed(
    catalogue: Catalogue, doctrines: DoctrineSet, evaluator: Evaluator
) -> dict[str, survival.CaseSurvival]:
    cases = loading.load_cases([CASES], catalogue, doctrines)
    per_case, _ = survival.survey(cases, evaluator, catalogue)
    return {c.case.id: c for c in per_case}


def test_64_np_survives_on_the_equality_ground(surveyed: dict[str, survival.CaseSurvival]) -> None:
    # constitution-editions.md: 64-НП rested on inheritance being never restrictable (old
    # 26(2) with 39(3)); under 2026 inheritance (29(2)) is restrictable under 41(1); the
    # equality ground still carries the result.
    c = surveyed["KZ-CC-NR-2025-64"]
    assert (c.before.outcome, c.after.outcome) == ("does_not_conform", "does_not_conform")
    assert c.fate == "same_on_other_grounds"
    assert c.carried_by == ("equality-objective-justification",)
    (reason,) = c.reasons
    for text in (
        "never-restrictable-rights: fires under 1995-2022, does not apply under 2026",
        "Art. 26(2) with Art. 39(3)",
        "Art. 29(2)",
        "restricted under Art. 41(1)",
    ):
        assert text in reason


def test_custody_cases_keep_their_outcome_on_art_18_2(
    surveyed: dict[str, survival.CaseSurvival],
) -> None:
    # 37-НП left this list: the official annotation ties it to Arts 1, 12, 13(1) and 20, not
    # to personal liberty, so its file no longer records a custody effect. NR No. 9 (house
    # arrest, ordered by a court) took its place.
    for case_id in ("KZ-CC-NR-2023-09", "KZ-CC-NR-2025-74"):
        c = surveyed[case_id]
        assert c.fate == "same"
        assert any(
            "liberty-only-by-court: passes under both editions" in r and "18(1)" in r
            for r in c.reasons
        )


def test_every_other_case_survives_unchanged(surveyed: dict[str, survival.CaseSurvival]) -> None:
    changed = {i for i, c in surveyed.items() if c.fate != "same"}
    assert changed == {"KZ-CC-NR-2025-64"}
    assert all(c.after.edition == "2026" for c in surveyed.values())


def survey_in(
    tmp_path: Path, catalogue: Catalogue, case_text: str, doctrines_dir: Path = DOCTRINES
) -> survival.CaseSurvival:
    folder = tmp_path / "cases"
    folder.mkdir(exist_ok=True)
    case_id = case_text.split("id: ", 1)[1].split("\n", 1)[0]
    (folder / f"{case_id}.yaml").write_text(case_text, encoding="utf-8")
    doctrines = loading.load_doctrines(doctrines_dir, catalogue)
    cases = loading.load_cases([folder], catalogue, doctrines)
    with Evaluator(doctrines, catalogue) as ev:
        (result,), _ = survival.survey(cases, ev, catalogue)
    return result


def test_a_lapsed_basis_leaves_a_case_not_assessed(tmp_path: Path, catalogue: Catalogue) -> None:
    folder = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, folder)
    pension = folder / "pension-deprivation-express-ground.yaml"
    pension.write_text(
        pension.read_text().replace(
            '    articles: ["31(1)", "41(1)"]\n',
            '    articles: ["31(1)", "41(1)"]\n    status: lapsed\n',
        )
    )
    case = (CASES / "KZ-CC-NR-2023-05.yaml").read_text()
    c = survey_in(tmp_path, catalogue, case, folder)
    assert c.fate == "now_not_assessed"
    assert "does not apply under 2026: Social security (31(1))" in c.reasons[0]


def test_a_newly_admitted_aim_changes_an_outcome(tmp_path: Path, catalogue: Catalogue) -> None:
    # An invented case: missionary registration justified by national security alone. Under
    # 1995 Art. 39(1) that aim was not admitted; under 2026 Art. 41(1) it is.
    case = (CASES / "KZ-CC-NR-2025-67.yaml").read_text()
    case = (
        case.replace("id: KZ-CC-NR-2025-67", "id: KZ-CC-NR-2025-99")
        .replace("holding: conforms", "holding: does_not_conform")
        .replace("aims: [public_order, rights_of_others]", "aims: [national_security]")
    )
    c = survey_in(tmp_path, catalogue, case)
    assert (c.before.outcome, c.after.outcome) == ("does_not_conform", "conforms")
    assert c.fate == "different"
    assert any(
        "the aim 'national security' is admitted under 2026 (Art. 41(1)) but was not "
        "under 1995-2022" in r
        for r in c.reasons
    )


def test_the_survival_command_in_three_formats() -> None:
    code, out, _ = run("survival")
    assert code == 0
    assert "28 same outcome, 1 same outcome, on other grounds, 0 different outcome" in out
    assert "still carried by: equality-objective-justification (Art. 16(1), Art. 16(2))" in out
    code, out, _ = run("survival", "--format", "json")
    data = json.loads(out)
    assert data["summary"] == {
        "same": 28,
        "same_on_other_grounds": 1,
        "different": 0,
        "now_not_assessed": 0,
    }
    never = next(d for d in data["doctrines"] if d["id"] == "never-restrictable-rights")
    assert never["no_longer_decides"] == ["KZ-CC-NR-2025-64"]
    assert never["basis"]["2026"]["carried_by"] == [
        "equality-objective-justification",
        "liberty-only-by-court",
    ]
    code, md, _ = run("survival", "--format", "markdown")
    assert md.startswith("# Precedents of the Constitutional Court under the 2026 Constitution")
    assert "| NR No. 64 of 2025 (KZ-CC-NR-2025-64) |" in md
    assert run("survival", "--format", "markdown")[1] == md


def test_drafters_are_warned_about_findings_on_a_changed_basis(tmp_path: Path) -> None:
    bill = write(
        tmp_path,
        """\
provisions:
  - id: custody
    instrument: law
    effects:
      - {right: personal_liberty, kind: deprivation, aims: [public_order]}
  - id: fee
    instrument: code
    effects:
      - {right: judicial_protection, kind: condition, requirement: fee}
""",
    )
    _, out, _ = run("check", str(bill), "--format", "json", "--as-of", "2026-11-01")
    custody, fee = json.loads(out)["provisions"]
    (warning,) = custody["warnings"]
    assert warning.startswith("the verdict rests only on this finding: liberty-only-by-court")
    assert "Art. 96(3)" in warning and "KZ-CC-NR-2025-74" in warning
    assert fee["warnings"] == []  # NR No. 3's basis is the same under 2026
    _, out, _ = run("check", str(bill), "--format", "json", "--as-of", "2023-06-01")
    assert all(p["warnings"] == [] for p in json.loads(out)["provisions"])


def test_check_defaults_to_the_edition_in_force_today(tmp_path: Path) -> None:
    import datetime as dt

    bill = write(tmp_path, "id: x\ninstrument: law\neffects: [{right: speech, kind: ban}]\n")
    _, out, _ = run("check", str(bill), "--format", "json")
    (p,) = json.loads(out)["provisions"]
    today = dt.date.today()
    assert p["as_of"] == today.isoformat()
    assert p["edition"] == ("2026" if today >= dt.date(2026, 7, 1) else "1995-2022")


def test_carried_by_must_name_a_doctrine(tmp_path: Path, catalogue: Catalogue) -> None:
    folder = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, folder)
    target = folder / "never-restrictable-rights.yaml"
    target.write_text(
        target.read_text().replace(
            "carried_by: [equality-objective-justification",
            "carried_by: [equality-objective-justificaton",
        )
    )
    with pytest.raises(InputError) as info:
        loading.load_doctrines(folder, catalogue)
    assert info.value.file == str(target)
    assert "did you mean 'equality-objective-justification'" in info.value.message
    line = target.read_text().splitlines()[info.value.line - 1]  # type: ignore[operator]
    assert "carried_by" in line
