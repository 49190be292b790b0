"""The facts a computed fix may change, and the moves along them (``tarazy fix``).

``engine/analysis/fixing.py`` searches over these moves; this module says what they are:
the keys of a bill file a fix may change (``KEYS``, in the order ties are broken), the facts
it never changes (``NOT_CONTROLLED``, with why), which condition fields each key moves, and
the atomic moves from a provision's present values, each towards less restrictive along its
dimension's order (``engine/model/dimensions.py``) with how many steps it takes. Values are
given back in bill-file syntax (``bill_value``), so a report can print the patch and a
writer apply it. ``deciding_fields`` says which facts the source that failed a stage reads
(so which keys a fix for it may move), ``uncontrolled_facts`` which of them no fix changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from tarazy.engine import model
from tarazy.engine.model import Duration, Provision, StageResult, conditions
from tarazy.engine.model.dimensions import DIMENSIONS
from tarazy.engine.model.facts import effect_facts
from tarazy.engine.model.messages import N_
from tarazy.engine.verdict.casebase import PASS_DIMENSIONS, doctrine_dimensions
from tarazy.engine.verdict.evaluating import Evaluator

__all__ = [
    "FIELD_KEY",
    "KEYS",
    "NOT_CONTROLLED",
    "Atom",
    "Change",
    "atoms",
    "bill_value",
    "case_of",
    "changes",
    "deciding_fields",
    "uncontrolled_facts",
]

KEYS: tuple[str, ...] = (
    "safeguards",
    "legal_ground",
    "delegated_to",
    "instrument",
    "ordered_by",
    "duration",
    "magnitude",
    "addressees.breadth",
    "trigger_severity",
    "clarity",
    "aims",
)
"""The facts a fix may change, as bill-file keys, in the order ties are broken (rule 5)."""

# Condition fields (engine/model/facts.py) → the key a fix changes to move them.
FIELD_KEY: dict[str, str] = {
    "safeguards": "safeguards",
    "legal_ground": "legal_ground",
    "delegated_to": "delegated_to",
    "instrument": "instrument",
    "instrument_is_law": "instrument",
    "ordered_by": "ordered_by",
    "duration": "duration",
    "duration_years": "duration",
    "duration_hours": "duration",
    "addressees_breadth": "addressees.breadth",
    "trigger_severity": "trigger_severity",
    "clarity": "clarity",
    "aims": "aims",
    "aims_stated": "aims",
    "has_admitted_aim": "aims",
    "has_inadmissible_aim": "aims",
    **{name: "magnitude" for name in model.MAGNITUDES},
}

NOT_CONTROLLED: dict[str, str] = {
    "right": N_("the right affected"),
    "right_never_restrictable": N_(
        "the right affected, which the Constitution puts beyond restriction"
    ),
    "kind": N_("what the effect does to the right"),
    "trigger": N_("what triggers the effect"),
    "sector": N_("the field the provision governs"),
    "requirement": N_("what the condition requires"),
    "grounds_of_distinction": N_("the ground the difference in treatment turns on"),
    "political_grounds": N_(
        "that it turns on political views, which the restriction clause forbids in any form"
    ),
    "justification": N_("the justification, which is the legal conclusion itself"),
}
"""Facts no fix changes, with the words the report uses for them (the module says why)."""


@attrs.frozen
class Change:
    """One change to a provision's facts, in bill-file syntax.

    ``effect`` is 0-based (None for a fact of the provision: ``instrument``); ``key`` a
    bill-file key (``safeguards``, ``duration``, ``addressees.breadth``,
    ``magnitude.fee_percent`` …); ``before`` and ``after`` the values as a bill file writes
    them (None: not stated). ``steps`` is how far along the dimension it moves."""

    effect: int | None
    key: str
    before: Any
    after: Any
    steps: int


# --------------------------------------------------------------------------- bill values


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _duration_value(duration: Duration) -> Any:
    if duration.kind == "indefinite":
        return "indefinite"
    if duration.kind == "fixed":
        assert duration.amount is not None
        return {duration.unit: _number(duration.amount)}
    if duration.kind == "until_condition":
        return {"until": duration.until}
    return None


def bill_value(provision: Provision, effect: int | None, key: str) -> Any:
    """The value of ``key`` (a ``KEYS`` entry, or ``magnitude.NAME``) as a bill file writes
    it, for effect ``effect`` (0-based; None for ``instrument``); None when not stated."""
    if key == "instrument":
        return provision.instrument
    assert effect is not None
    e = provision.effects[effect]
    if key in ("safeguards", "aims"):
        return list(getattr(e, key))
    if key == "duration":
        return _duration_value(e.duration)
    if key == "addressees.breadth":
        return e.addressees.breadth
    if key.startswith("magnitude."):
        found = e.magnitude_of(key.split(".", 1)[1])
        return None if found is None else _number(found)
    return getattr(e, key)


# --------------------------------------------------------------------------- atomic moves


@attrs.frozen
class Atom:
    """One atomic change: ``apply`` gives the provision changed; ``rank`` breaks ties."""

    effect: int
    key: str  # a KEYS entry, or magnitude.NAME
    steps: int
    rank: tuple[int, int]  # (KEYS position, value position)
    apply: Callable[[Provision], Provision]
    value: Any  # for the pair rule (two safeguards are two different atoms of one key)


def _with_effect(provision: Provision, index: int, **changes: Any) -> Provision:
    effects = list(provision.effects)
    effects[index] = attrs.evolve(effects[index], **changes)
    return attrs.evolve(provision, effects=tuple(effects))


def _linear_moves(
    current: Any, order: Sequence[Any]
) -> list[tuple[Any, int]]:  # (value, steps), least change first
    """The values before ``current`` in ``order`` (least restrictive first), nearest first."""
    if current not in order:
        return []
    at = list(order).index(current)
    return [(order[i], at - i) for i in range(at - 1, -1, -1)]


_FIXED_TERMS = tuple(v for v in DIMENSIONS["duration"].values(None) if v.kind == "fixed")


def _duration_moves(current: Duration) -> list[tuple[Duration, int]]:
    """Fixed terms shorter than ``current``, the longest (the least change) first. An
    open-ended duration (indefinite, until a condition, not time-bound) may take any."""
    terms = sorted(_FIXED_TERMS, key=lambda d: -(d.years or 0.0))
    if current.kind == "fixed":
        assert current.years is not None
        terms = [t for t in terms if (t.years or 0.0) < current.years]
    return [(t, i + 1) for i, t in enumerate(terms)]


_LINEAR: tuple[tuple[str, tuple[Any, ...]], ...] = (
    # effect fields whose values are ordered, least restrictive first (the order atoms take)
    ("legal_ground", tuple(model.LEGAL_GROUNDS)),
    ("delegated_to", (None, *model.BYLAW_INSTRUMENTS)),
    ("trigger_severity", tuple(reversed(model.TRIGGER_SEVERITIES))),  # the most serious first
    ("clarity", tuple(model.CLARITIES)),
)


def atoms(provision: Provision, index: int, keys: Iterable[str]) -> list[Atom]:
    """The single changes to effect ``index`` (0-based) of ``provision`` along ``keys``."""
    effect = provision.effects[index]
    wanted = set(keys)
    atoms: list[Atom] = []

    def add(key: str, steps: int, position: int, value: Any, apply: Callable[..., Any]) -> None:
        base = key.split(".", 1)[0] if key.startswith("magnitude.") else key
        atoms.append(Atom(index, key, steps, (KEYS.index(base), position), apply, value))

    if "safeguards" in wanted:
        for pos, safeguard in enumerate(model.SAFEGUARDS):
            if safeguard not in effect.safeguards:
                add(
                    "safeguards",
                    1,
                    pos,
                    safeguard,
                    lambda p, s=safeguard: _with_effect(
                        p, index, safeguards=tuple(sorted({*p.effects[index].safeguards, s}))
                    ),
                )
    for key, order in _LINEAR:  # one effect field along its order, one step at a time
        if key in wanted:
            for value, steps in _linear_moves(getattr(effect, key), order):
                add(
                    key,
                    steps,
                    steps,
                    value,
                    lambda p, k=key, v=value: _with_effect(p, index, **{k: v}),
                )
    if "instrument" in wanted:
        for value, steps in _linear_moves(provision.instrument, tuple(model.INSTRUMENTS)):
            add("instrument", steps, steps, value, lambda p, v=value: attrs.evolve(p, instrument=v))
    if "ordered_by" in wanted and effect.ordered_by != "court":
        add("ordered_by", 1, 0, "court", lambda p: _with_effect(p, index, ordered_by="court"))
    if "duration" in wanted:
        for value, steps in _duration_moves(effect.duration):
            add(
                "duration",
                steps,
                steps,
                value,
                lambda p, v=value: _with_effect(p, index, duration=v),
            )
    if "magnitude" in wanted:
        for name in model.MAGNITUDES:
            current = effect.magnitude_of(name)
            if current is None:
                continue  # a magnitude not stated is not lessened by stating one
            dim = DIMENSIONS[name]
            smaller = [v for v in dim.values(current) if dim.compare(v, current) == -1]
            smaller.sort(key=lambda v: abs(v - current))
            for steps, value in enumerate(smaller, start=1):
                add(
                    f"magnitude.{name}",
                    steps,
                    steps,
                    value,
                    lambda p, n=name, v=value: DIMENSIONS[n].set(p, index, v),
                )
    if "addressees.breadth" in wanted:
        for value, steps in _linear_moves(
            effect.addressees.breadth, tuple(model.ADDRESSEE_BREADTHS)
        ):
            add(
                "addressees.breadth",
                steps,
                steps,
                value,
                lambda p, v=value: DIMENSIONS["addressees_breadth"].set(p, index, v),
            )
    if "aims" in wanted and len(effect.aims) > 1:
        # ASSUMPTION: an aim is dropped only while another stays stated. Dropping the only
        # stated aim would leave a provision with no stated purpose (the aim stage open), and
        # replacing it with an admitted aim would relabel the provision, not amend it.
        for pos, aim in enumerate(effect.aims):
            add(
                "aims",
                1,
                pos,
                aim,
                lambda p, a=aim: _with_effect(
                    p, index, aims=tuple(x for x in p.effects[index].aims if x != a)
                ),
            )
    return atoms


def changes(original: Provision, amended: Provision, atoms: Sequence[Atom]) -> tuple[Change, ...]:
    """The changes ``atoms`` make, one per bill key, in bill syntax (before → after)."""
    seen: dict[tuple[int | None, str], int] = {}
    for atom in atoms:
        key = atom.key
        effect: int | None = None if key == "instrument" else atom.effect
        seen[(effect, key)] = seen.get((effect, key), 0) + atom.steps
    return tuple(
        Change(effect, key, bill_value(original, effect, key), bill_value(amended, effect, key), s)
        for (effect, key), s in sorted(
            seen.items(), key=lambda kv: (kv[0][0] if kv[0][0] is not None else -1, kv[0][1])
        )
    )


# --------------------------------------------------------------------------- what decides a stage


def deciding_fields(evaluator: Evaluator, result: StageResult) -> tuple[set[str], bool]:
    """The condition fields the source that failed a stage (``result``) reads - the
    doctrines' conditions and declared dimensions, or the dimensions of the deciding cases'
    relied-on violation doctrines at that stage - and whether that source reads any
    dimension of degree at all (False: a case whose reasoning, as encoded, names none; then
    every dimension's fields are given, as the case base compared them all)."""
    fields: set[str] = set()
    if result.source == "doctrine":
        for doctrine_id in result.doctrines:
            doctrine = evaluator.doctrines.get(doctrine_id)
            for condition in (doctrine.when, doctrine.unless, doctrine.open_when):
                fields |= conditions.fields_read(condition)
            for dim in doctrine.dimensions:
                fields |= set(DIMENSIONS[dim].fields)
        return fields, True
    # precedent: the dimensions the deciding cases' relied-on violation doctrines read
    reasoned = False
    for case_id in result.cases:
        case = case_of(evaluator, case_id)
        for ref in case.relied_on if case else ():
            try:
                doctrine = evaluator.doctrines.get(ref)
            except KeyError:
                continue
            if doctrine.outcome == "violation" and doctrine.stage == result.stage:
                dims = doctrine_dimensions(doctrine)
                reasoned = reasoned or bool(dims)
                for read in dims:
                    fields |= set(read.fields)
    if not reasoned:
        # the case base compared every dimension (PASS_DIMENSIONS): the Court's reasoning,
        # as encoded, reads none, so no change of degree answers it
        fields = {f for d in PASS_DIMENSIONS for f in d.fields}
    return fields, reasoned


def case_of(evaluator: Evaluator, case_id: str) -> model.Case | None:
    """The decided case ``case_id`` of ``evaluator``'s case base (None if it has none)."""
    return evaluator.case_base.case(case_id)


def uncontrolled_facts(
    provision: Provision, effect: int, fields: set[str], evaluator: Evaluator, edition: str
) -> tuple[tuple[str, str], ...]:
    """``(field, value)`` for each of ``fields`` no fix changes (``NOT_CONTROLLED`` order),
    with the value effect ``effect`` (0-based) has under ``edition``, in words."""
    facts = effect_facts(provision, provision.effects[effect], edition, evaluator.catalogue)
    out = []
    if "right_never_restrictable" in fields:
        fields = fields - {"right"}  # the effect's label names the right already
    for field in sorted(fields, key=lambda f: list(NOT_CONTROLLED).index(f)):
        value = facts.get(field)
        if isinstance(value, frozenset):
            shown = ", ".join(sorted(value)) or "none"
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        else:
            shown = str(value)
        out.append((field, shown))
    return tuple(out)
