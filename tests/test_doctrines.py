"""The examples written next to each doctrine (doctrines/tests/<id>.yaml) hold: each says
what its doctrine must do with one provision - fire, open (apply, but the facts it needs
are not stated), pass (apply, with its exception holding) or not apply - and why. They are
the doctrines' boundary tests; `tarazy doctrine test` and `tarazy verify` run the same
files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tarazy.engine.input import loading
from tarazy.engine.model import DoctrineExample, DoctrineSet
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError
from tarazy.engine.verdict.evaluating import Evaluator

from .conftest import DOCTRINES, NEW, provision

# Each example itself is a test item of the pytest plugin (doctrines/tests/ is configured
# as tarazy_doctrines in pyproject.toml): collected per file, so a file that does not load
# fails alone. The tests below read all of them, as a fixture - not at import, where one
# broken file would stop this whole module from being collected.


@pytest.fixture(scope="module")
def examples() -> list[DoctrineExample]:
    return list(loading.load_doctrine_examples(DOCTRINES))


def test_every_example_is_collected_by_the_plugin(request: pytest.FixtureRequest) -> None:
    # `grep -c "^  - why:" doctrines/tests/*.yaml` sums to 133 examples, each an item
    ini = request.config.getini("tarazy_doctrines")
    assert [Path(p).resolve() for p in ini] == [DOCTRINES.resolve()]
    files = sorted((DOCTRINES / "tests").glob("*.yaml"))
    assert sum(f.read_text(encoding="utf-8").count("\n  - why:") for f in files) == 133


def test_every_doctrine_has_examples_on_each_side_of_its_boundaries(
    doctrines: DoctrineSet, examples: list[DoctrineExample]
) -> None:
    # Each part of a doctrine has an example that exercises it: one that fires, one that opens
    # if it can open, one that passes if it has an exception, and at least two outcomes in all.
    # A doctrine that opens wherever it applies (open_when is its `when`: equality, whose
    # question only a decided case answers) cannot fire, and must not claim to.
    for d in doctrines.doctrines:
        expects = {e.expect for e in examples if e.doctrine == d.id}
        only_opens = d.open_when is not None and d.open_when == d.when
        if only_opens:
            assert "fires" not in expects and "passes" not in expects, d.id
        else:
            assert "fires" in expects, d.id
        if d.open_when is not None:
            assert "open" in expects, d.id
        if d.unless is not None and not only_opens:
            assert "passes" in expects, d.id
        assert len(expects) >= 2, d.id  # and a boundary on the other side


def test_examples_are_dated_after_their_doctrine(
    doctrines: DoctrineSet, examples: list[DoctrineExample]
) -> None:
    # An example dated before its doctrine took effect "does not apply" for the wrong reason,
    # unless that is what it tests (its reason says so).
    for e in examples:
        if e.as_of < doctrines.get(e.doctrine).effective:
            assert e.expect == "does_not_apply" and "before" in e.why, e.location


def test_an_example_naming_an_unknown_doctrine_is_a_load_error(
    tmp_path: Path, catalogue: Catalogue, doctrines: DoctrineSet
) -> None:
    (tmp_path / "tests").mkdir()
    bad = tmp_path / "tests" / "no-such-doctrine.yaml"
    bad.write_text(
        "doctrine: no-such-doctrine\nexamples:\n  - why: x\n    as_of: 2026-11-01\n"
        "    expect: fires\n    effect: {right: assembly, kind: ban}\n"
    )
    with pytest.raises(InputError) as info:
        loading.load_doctrine_examples(tmp_path, catalogue, doctrines)
    assert info.value.file == str(bad) and info.value.line == 1
    assert "unknown doctrine 'no-such-doctrine'" in info.value.message


def test_concerns_do_not_make_a_provision_fail(
    tmp_path: Path, catalogue: Catalogue, evaluator: Evaluator
) -> None:
    # NR No. 10 of 2023: a limit on judges' appeals that leaves judicial review open conforms,
    # with a recommendation - a concern at the balance stage, never a failed stage.
    p = provision(
        catalogue,
        tmp_path,
        right="judicial_protection",
        kind="procedural_limit",
        sector="judiciary",
        aims=["rights_of_others"],
        safeguards=["judicial_review"],
    )
    verdict = evaluator.evaluate(p, NEW)
    assert [(f.doctrine, f.outcome) for f in verdict.findings] == [
        ("judicial-protection-avenue-open", "concern")
    ]
    (table,) = verdict.stages
    balance = next(r for r in table.stages if r.stage == "balance")
    # A concern never settles a stage by itself (docs/stage-model.md): it rides on whatever
    # does. This evaluator has no case base, so necessity and balance stay open - the
    # concern is attached to the open balance stage, and nothing fails.
    assert (balance.status, balance.concerns) == ("open", ("judicial-protection-avenue-open",))
    assert "fails" not in {r.status for r in table.stages}
    # (certainty too: the provision does not say whether its rule is clear)
    assert (verdict.outcome, table.open) == ("open", ("necessity", "balance", "certainty"))


def test_a_stage_nothing_settles_is_open_with_a_question(
    tmp_path: Path, catalogue: Catalogue, evaluator: Evaluator
) -> None:
    # A procedural limit on assembly, in a law, for public order: the general doctrines pass
    # legality, absolute rights, aim and certainty on these facts; no doctrine (and, here, no
    # case base) weighs necessity or balance, so those stages are open and the outcome too.
    p = provision(
        catalogue, tmp_path, right="assembly", kind="procedural_limit", aims=["public_order"]
    )
    verdict = evaluator.evaluate(p, NEW)
    assert (verdict.outcome, verdict.unassessed) == ("open", (0,))
    (table,) = verdict.stages
    status = {r.stage: r.status for r in table.stages}
    assert status == {
        "legality": "passes",
        "absolute_rights": "passes",
        "legitimate_aim": "passes",
        "necessity": "open",
        "balance": "open",
        "equality": "not_applicable",
        "certainty": "open",  # the bill does not say whether its rule is clear
    }
    for r in table.stages:
        if r.status == "open":
            assert r.questions and r.source == "none", r.stage
    assert not verdict.findings


def test_an_example_expecting_an_unknown_status_is_a_load_error(
    tmp_path: Path, catalogue: Catalogue, doctrines: DoctrineSet
) -> None:
    (tmp_path / "tests").mkdir()
    bad = tmp_path / "tests" / "admitted-aim.yaml"
    bad.write_text(
        "doctrine: admitted-aim\nexamples:\n  - why: x\n    as_of: 2026-11-01\n"
        "    expect: opened\n    effect: {right: speech, kind: ban}\n"
    )
    with pytest.raises(InputError) as info:
        loading.load_doctrine_examples(tmp_path, catalogue, doctrines)
    assert info.value.file == str(bad) and info.value.line == 5
    assert "opened" in info.value.message
    # ... and "open" itself is a status an example may expect.
    bad.write_text(bad.read_text().replace("opened", "open"))
    (example,) = loading.load_doctrine_examples(tmp_path, catalogue, doctrines)
    assert example.expect == "open"
