"""`tarazy explain`: the justification tree agrees with the verdict, node by node."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.input import loading
from tarazy.engine.model import Case, DoctrineSet
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import AllOf, AnyOf, Not
from tarazy.engine.model.conditions import Test as Leaf
from tarazy.engine.model.errors import EngineError
from tarazy.engine.model.facts import Facts
from tarazy.engine.reports import justifying, provenance
from tarazy.engine.verdict.evaluating import Evaluator, edition_for

from .conftest import CASES, DOCTRINES, EXAMPLES, NEW, OLD, write
from .test_cli import CONFORMING

COURT_FEES = EXAMPLES / "court-fees.yaml"
# The registration requirement of 67-НП, upheld; under 1995-2022 every stage that no
# doctrine settles passes by that precedent (tests/test_cli.py, CONFORMING).
LIKE_67 = CONFORMING


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def cases(catalogue: Catalogue) -> list[Case]:
    return loading.load_cases([CASES], catalogue)


@pytest.fixture(scope="module")
def full(doctrines: DoctrineSet, catalogue: Catalogue, cases: list[Case]) -> Iterator[Evaluator]:
    with Evaluator(doctrines, catalogue, cases=cases) as ev:
        yield ev


def _find(stages: Sequence[dict[str, Any]], stage: str) -> dict[str, Any]:
    return next(s for s in stages if s["stage"] == stage)


def _doctrine(stage: dict[str, Any], doctrine: str) -> dict[str, Any]:
    return next(d for d in stage["considered"] if d["doctrine"] == doctrine)


def test_condition_tree_marks_every_node_with_the_fact_it_read() -> None:
    # (kind = ban and not (safeguards has any of [hearing])) or duration_years > 5
    cond = AnyOf(
        (
            AllOf((Leaf("kind", "eq", "ban"), Not(Leaf("safeguards", "has_any", ("hearing",))))),
            Leaf("duration_years", "gt", 5.0),
        )
    )
    facts: Facts = {
        "kind": "ban",
        "safeguards": frozenset({"hearing", "deferral"}),
        "duration_years": None,
    }
    tree = justifying.condition_tree(cond, facts)
    assert tree["holds"] is False  # the ban has a hearing, and no term is stated
    left, right = tree["any"]
    assert left["holds"] is False
    kind, neg = left["all"]
    assert (kind["fact"], kind["holds"]) == ("ban", True)
    assert neg["holds"] is False and neg["not"]["holds"] is True
    assert neg["not"]["fact"] == ["deferral", "hearing"]  # a set, sorted
    assert (right["fact"], right["holds"]) == (None, False)  # an unstated number
    assert right["test"] == "duration_years > 5"


def test_court_fee_without_relief_is_explained_by_the_fee_relief_doctrine(
    full: Evaluator, catalogue: Catalogue
) -> None:
    bill = loading.load_bill(COURT_FEES, catalogue)
    p = next(x for x in bill.provisions if x.id == "art-610-para-2")
    tree = justifying.explain_provision(full, p, NEW, "2026", "en", str(COURT_FEES))
    assert tree["outcome"] == "does_not_conform" and tree["line"] == 23
    stages = tree["effects"][0]["stages"]
    absolute = _find(stages, "absolute_rights")
    assert absolute["status"] == "fails" and absolute["source"] == "doctrine"
    relief = _doctrine(absolute, "access-to-justice-fee-relief")
    assert relief["state"] == "fires"
    assert relief["basis"]["articles"] == ["Art. 12(2)", "Art. 16(2)", "Art. 41(3)"]
    # the exception the bill does not meet, with the (empty) safeguards that defeat it
    assert relief["unless"]["holds"] is False
    assert relief["unless"]["fact"] == []
    assert relief["unless"]["field"] == "safeguards"
    # the general doctrine it displaces is shown, and why it does not count
    general = _doctrine(absolute, "never-restrictable-rights")
    assert general["defeated"]["by"] == "access-to-justice-fee-relief"
    # a stage the doctrine settles is not put to the cases
    assert absolute["precedent"] is None
    # legality passes through restriction-only-by-law's exception: a code
    legality = _find(stages, "legality")
    by_law = _doctrine(legality, "restriction-only-by-law")
    assert by_law["state"] == "passes" and by_law["unless"]["holds"] is True
    assert legality["articles"] == ["Art. 41(1)"]
    # open questions are filled in, never shown with their placeholders
    aim = _doctrine(_find(stages, "legitimate_aim"), "admitted-aim")
    assert aim["state"] == "open" and "{" not in aim["question"]
    assert "judicial protection" in aim["question"]


def test_a_pass_by_precedent_names_the_case_and_no_distinction(
    tmp_path: Path, full: Evaluator, catalogue: Catalogue
) -> None:
    p = loading.load_bill(write(tmp_path, LIKE_67), catalogue).provisions[0]
    day = dt.date(2025, 6, 1)
    tree = justifying.explain_provision(full, p, day, "1995-2022")
    stages = tree["effects"][0]["stages"]
    by_case = [s for s in stages if s["source"] == "precedent"]
    assert by_case, "the registration requirement passes some stage by precedent"
    for s in by_case:
        assert s["cases"] == ["KZ-CC-NR-2025-67"]
        row = next(r for r in s["precedent"] if r["case"] == "KZ-CC-NR-2025-67")
        assert row["distinctions"] == [] and row["bears"] == "lets it pass"
        assert row["side"] == "upheld" and "instrument" in row["dimensions_compared"]


def test_every_example_and_case_explains_as_its_verdict(
    full: Evaluator, catalogue: Catalogue, cases: list[Case]
) -> None:
    """The reference reading of every doctrine agrees with the verdict (explain_provision
    raises otherwise); each doctrine's state follows from its trees; the stage statuses
    are the verdict's."""
    provisions = [
        p for f in sorted(EXAMPLES.glob("*.yaml")) for p in loading.load_bill(f).provisions
    ]
    provisions += [c.provision for c in cases]
    checked = 0
    for day in (OLD, NEW):
        edition = edition_for(day, catalogue)
        for p in provisions:
            verdict = full.evaluate(p, day, edition)
            tree = justifying.explain_provision(full, p, day, edition)
            assert tree["outcome"] == verdict.outcome
            for eff, table in zip(tree["effects"], verdict.stages, strict=True):
                for s, r in zip(eff["stages"], table.stages, strict=True):
                    assert (s["stage"], s["status"]) == (r.stage, r.status)
                    for d in s["considered"]:
                        applies = d["when"]["holds"]
                        assert (d["state"] != "does_not_apply") == applies, d["doctrine"]
                        if d["state"] == "fires":
                            assert d["unless"] is None or not d["unless"]["holds"]
                        if d["state"] == "passes":
                            assert d["unless"]["holds"]
                    rows = s["precedent"] or []
                    if s["source"] == "precedent":
                        # every deciding case is compared, on point (some effect of it), and
                        # bears that way
                        bears = (
                            "forces the stage to fail" if r.status == "fails" else "lets it pass"
                        )
                        for case in r.cases:
                            assert any(
                                row["case"] == case
                                and row["bears"] == bears
                                and not row["distinctions"]
                                for row in rows
                            ), (p.id, s["stage"], case)
                    for n in r.nearest:  # the nearest cases an open stage names are compared
                        assert any(row["case"] == n.case for row in rows), (p.id, n.case)
                    if s["source"] == "doctrine":
                        active = {
                            d["doctrine"]
                            for d in s["considered"]
                            if d["state"] in ("fires", "passes", "open") and not d["defeated"]
                        }
                        assert set(s["doctrines"]) <= active
                checked += 1
    # Exact: every effect on both days. `cat examples/*.yaml cases/*.yaml | grep -cE
    # "^\s*- right:"` counts 57 effects (20 in the example bills, 37 in the case files).
    assert checked == 2 * 57


def test_an_explanation_that_is_not_the_verdicts_is_refused(
    doctrines: DoctrineSet, catalogue: Catalogue
) -> None:
    # A matcher that sees nothing: the verdict then has no doctrine applying, while the
    # reference reading has restriction-only-by-law fire on a decision restricting assembly.
    bill = loading.load_bill(EXAMPLES / "peaceful-assemblies.yaml", catalogue)
    p = next(x for x in bill.provisions if x.id == "akimat-central-square")
    blind = Evaluator(doctrines, catalogue, matcher=lambda fs: [frozenset() for _ in fs])
    with blind, pytest.raises(EngineError, match="but the verdict has does_not_apply"):
        justifying.explain_provision(blind, p, NEW, "2026")


def test_explain_command_text_json_and_exit_status() -> None:
    code, out, err = run("explain", str(COURT_FEES), "art-610-para-2", "--as-of", "2026-11-01")
    assert code == 1, err  # the verdict's status, as in check
    assert "== art-610-para-2" in out and "art-610-para-1" not in out
    assert "absolute rights: fails — settled by doctrine: access-to-justice-fee-relief" in out
    # the unless of access-to-justice-fee-relief (safeguards has_any [deferral, installment,
    # exemption, reduction]) in the words of model.SAFEGUARDS, sorted by id, and the empty fact
    assert (
        "✗ mitigations present include at least one of: payment or performance may be deferred; "
        "exemption, e.g. for persons of low income; payment in installments; reduction of the "
        "amount, e.g. for persons of low income [none]" in " ".join(out.split())
    )
    assert "defeated by access-to-justice-fee-relief" in out
    assert out.rstrip().splitlines()[-1].startswith("tarazy ")
    code, out, err = run("explain", str(COURT_FEES), "--as-of", "2026-11-01", "--format", "json")
    assert code == 3 or code == 1, err
    data = json.loads(out)
    assert [p["id"] for p in data["provisions"]] == ["art-610-para-1", "art-610-para-2"]
    assert data["tarazy"]["doctrines"] == provenance.content_hash(DOCTRINES)
    assert data["tarazy"]["cases"] == provenance.content_hash(CASES)
    assert data["tarazy"]["edition"] == "2026"
    again = run("explain", str(COURT_FEES), "--as-of", "2026-11-01", "--format", "json")[1]
    assert again == out  # deterministic


def test_explain_unknown_provision_is_one_line_exit_2() -> None:
    code, out, err = run("explain", str(COURT_FEES), "no-such")
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "no-such" in lines[0] and "court-fees.yaml" in lines[0]
    assert "art-610-para-1" in lines[0]


def test_every_finding_in_check_points_to_explain_and_the_command_works() -> None:
    # peaceful-assemblies has several findings on several provisions
    bill = str(EXAMPLES / "peaceful-assemblies.yaml")
    _, out, _ = run("check", bill, "--as-of", "2026-11-01")
    # a pointer too long for 80 columns continues on the next line after a backslash
    lines = out.replace(" \\\n", " ").splitlines()
    assert max(len(line) for line in out.splitlines()) <= 80
    findings = [n for n, line in enumerate(lines) if re.match(r"   \d+\. ", line)]
    whys = [n for n, line in enumerate(lines) if line.startswith("      why: ")]
    # Exact: two findings - akimat-central-square (a local decision restricts assembly with
    # no law behind it: restriction-only-by-law) and art-5-para-4 (political grounds:
    # no-political-grounds); the two other provisions are open, with no finding.
    assert len(findings) == 2 and len(findings) == len(whys)
    # each finding's pointer comes after it and before the next finding
    for start, why, end in zip(findings, whys, [*findings[1:], len(lines)], strict=True):
        assert start < why < end
    assert lines[whys[0]].startswith(f"      why: tarazy explain {bill} ")
    assert lines[whys[0]].endswith(" --as-of 2026-11-01")
    _, out, _ = run("check", str(COURT_FEES), "--as-of", "2026-11-01", "--format", "json")
    for p in json.loads(out)["provisions"]:
        words = shlex.split(p["explain"])
        assert words[:2] == ["tarazy", "explain"]
        code, text, err = run(*words[1:])
        assert code in (1, 3), err
        assert f"== {p['id']}" in text and f"outcome: {p['outcome'].replace('_', ' ')}" in text


def test_explain_says_when_the_bills_as_of_overrides_the_option(tmp_path: Path) -> None:
    bill = str(write(tmp_path, LIKE_67))  # as_of 2025-06-01: the 1995-2022 edition
    code, out, err = run("explain", bill, "--as-of", "2026-11-01")
    assert code == 0, err  # conforms by precedent of 67-НП, as check says
    assert out.splitlines()[0] == (
        "The bill's own as_of (2025-06-01) overrides --as-of (2026-11-01)."
    )
    assert "edition 1995-2022" in out
    data = json.loads(run("explain", bill, "--as-of", "2026-11-01", "--format", "json")[1])
    assert data["as_of_overridden"] == "2026-11-01"
    assert data["provisions"][0]["as_of"] == "2025-06-01"
    assert data["tarazy"]["edition"] == "1995-2022"
    assert json.loads(run("explain", bill, "--format", "json")[1])["as_of_overridden"] is None


def test_explain_text_stays_within_its_width() -> None:
    _, out, _ = run("explain", str(EXAMPLES / "peaceful-assemblies.yaml"), "--as-of", "2026-11-01")
    long = [line for line in out.splitlines() if len(line) > justifying.WIDTH]
    # only a single word longer than the width may overflow (never cut inside a word)
    assert all(" " not in line.strip() for line in long), long[:3]


def test_the_pointer_repeats_the_case_base_so_it_explains_the_same_check(tmp_path: Path) -> None:
    import shutil

    few = tmp_path / "cases"
    few.mkdir()
    shutil.copy(CASES / "KZ-CC-NR-2023-03.yaml", few)  # without 67-НП
    bill = str(write(tmp_path, LIKE_67))
    code, out, _ = run("check", bill, "--cases", str(few), "--format", "json")
    assert code == 3  # without 67-НП nothing settles necessity and balance
    item = json.loads(out)["provisions"][0]
    words = shlex.split(item["explain"])
    assert words[-2:] == ["--cases", str(few)]
    code, text, err = run(*words[1:])
    assert code == 3, err
    assert "outcome: open" in text
    # the same explain without the option explains another check: conforms by 67-НП
    assert run("explain", bill)[0] == 0


def test_explain_in_russian_fills_the_courts_questions_in_russian() -> None:
    code, out, err = run(
        "explain", str(COURT_FEES), "art-610-para-2", "--as-of", "2026-11-01", "--lang", "ru"
    )
    assert code == 1, err
    questions = [line for line in out.splitlines() if line.strip().startswith("вопрос: ")]
    assert questions and all(re.search("[а-яА-Я]", q) for q in questions)
    assert all("{" not in q for q in questions)


def test_explain_bad_bill_is_one_line_per_problem_exit_2(tmp_path: Path) -> None:
    bad = write(tmp_path, "provisions:\n  - id: a\n    instrument: lawz\n    effects: []\n")
    code, out, err = run("explain", str(bad))
    assert code == 2 and out == ""
    assert err.startswith(f"tarazy: error: {bad}:") and "Traceback" not in err
