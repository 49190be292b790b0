"""durable_rules 2.0.28's fixed limits (issue 11), each tested just below and just above.

Each limit is a constant in engine/rules/limits.py, named as in durable's C sources
(src/rules/rete.h, rules.h, state.h, events.c of the 2.0.28 sdist). Three layers of tests:

1. raw durable, in a subprocess (an overflow may crash the process): the limit is where the
   sources say — the constant works, one more fails;
2. tarazy's model of durable's network (``_Network``) draws the line at the same place;
3. doctrine sets and provisions beyond each limit compile and give the same matches as the
   reference interpreter (engine/rules/reference.py), an independent oracle.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tarazy.engine.input import loading
from tarazy.engine.model import Doctrine, DoctrineSet, EditionBasis, Provision, Texts, conditions
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError
from tarazy.engine.model.facts import effect_facts, field_registry
from tarazy.engine.rules import limits, translating
from tarazy.engine.rules.compiling import CompiledRules
from tarazy.engine.rules.reference import ReferenceMatcher
from tarazy.engine.verdict.evaluating import Evaluator

from .conftest import provision, write

RAW = textwrap.dedent(
    """
    import sys
    from durable import engine

    class Host(engine.Host):
        def _run(self):
            pass

    mode, n = sys.argv[1], int(sys.argv[2])
    host = Host()

    def recorder(key):
        def action(c):
            c.s[f"{key}_{c.m['i']}"] = 1
        return action

    rules = {"seen": {"all": [{"m": {"t": "e"}}], "run": recorder("seen")}}
    facts = [{"t": "e", "i": 0, "sid": "1"}]
    if mode == "beta":  # n rules ending at one alpha node (x == true); the fact misses them
        for k in range(n):
            rules[f"r{k}"] = {"all": [{"m": {"$and": [{"t": "e"}, {"x": True}]}}],
                              "run": recorder("r")}
        facts[0]["x"] = False
    elif mode == "stack":  # one alpha node with n children that all match the fact
        for k in range(n):
            rules[f"r{k}"] = {"all": [{"m": {"$and": [{"t": "e"}, {f"x{k}": True}]}}],
                              "run": recorder(f"r{k}")}
        facts[0].update({f"x{k}": True for k in range(n)})
    elif mode == "expr":  # one rule of n nested $and operators
        e = {"x": True}
        for _ in range(n):
            e = {"$and": [{"t": "e"}, e]}
        rules["r"] = {"all": [{"m": e}], "run": recorder("r")}
    elif mode == "state":  # n facts, each leaving one key in the session state
        facts = [{"t": "e", "i": i, "sid": "1"} for i in range(n)]
    host.register_rulesets({"rs": rules})
    host.assert_facts("rs", facts)
    print("ok")
    """
)


def raw_durable(mode: str, n: int) -> tuple[bool, str]:
    done = subprocess.run(
        [sys.executable, "-c", RAW, mode, str(n)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.returncode == 0 and done.stdout.strip() == "ok", done.stderr.strip()[-200:]


STATE_KEYS = limits.MAX_OBJECT_PROPERTIES - limits.STATE_OVERHEAD
LIMITS = [
    # (mode, largest n that works, the error code of n + 1, from rules.h)
    ("beta", limits.BETA_LIST_LENGTH, "108"),
    ("stack", limits.MAX_STACK_SIZE, "303"),
    ("expr", limits.MAX_SEQUENCE_EXPRESSIONS // 2 - 1, "113"),
    ("state", STATE_KEYS, "302"),
]


@pytest.mark.parametrize(("mode", "limit", "code"), LIMITS, ids=[m for m, _, _ in LIMITS])
def test_raw_durable_limits_are_where_the_sources_say(mode: str, limit: int, code: str) -> None:
    ok, err = raw_durable(mode, limit)
    assert ok, err
    ok, err = raw_durable(mode, limit + 1)
    assert not ok
    assert f"error code: {code}" in err, err


# --------------------------------------------------------------------------- the model


def _network(*exprs: dict[str, Any]) -> limits.Network:
    network = limits.Network()
    network.add({"t": "effect"}, "seen")
    for expr in exprs:
        network.add(expr, "k")
    return network


def test_the_model_counts_rules_on_one_alpha_node() -> None:
    rule = {"$and": [{"t": "effect"}, {"x": True}]}
    assert _network(*[rule] * limits.BETA_LIST_LENGTH).fits()
    assert not _network(*[rule] * (limits.BETA_LIST_LENGTH + 1)).fits()


def test_the_model_bounds_the_match_stack() -> None:
    def rules(n: int) -> list[dict[str, Any]]:
        return [{"$and": [{"t": "effect"}, {f"x{k}": True}]} for k in range(n)]

    assert _network(*rules(limits.MAX_STACK_SIZE)).fits()
    assert not _network(*rules(limits.MAX_STACK_SIZE + 1)).fits()


def test_the_model_counts_expression_operators() -> None:
    def nested(n: int) -> dict[str, Any]:
        e: dict[str, Any] = {"x": True}
        for _ in range(n):
            e = {"$and": [{"t": "effect"}, e]}
        return e

    below = limits.MAX_SEQUENCE_EXPRESSIONS // 2 - 1
    assert limits.rule_fits(nested(below))
    assert not limits.rule_fits(nested(below + 1))


def test_a_state_never_holds_more_keys_than_durable_allows(catalogue: Catalogue) -> None:
    doctrines = _doctrines(catalogue, [{"kind": "ban"}] * 30)
    with CompiledRules(doctrines, field_registry(catalogue)) as rules:
        for ruleset in rules._rulesets:
            worst = ruleset.per_session * (1 + len(ruleset.keys))
            assert worst <= STATE_KEYS
            assert ruleset.per_session * (2 + len(ruleset.keys)) > STATE_KEYS  # none wasted


# --------------------------------------------------------------------------- end to end


def _doctrines(
    catalogue: Catalogue,
    whens: list[dict[str, Any]],
    unless: dict[str, Any] | None = None,
) -> DoctrineSet:
    fields = field_registry(catalogue)
    text = Texts("x", "x")
    return DoctrineSet(
        tuple(
            Doctrine(
                id=f"d{i}",
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
            for i, when in enumerate(whens)
        ),
        "test",
        f"limits{len(whens)}",
    )


def _agree(catalogue: Catalogue, doctrines: DoctrineSet, provisions: list[Provision]) -> int:
    """Compiled and reference matches agree on every effect; returns the rulesets used."""
    reference = ReferenceMatcher(doctrines)
    with CompiledRules(doctrines, field_registry(catalogue)) as rules:
        for p in provisions:
            facts = [effect_facts(p, e, "2026", catalogue) for e in p.effects]
            assert rules.match(facts) == reference(facts), p.id
        return rules.ruleset_count


EFFECTS: list[dict[str, Any]] = [
    {"right": "speech", "kind": "ban"},
    {"right": "speech", "kind": "ban", "safeguards": ["judicial_review"]},
    {"right": "assembly", "kind": "denial", "sector": "military", "legal_ground": "none"},
    {"right": "property", "kind": "sanction", "clarity": "self_contradictory"},
    {"right": "labour", "kind": "condition"},
]


def _provisions(catalogue: Catalogue, tmp_path: Path) -> list[Provision]:
    return [provision(catalogue, tmp_path, "law", **e) for e in EFFECTS]


@pytest.mark.parametrize("count", [limits.BETA_LIST_LENGTH // 2, 300])
def test_doctrines_beyond_the_beta_limit_are_packed_into_rulesets(
    catalogue: Catalogue, tmp_path: Path, count: int
) -> None:
    # r4: every doctrine's `unless` ends at the same alpha node (safeguards__judicial_review).
    rights = ["speech", "assembly", "association", "property", "movement", "privacy"]
    whens = [{"right": rights[i % len(rights)], "kind": ["ban", "denial"]} for i in range(count)]
    doctrines = _doctrines(catalogue, whens, {"safeguards": {"has_any": ["judicial_review"]}})
    rulesets = _agree(catalogue, doctrines, _provisions(catalogue, tmp_path))
    assert (rulesets > 1) == (count > limits.MAX_KEYS_PER_RULESET // 2)


def test_a_condition_beyond_the_expression_limit_is_split(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    # r2: two `any` groups of three alternatives: 16 operators, one too many for one rule.
    when: dict[str, Any] = {
        "all": [
            {
                "any": [
                    {"sector": s, "legal_ground": ["none", "implied"]}
                    for s in ("military", "judiciary", "land")
                ]
            },
            {
                "any": [
                    {"kind": k, "clarity": ["clear", "self_contradictory"]}
                    for k in ("ban", "denial", "sanction")
                ]
            },
        ]
    }
    condition = conditions.parse(when, field_registry(catalogue))
    unflattened = {"$and": [{"t": "effect"}, translating.to_durable(condition)]}  # as 0.1.0 did
    assert 2 * limits.operators(unflattened) == limits.MAX_SEQUENCE_EXPRESSIONS
    assert not limits.rule_fits(unflattened)
    assert len(limits.split_rule(unflattened)) == 3
    # Flattening the nested $and saves one operator; a third group needs a real split.
    assert len(limits.split_rule(limits.rule_expression(condition, None))) == 1
    bigger: dict[str, Any] = {"all": [*when["all"], when["all"][0]]}
    bigger["all"][2] = {"any": [{"requirement": r, "aims_stated": True} for r in ("fee", "permit")]}
    bigger_expr = limits.rule_expression(conditions.parse(bigger, field_registry(catalogue)), None)
    assert len(limits.split_rule(bigger_expr)) > 1
    _agree(catalogue, _doctrines(catalogue, [when, bigger]), _provisions(catalogue, tmp_path))


def test_a_long_any_of_repeated_alternatives_compiles(catalogue: Catalogue, tmp_path: Path) -> None:
    # R11: 193 alternatives, three distinct; without care durable wrote past a 128-entry list.
    when = {"any": [{"kind": k} for k in ("ban", "denial", "condition") * 65]}
    _agree(catalogue, _doctrines(catalogue, [when]), _provisions(catalogue, tmp_path))


def test_a_condition_that_cannot_be_split_small_enough_is_a_load_error(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    # 24 distinct `any` pairs in an `all`: 2**10 rules after splitting, over MAX_PIECES.
    groups = "\n".join(
        f"    - any: [{{duration_years: {{gt: {i}}}}}, {{fee_percent: {{lt: {i}}}}}]"
        for i in range(24)
    )
    text = (
        (loading.BUNDLED_DOCTRINES / "restriction-only-by-law.yaml")
        .read_text(encoding="utf-8")
        .split("when:")[0]
    )
    folder = tmp_path / "doctrines"
    folder.mkdir()
    path = write(folder, text + "when:\n  all:\n" + groups + "\n", "restriction-only-by-law.yaml")
    path.write_text(
        path.read_text(encoding="utf-8")
        + 'reason: {en: "x", ru: "x"}\nremedy: {en: "x", ru: "x"}\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        loading.load_doctrines(folder, catalogue)
    assert info.value.file == str(path) and info.value.line is not None
    assert "more than 512 rules" in info.value.message


@pytest.mark.parametrize("count", [STATE_KEYS // 23, 28, 60])
def test_a_provision_with_many_matched_effects_evaluates(
    tmp_path: Path, catalogue: Catalogue, doctrines: DoctrineSet, count: int
) -> None:
    # r3: every effect matches many conditions; one session would exceed the state limit.
    effect = {
        "right": "judicial_protection",
        "kind": "procedural_limit",
        "safeguards": ["alternative_avenue", "judicial_review"],
        "legal_ground": "express",
        "clarity": "open_to_arbitrary_reading",
        "aims": ["ideological_conformity"],
        "addressees": {"label": "judges", "breadth": "specific_group"},
    }
    body = {"id": "p", "instrument": "ministerial_order", "effects": [effect] * count}
    bill = loading.load_bill(write(tmp_path, json.dumps(body)), catalogue)
    (p,) = bill.provisions
    day = dt.date(2026, 11, 22)
    with (
        Evaluator(doctrines, catalogue) as compiled,
        Evaluator(doctrines, catalogue, ReferenceMatcher(doctrines)) as reference,
    ):
        got = compiled.evaluate(p, day)
        assert got == reference.evaluate(p, day)
    assert got.outcome == "does_not_conform"
    assert {f.effect for f in got.findings} == set(range(count))


NUMBERS = [0.00001, 1e-300, 5e-324, 1e16, 1.0e16 + 2, 1.7976931348623157e308, 0.0, 5.0, 5]


@pytest.mark.parametrize("threshold", [5, 0.00001, 1e16, 1.7976931348623157e308])
def test_numbers_durable_cannot_parse_never_reach_it(
    catalogue: Catalogue, tmp_path: Path, threshold: float
) -> None:
    # r1: Python writes 1e-05 and 1e+16, which durable's parser cannot read (SIGSEGV or
    # error 204). Ranks are asserted instead; results must equal the reference's.
    whens = [
        {"fee_percent": {op: threshold}, "right": "judicial_protection"}
        for op in ("gt", "ge", "lt", "le")
    ]
    whens.append({"not": {"fee_percent": {"gt": threshold}}, "right": "judicial_protection"})
    doctrines = _doctrines(catalogue, whens)
    provisions = [
        provision(
            catalogue,
            tmp_path,
            "law",
            right="judicial_protection",
            kind="condition",
            requirement="fee",
            magnitude={"fee_percent": value},
        )
        for value in [*NUMBERS, threshold]
    ]
    _agree(catalogue, doctrines, provisions)
