"""`tarazy doctrine lint`: each check, on a copy of the bundled doctrines with one fault."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.analysis import linting
from tarazy.engine.model.catalogue import Catalogue

from .conftest import DOCTRINES

SPECIAL = "special-service-ban-minor-misconduct"
WHEN = """when:
  right: equal_access_state_service
  kind: ban
  duration: indefinite
  # 27-НП reviewed military and law-enforcement service only; special state bodies were not
  # before the Court (docs/sources.md, section 2).
  sector: [military, law_enforcement]
  trigger_severity: minor
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "doctrines"
    shutil.copytree(DOCTRINES, target)
    return target


def edit(folder: Path, doctrine: str, old: str, new: str) -> Path:
    path = folder / f"{doctrine}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if text.startswith(needle))


def run(folder: Path, catalogue: Catalogue) -> list[linting.LintFinding]:
    return linting.lint([folder], catalogue)


def codes(found: list[linting.LintFinding], severity: str) -> set[tuple[str, str]]:
    return {(Path(f.file).stem, f.code) for f in found if f.severity == severity}


def test_the_bundled_doctrines_have_no_error(catalogue: Catalogue) -> None:
    found = linting.lint([], catalogue)
    assert not [f for f in found if f.severity == "error"], found
    warned = codes(found, "warning")
    # what is true of the bundled set: no-political-grounds states no not_decided, and the
    # equality doctrine only frames its question (the case base settles the stage)
    assert ("no-political-grounds", "no-not-decided") in warned
    assert ("equality-objective-justification", "always-open") in warned
    # the three doctrines that rest on the text say so on their rulings line
    assert not {c for c in warned if c[1] == "no-ruling"}


def test_an_unless_that_always_holds_is_an_error_at_its_line(
    folder: Path, catalogue: Catalogue
) -> None:
    path = edit(folder, SPECIAL, "dimensions:", "unless: {trigger_severity: minor}\ndimensions:")
    found = [f for f in run(folder, catalogue) if f.code == "unless-always"]
    assert [(f.file, f.line, f.severity) for f in found] == [
        (str(path), line_of(path, "unless:"), "error")
    ]


def test_an_unless_that_never_holds_is_an_error(folder: Path, catalogue: Catalogue) -> None:
    edit(folder, SPECIAL, "dimensions:", "unless: {trigger_severity: criminal}\ndimensions:")
    assert (SPECIAL, "unless-never") in codes(run(folder, catalogue), "error")


def test_a_when_that_never_holds_is_an_error(folder: Path, catalogue: Catalogue) -> None:
    # an indefinite ban has no number of years: the facts make this impossible
    edit(folder, SPECIAL, "  trigger_severity: minor\n", "  duration_years: {gt: 5}\n")
    assert (SPECIAL, "never-holds") in codes(run(folder, catalogue), "error")


@pytest.mark.parametrize(
    ("unless", "code"),
    [
        ("{fee_percent: {le: 5}}", "unless-never"),  # 5 < x and x <= 5: never
        ("{fee_percent: {gt: 4}}", "unless-always"),  # 5 < x implies 4 < x
        ("{fee_percent: {gt: 5.25}}", None),  # holds just above 5.25, not just above 5
    ],
)
def test_numbers_are_decided_at_each_threshold_and_a_step_either_side(
    folder: Path, catalogue: Catalogue, unless: str, code: str | None
) -> None:
    edit(folder, SPECIAL, WHEN, WHEN + "  fee_percent: {gt: 5}\n")
    edit(folder, SPECIAL, "dimensions:", f"unless: {unless}\ndimensions:")
    errors = {c for d, c in codes(run(folder, catalogue), "error") if d == SPECIAL}
    assert errors == ({code} if code else set())


def test_unknown_rulings_and_load_errors_in_several_files_are_all_reported(
    folder: Path, catalogue: Catalogue
) -> None:
    ruled = edit(folder, SPECIAL, "rulings: [KZ-CC-NR-2023-27]", "rulings: [KZ-CC-NR-2099-01]")
    broken = edit(folder, "liberty-maximum-term", "  kind: deprivation\n", "  kind: deprivatoin\n")
    bad_field = edit(folder, "no-political-grounds", "political_grounds: true", "politcal: true")
    found = run(folder, catalogue)
    errors = {(f.file, f.line, f.code) for f in found if f.severity == "error"}
    assert (str(ruled), line_of(ruled, "rulings:"), "unknown-ruling") in errors
    assert (str(broken), line_of(broken, "  kind: deprivatoin"), "load") in errors
    assert (str(bad_field), line_of(bad_field, "  politcal"), "load") in errors
    message = next(f.message for f in found if f.file == str(bad_field))
    assert "did you mean 'political_grounds'" in message


def test_a_doctrine_without_examples_is_an_error(folder: Path, catalogue: Catalogue) -> None:
    (folder / "tests" / f"{SPECIAL}.yaml").unlink()
    assert (SPECIAL, "no-examples") in codes(run(folder, catalogue), "error")


def test_a_ruling_less_doctrine_that_does_not_say_it_rests_on_the_text_is_warned(
    folder: Path, catalogue: Catalogue
) -> None:
    edit(folder, SPECIAL, "rulings: [KZ-CC-NR-2023-27]", "rulings: []")
    found = run(folder, catalogue)
    assert (SPECIAL, "no-ruling") in codes(found, "warning")
    assert not [f for f in found if f.severity == "error"]


def new_doctrine(folder: Path, name: str, outcome: str, when: str) -> None:
    text = (folder / f"{SPECIAL}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {SPECIAL}", f"id: {name}").replace(WHEN, when)
    text = text.replace("outcome: violation", f"outcome: {outcome}")
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    examples = (folder / "tests" / f"{SPECIAL}.yaml").read_text(encoding="utf-8")
    examples = examples.replace(f"doctrine: {SPECIAL}", f"doctrine: {name}")
    (folder / "tests" / f"{name}.yaml").write_text(examples, encoding="utf-8")


def test_an_overlap_with_another_outcome_is_a_conflict_warning(
    folder: Path, catalogue: Catalogue
) -> None:
    # an over-broad concern: every ban from state service, whatever the trigger
    new_doctrine(
        folder, "broad-ban", "concern", "when:\n  right: equal_access_state_service\n  kind: ban\n"
    )
    found = run(folder, catalogue)
    assert ("broad-ban", "conflict") in codes(found, "warning")
    assert (SPECIAL, "subsumed") in codes(found, "warning")
    assert not [f for f in found if f.severity == "error"]
    result = CliRunner().invoke(main, ["doctrine", "lint", str(folder)])
    assert result.exit_code == 0, result.output
    assert "broad-ban" in result.output


def test_a_special_rule_that_says_so_is_not_reported(folder: Path, catalogue: Catalogue) -> None:
    new_doctrine(
        folder, "broad-ban", "concern", "when:\n  right: equal_access_state_service\n  kind: ban\n"
    )
    edit(folder, SPECIAL, "rulings:", "specialises: [broad-ban]\nrulings:")
    found = [f for f in run(folder, catalogue) if f.code in ("conflict", "subsumed")]
    pair = [f for f in found if SPECIAL in f.file + f.message and "broad-ban" in f.file + f.message]
    assert not pair
    # the disciplinary ban is not special to broad-ban by declaration: it is still reported
    assert any("disciplinary-ban-indefinite" in f.file + f.message for f in found)


def test_a_number_placeholder_the_provision_may_not_state_is_warned(
    folder: Path, catalogue: Catalogue
) -> None:
    edit(folder, SPECIAL, "  en: >-\n", "  en: >-\n    A fee of {fee_percent}.\n")
    assert (SPECIAL, "placeholder-unstated") in codes(run(folder, catalogue), "warning")


def test_durable_rules_limits_are_a_lint_error_with_its_line(
    folder: Path, catalogue: Catalogue
) -> None:
    groups = "".join(
        f"    - any: [{{duration_years: {{gt: {i}}}}}, {{fee_percent: {{lt: {i}}}}}]\n"
        for i in range(24)
    )
    path = edit(folder, SPECIAL, WHEN, "when:\n  all:\n" + groups)
    found = [f for f in run(folder, catalogue) if f.file == str(path) and f.severity == "error"]
    assert [(f.line, f.code) for f in found] == [(line_of(path, "when:"), "load")]
    assert "more than 512 rules" in found[0].message


def test_cli_exit_status_and_json(folder: Path) -> None:
    edit(folder, SPECIAL, "dimensions:", "unless: {trigger_severity: minor}\ndimensions:")
    runner = CliRunner()
    result = runner.invoke(main, ["doctrine", "lint", str(folder / f"{SPECIAL}.yaml")])
    assert result.exit_code == 1
    assert f"{SPECIAL}.yaml:" in result.output and "error: 'unless' holds" in result.output
    result = runner.invoke(main, ["doctrine", "lint", "--format", "json", str(folder)])
    data = json.loads(result.output)
    assert data["summary"]["errors"] == 1 and data["summary"]["files"] == 18
    assert runner.invoke(main, ["doctrine", "lint"]).exit_code == 0


def test_a_missing_path_is_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["doctrine", "lint", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "nope.yaml: no such file or directory" in result.output


def test_every_bad_condition_and_placeholder_of_one_file_is_reported(
    folder: Path, catalogue: Catalogue
) -> None:
    # the loader stops at the first; lint reads each condition and text on its own
    path = edit(folder, SPECIAL, "  trigger_severity: minor\n", "  trigger_severity: minr\n")
    edit(folder, SPECIAL, "dimensions:", "unless: {safegards: {has_any: [hearing]}}\ndimensions:")
    edit(folder, SPECIAL, "{addressees}", "{adressees}")
    found = [f for f in run(folder, catalogue) if f.file == str(path)]
    messages = " | ".join(f.message for f in found)
    assert "did you mean 'minor'" in messages
    assert "did you mean 'safeguards'" in messages
    assert "did you mean 'addressees'" in messages
    lines = path.read_text(encoding="utf-8").splitlines()
    for f in found:
        assert any(w in lines[f.line - 1] for w in ("minr", "safegards", "en:")), f


def test_a_bad_placeholder_alone_is_reported_once(folder: Path, catalogue: Catalogue) -> None:
    path = edit(folder, SPECIAL, "{addressees}", "{adressees}")
    found = [f for f in run(folder, catalogue) if f.file == str(path) and f.severity == "error"]
    assert len(found) == 1 and "adressees" in found[0].message


def test_a_condition_too_large_to_enumerate_is_said_to_be_undecided(
    folder: Path, catalogue: Catalogue
) -> None:
    grounds = ", ".join(sorted(catalogue_grounds()))
    edit(
        folder,
        SPECIAL,
        "  trigger_severity: minor\n",
        "  trigger_severity: minor\n"
        "  safeguards: {has_none: [deferral, installment, exemption, reduction, hearing,"
        " time_limit, periodic_review, judicial_review, individual_assessment]}\n"
        f"  grounds_of_distinction: {{has_none: [{grounds}]}}\n",
    )
    found = run(folder, catalogue)
    assert (SPECIAL, "undecided") in codes(found, "warning")
    assert not [f for f in found if f.severity == "error"]


def catalogue_grounds() -> list[str]:
    from tarazy.engine import model

    return list(model.GROUNDS_OF_DISTINCTION)
