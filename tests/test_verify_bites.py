"""Issue 13, item 5: verification that bites on faults it was not built against - examples
stating the whole verdict, coverage and ruling outcomes as properties, edition_change on
provisions straddling the catalogue's differences, doctrines no case or example tells apart -
and tests/faults_new.py (written before these changes) caught by them."""

from __future__ import annotations

import collections
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.input import loading
from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.verification import verifying

from .conftest import CASES, DOCTRINES
from .faults import Fault
from .faults_new import NEW_FAULTS

# the properties that catch the new faults, none of them generating many examples
CHEAP = ("doctrine_tests", "replay", "edition_change", "case_base", "coverage", "rulings")


def _report(folder: Path, catalogue: Catalogue) -> dict[str, str | None]:
    doctrines = loading.load_doctrines(folder, catalogue)
    cases = loading.load_cases([], catalogue)
    examples = loading.load_doctrine_examples(folder, catalogue, doctrines)
    with verifying.context(catalogue, doctrines, cases, 0, examples) as ctx:
        results = verifying.verify(ctx, CHEAP, profile="ci", max_examples=10)
    return {
        r.name: r.problem.message.replace(str(folder), "<doctrines>") if r.problem else None
        for r in results
    }


@pytest.fixture(scope="module")
def bundled_cheap(
    tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue
) -> dict[str, str | None]:
    folder = Fault("none", "", frozenset()).build(tmp_path_factory.mktemp("b") / "doctrines")
    return _report(folder, catalogue)


def test_new_faults_cover_every_kind_twice() -> None:
    kinds = collections.Counter(nf.kind for nf in NEW_FAULTS)
    assert set(kinds) == set("abcde") and min(kinds.values()) >= 2  # the test's own claim
    assert len({nf.fault.name for nf in NEW_FAULTS}) == len(NEW_FAULTS)


def test_the_bundled_set_holds_the_new_properties(bundled_cheap: dict[str, str | None]) -> None:
    assert bundled_cheap == dict.fromkeys(CHEAP)


@pytest.mark.slow
@pytest.mark.parametrize("nf", NEW_FAULTS, ids=[nf.fault.name for nf in NEW_FAULTS])
def test_each_new_fault_is_caught(
    nf: object, tmp_path: Path, catalogue: Catalogue, bundled_cheap: dict[str, str | None]
) -> None:
    fault = nf.fault  # type: ignore[attr-defined]
    got = _report(fault.build(tmp_path / "doctrines"), catalogue)
    caught = {n for n, p in got.items() if p and p != bundled_cheap[n]}
    assert caught, f"{fault.name}: {fault.description}"


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DOCTRINES, tmp_path / "doctrines"))


def test_an_example_verdict_the_set_does_not_give_fails_doctrine_test(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    file = folder / "tests" / "disciplinary-ban-indefinite.yaml"
    text = file.read_text(encoding="utf-8")
    # NR No. 4 did not decide fixed-term bars: the whole verdict is open, never "conforms"
    assert text.count("verdict: open") == 2
    file.write_text(text.replace("verdict: open", "verdict: conforms", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["doctrine", "test", "--doctrines", str(folder)])
    assert result.exit_code == 1, result.output
    assert "expected verdict conforms, got verdict open" in result.output
    assert "disciplinary-ban-indefinite.yaml:" in result.output


def test_a_verdict_outside_the_vocabulary_is_bad_input(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    file = folder / "tests" / "disciplinary-ban-indefinite.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("verdict: open", "verdict: upheld", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["doctrine", "test", "--doctrines", str(folder)])
    assert result.exit_code == 2
    assert "disciplinary-ban-indefinite.yaml:" in result.stderr


def test_examples_state_verdicts(catalogue: Catalogue, doctrines: DoctrineSet) -> None:
    examples = loading.load_doctrine_examples(None, catalogue, doctrines)
    stated = [e for e in examples if e.verdict is not None]
    # Exact: `grep -h "verdict:" doctrines/tests/*.yaml | sort | uniq -c` gives 42 open and
    # 3 does_not_conform. An example's stated verdict added or removed is recorded here.
    assert len(stated) == 45
    assert {e.verdict for e in stated} == {"open", "does_not_conform"}


def test_straddles_reach_every_difference_of_the_catalogue(
    catalogue: Catalogue, doctrines: DoctrineSet
) -> None:
    cases = loading.load_cases([], catalogue)
    examples = loading.load_doctrine_examples(None, catalogue, doctrines)
    with verifying.context(catalogue, doctrines, cases, 0, examples) as ctx:
        differences = {s.difference for s in verifying.straddles(ctx)}
    # the catalogue: personal liberty and inheritance leave the never-restrictable list in
    # 2026; national security is admitted by the 2026 general clause only
    assert {"right personal_liberty", "right inheritance", "aim national_security"} <= differences
    flipped = {
        r
        for r in catalogue.right_ids
        if catalogue.never_restrictable(r, "1995-2022") != catalogue.never_restrictable(r, "2026")
        and catalogue.article(r, "1995-2022")
        and catalogue.article(r, "2026")
    }
    assert {d.split()[1] for d in differences if d.startswith("right")} == flipped


def test_a_doctrine_no_case_or_example_tells_apart_is_noted(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    folder = _copy(tmp_path)
    source = (folder / "disciplinary-ban-indefinite.yaml").read_text(encoding="utf-8")
    twin = source.replace("id: disciplinary-ban-indefinite", "id: disciplinary-ban-twin", 1)
    (folder / "disciplinary-ban-twin.yaml").write_text(twin, encoding="utf-8")
    doctrines = loading.load_doctrines(folder, catalogue)
    examples = loading.load_doctrine_examples(folder, catalogue, doctrines)
    with verifying.context(
        catalogue, doctrines, loading.load_cases([], catalogue), 0, examples
    ) as ctx:
        assert verifying.indistinct(ctx) == [
            "disciplinary-ban-indefinite and disciplinary-ban-twin"
        ]
        (result,) = verifying.verify(ctx, ["coverage"], profile="ci")
    # the twin has no examples of its own: coverage fails, and the note names the pair
    assert result.status == "failed" and "disciplinary-ban-twin has no examples" in (
        result.problem.message if result.problem else ""
    )
    assert any("disciplinary-ban-indefinite and disciplinary-ban-twin" in n for n in result.notes)


def test_the_bundled_doctrines_are_all_told_apart(
    catalogue: Catalogue, doctrines: DoctrineSet
) -> None:
    examples = loading.load_doctrine_examples(None, catalogue, doctrines)
    with verifying.context(
        catalogue, doctrines, loading.load_cases([], catalogue), 0, examples
    ) as ctx:
        assert verifying.indistinct(ctx) == []


def test_show_keeps_an_alternative_of_several_facts_together() -> None:
    # found writing docs/tutorial.md: an `any` alternative with two facts was flattened into
    # the list of alternatives, so "minor AND lifelong" read as "minor OR lifelong"
    result = CliRunner().invoke(main, ["doctrine", "show", "law-enforcement-discrediting-bar"])
    assert result.exit_code == 0, result.output
    text = result.output
    i = text.index("at least one of these holds:")
    assert text[i:].split("\n")[1].strip() == "- all of these hold:"
    assert "          - how serious the triggering misconduct is: a minor offence" in text
    assert "          - how long the effect lasts: without limit of time" in text


def test_doctrine_test_reads_the_case_base_it_is_given(tmp_path: Path) -> None:
    # the verdicts examples state are the whole set's with a case base: --cases chooses it
    empty = tmp_path / "cases"
    empty.mkdir()
    result = CliRunner().invoke(main, ["doctrine", "test", "--cases", str(empty)])
    assert result.exit_code == 2 and "no case files" in result.stderr
    result = CliRunner().invoke(main, ["doctrine", "test", "--cases", str(CASES)])
    assert result.exit_code == 0, result.output
