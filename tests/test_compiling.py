"""The durable_rules adapter: what each condition means when compiled, and the engine's
sharp edges (docs/durable-rules.md, section 2) handled rather than hit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest

from tarazy.engine.model import Doctrine, DoctrineSet, EditionBasis, Provision, Texts, conditions
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import EngineError
from tarazy.engine.model.facts import effect_facts, field_registry
from tarazy.engine.rules import compiling
from tarazy.engine.rules.compiling import CompiledRules
from tarazy.engine.verdict.evaluating import Evaluator

from .conftest import provision


def doctrine_set(
    catalogue: Catalogue, **conds: tuple[dict[str, Any], dict[str, Any] | None]
) -> DoctrineSet:
    fields = field_registry(catalogue)
    text = Texts("x", "x")
    doctrines = tuple(
        Doctrine(
            id=name.replace("_", "-"),
            title=text,
            stage="necessity",
            outcome="violation",
            basis=(EditionBasis("1995-2022", ()), EditionBasis("2026", ())),
            rulings=(),
            effective=dt.date(1995, 8, 30),
            when=conditions.parse(when, fields),
            unless=conditions.parse(unless, fields) if unless else None,
            reason=text,
            remedy=text,
        )
        for name, (when, unless) in conds.items()
    )
    return DoctrineSet(doctrines, "test", "test")


def matches(
    catalogue: Catalogue, condition: dict[str, Any], p: Provision, edition: str = "2026"
) -> bool:
    rules = CompiledRules(doctrine_set(catalogue, d=(condition, None)), field_registry(catalogue))
    with rules:
        facts = [effect_facts(p, e, edition, catalogue) for e in p.effects]
        return ("d", "when") in rules.match(facts)[0]


BAN = {
    "right": "equal_access_state_service",
    "kind": "ban",
    "duration": "indefinite",
    "safeguards": ["judicial_review"],
    "aims": ["public_order"],
}


# Each row: a condition, changes to the BAN effect above, and whether it holds — worked out
# by hand from the meaning in engine/model/conditions.py, not from running the code.
SEMANTICS = [
    ({"kind": "ban"}, {}, True),
    ({"kind": "denial"}, {}, False),
    ({"kind": ["denial", "ban"]}, {}, True),
    ({"kind": {"ne": "ban"}}, {}, False),
    ({"kind": {"not_in": ["denial", "condition"]}}, {}, True),
    ({"duration_years": {"gt": 5}}, {}, False),  # indefinite: no number stated
    ({"not": {"duration_years": {"gt": 5}}}, {}, True),  # ... so its negation holds
    ({"duration_years": {"gt": 5}}, {"duration": {"years": 7}}, True),
    ({"duration_years": {"gt": 7}}, {"duration": {"years": 7}}, False),
    ({"duration_years": {"ge": 7}}, {"duration": {"years": 7}}, True),
    ({"duration_years": {"lt": 7}}, {"duration": {"years": 6.5}}, True),
    ({"duration_years": {"le": 6}}, {"duration": {"years": 6.5}}, False),
    ({"not": {"duration_years": {"le": 6}}}, {"duration": {"years": 6.5}}, True),
    ({"safeguards": {"has_any": ["judicial_review", "exemption"]}}, {}, True),
    ({"safeguards": {"has_all": ["judicial_review", "exemption"]}}, {}, False),
    ({"safeguards": {"has_none": ["exemption", "deferral"]}}, {}, True),
    ({"safeguards": {"has_none": ["exemption"]}}, {"safeguards": []}, True),  # empty list
    ({"safeguards": {"has_any": ["exemption"]}}, {"safeguards": []}, False),
    ({"not": {"safeguards": {"has_all": ["judicial_review", "exemption"]}}}, {}, True),
    ({"political_grounds": False}, {}, True),
    ({"political_grounds": {"ne": False}}, {}, False),
    ({"sector": "unspecified"}, {}, True),  # an unstated optional enum has a name
    ({"trigger": "none"}, {}, True),
    ({"any": [{"kind": "denial"}, {"duration": "indefinite"}]}, {}, True),
    ({"all": [{"kind": "ban"}, {"duration": "fixed"}]}, {}, False),
    ({"not": {"any": [{"kind": "denial"}, {"duration": "fixed"}]}}, {}, True),
    ({"not": {"all": [{"kind": "ban"}, {"not": {"duration": "fixed"}}]}}, {}, False),
    ({"fee_percent": {"gt": 1}}, {"magnitude": {"fee_percent": 1.5}}, True),
    ({"fee_percent": {"gt": 1}}, {"magnitude": {"fee_percent": 1}}, False),
    ({"instrument_is_law": True}, {}, True),
    ({"aims": {"has_any": ["public_order"]}}, {}, True),
    ({"right_never_restrictable": False}, {}, True),
]


@pytest.mark.parametrize(("condition", "changes", "expected"), SEMANTICS)
def test_compiled_condition_meaning(
    tmp_path: Path,
    catalogue: Catalogue,
    condition: dict[str, Any],
    changes: dict[str, Any],
    expected: bool,
) -> None:
    p = provision(catalogue, tmp_path, **{**BAN, **changes})
    assert matches(catalogue, condition, p) is expected


def test_edition_dependent_facts(tmp_path: Path, catalogue: Catalogue) -> None:
    # Inheritance is never restrictable under 1995-2022 (Art. 39(3)) but not under 2026.
    p = provision(catalogue, tmp_path, right="inheritance", kind="denial")
    condition = {"right_never_restrictable": True}
    assert matches(catalogue, condition, p, "1995-2022")
    assert not matches(catalogue, condition, p, "2026")
    # National security: admitted by Art. 41(1) of 2026 only.
    q = provision(catalogue, tmp_path, right="speech", kind="ban", aims=["national_security"])
    assert matches(catalogue, {"has_admitted_aim": False}, q, "1995-2022")
    assert matches(catalogue, {"has_admitted_aim": True}, q, "2026")


def test_identical_effects_in_one_provision(
    tmp_path: Path, catalogue: Catalogue, evaluator: Evaluator
) -> None:
    # durable_rules refuses the same fact twice in a session; each effect carries its index.
    p = provision(
        catalogue, tmp_path, right="judicial_protection", kind="condition", requirement="fee"
    )
    twin = Provision(p.id, p.instrument, (p.effects[0], p.effects[0]))
    verdict = evaluator.evaluate(twin, dt.date(2026, 11, 1))
    assert [(f.doctrine, f.effect) for f in verdict.findings] == [
        ("access-to-justice-fee-relief", 0),
        ("access-to-justice-fee-relief", 1),
    ]


def test_the_same_doctrines_compile_twice_in_one_process(catalogue: Catalogue) -> None:
    ds = doctrine_set(catalogue, d=({"kind": "ban"}, None))
    fields = field_registry(catalogue)
    with CompiledRules(ds, fields) as a, CompiledRules(ds, fields) as b:
        assert a.name != b.name
        assert a.parts == b.parts


def test_a_closed_ruleset_refuses_to_match(tmp_path: Path, catalogue: Catalogue) -> None:
    rules = CompiledRules(
        doctrine_set(catalogue, d=({"kind": "ban"}, None)), field_registry(catalogue)
    )
    rules.close()
    rules.close()  # closing twice is harmless
    p = provision(catalogue, tmp_path, **BAN)
    with pytest.raises(EngineError, match="closed"):
        rules.match([effect_facts(p, p.effects[0], "2026", catalogue)])


def test_sessions_are_deleted_so_thousands_of_provisions_fit(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    # durable allows 1,024 live sessions per ruleset; each evaluation deletes its own.
    p = provision(catalogue, tmp_path, **BAN)
    facts = [effect_facts(p, p.effects[0], "2026", catalogue)]
    with CompiledRules(
        doctrine_set(catalogue, d=({"kind": "ban"}, None)), field_registry(catalogue)
    ) as rules:
        results = {rules.match(facts)[0] for _ in range(1500)}
    assert results == {frozenset({("d", "when")})}


def test_no_state_leaks_between_provisions(
    tmp_path: Path, catalogue: Catalogue, evaluator: Evaluator
) -> None:
    day = dt.date(2026, 11, 1)
    a = provision(
        catalogue, tmp_path, right="judicial_protection", kind="condition", requirement="fee"
    )
    b = provision(
        catalogue,
        tmp_path,
        right="judicial_protection",
        kind="condition",
        requirement="fee",
        safeguards=["deferral"],
    )
    first = evaluator.evaluate(a, day)
    evaluator.evaluate(b, day)
    assert evaluator.evaluate(a, day) == first
    assert first.outcome == "does_not_conform"
    # with relief the fee passes the absolute-rights stage; no aim and no cap: open
    relieved = evaluator.evaluate(b, day)
    assert relieved.outcome == "open"
    assert relieved.stages[0].status("absolute_rights") == "passes"


def test_a_failing_action_is_an_engine_error_not_a_verdict(
    tmp_path: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = compiling._recorder

    def recorder(key: str) -> Any:
        record = original(key)

        def action(c: Any) -> None:
            if key != "seen":
                raise RuntimeError("boom")
            record(c)

        return action

    monkeypatch.setattr(compiling, "_recorder", recorder)
    p = provision(catalogue, tmp_path, **BAN)
    with (
        CompiledRules(
            doctrine_set(catalogue, d=({"kind": "ban"}, None)), field_registry(catalogue)
        ) as rules,
        pytest.raises(EngineError, match="action failed"),
    ):
        rules.match([effect_facts(p, p.effects[0], "2026", catalogue)])


def test_a_missing_action_mark_is_an_engine_error(catalogue: Catalogue) -> None:
    # What the background-thread race would look like: an action ran elsewhere, so the
    # returned state lacks its mark. The adapter must refuse the result.
    with CompiledRules(
        doctrine_set(catalogue, d=({"kind": "ban"}, None)), field_registry(catalogue)
    ) as rules:
        with pytest.raises(EngineError, match="did not run every action"):
            rules._read({"sid": "7", "seen_0": 1}, "7", 2)
        with pytest.raises(EngineError, match="no usable state"):
            rules._read(None, "7", 1)


def test_many_heavily_matched_effects_match_as_the_reference_does(
    doctrines: DoctrineSet, catalogue: Catalogue
) -> None:
    # The marks of matched rules are kept outside durable's session state, so its
    # 255-property limit (error 302 at about 28 heavily matched effects, when every action
    # wrote its mark into the state) no longer bounds the effects of one provision.
    from tarazy.engine.model import Duration, Effect
    from tarazy.engine.rules.reference import ReferenceMatcher

    effect = Effect(
        right="judicial_protection",
        kind="denial",
        trigger="non_payment",
        duration=Duration("indefinite"),
        legal_ground="none",
        clarity="self_contradictory",
    )
    many = tuple(attrs.evolve(effect, aims=("public_order",) if i % 2 else ()) for i in range(100))
    facts = [
        effect_facts(Provision("many", "presidential_decree", many), e, "2026", catalogue)
        for e in many
    ]
    with CompiledRules(doctrines, field_registry(catalogue)) as rules:
        got = rules.match(facts)
    assert got == ReferenceMatcher(doctrines)(facts)
    assert sum(len(m) for m in got) > 255  # more marks than a session state may hold
