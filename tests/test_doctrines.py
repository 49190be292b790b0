"""The examples written next to each doctrine (doctrines/tests/<id>.yaml) hold: each says
what its doctrine must do with one provision - fire, pass (apply, with its exception
holding) or not apply - and why. They are the doctrines' boundary tests; `tarazy doctrine
test` and `tarazy verify` run the same files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tarazy.engine import loading
from tarazy.engine.catalogue import Catalogue
from tarazy.engine.errors import InputError
from tarazy.engine.evaluating import Evaluator, doctrine_status
from tarazy.engine.model import DoctrineExample, DoctrineSet

from .conftest import DOCTRINES, NEW, provision

EXAMPLES = loading.load_doctrine_examples(DOCTRINES)


@pytest.mark.parametrize(
    "example",
    EXAMPLES,
    ids=[f"{e.doctrine}:{e.location.line if e.location else 0}" for e in EXAMPLES],
)
def test_doctrine_example(evaluator: Evaluator, example: DoctrineExample) -> None:
    verdict = evaluator.evaluate(example.provision, example.as_of)
    assert doctrine_status(verdict, example.doctrine) == example.expect, example.why


def test_every_doctrine_has_examples_that_fire_and_that_do_not(doctrines: DoctrineSet) -> None:
    for d in doctrines.ids:
        expects = {e.expect for e in EXAMPLES if e.doctrine == d}
        assert "fires" in expects, d
        assert expects - {"fires"}, d  # and a boundary on the other side


def test_examples_are_dated_after_their_doctrine(doctrines: DoctrineSet) -> None:
    # An example dated before its doctrine took effect "does not apply" for the wrong reason,
    # unless that is what it tests (its reason says so).
    for e in EXAMPLES:
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
    p = provision(
        catalogue,
        tmp_path,
        right="judicial_protection",
        kind="procedural_limit",
        safeguards=["judicial_review"],
    )
    verdict = evaluator.evaluate(p, NEW)
    assert verdict.outcome == "conforms_with_concerns"
    assert [f.outcome for f in verdict.findings] == ["concern"]


def test_an_effect_no_doctrine_reaches_is_not_assessed(
    tmp_path: Path, catalogue: Catalogue, evaluator: Evaluator
) -> None:
    p = provision(
        catalogue, tmp_path, right="assembly", kind="procedural_limit", aims=["public_order"]
    )
    verdict = evaluator.evaluate(p, dt.date(2026, 11, 1))
    assert (verdict.outcome, verdict.unassessed) == ("not_assessed", (0,))
