"""Dimensions of restrictiveness, and their orders — defined once, here.

A dimension reads one aspect of an effect (or its provision) and orders its values from
the least to the most restrictive: a lower-rank instrument, a weaker legal ground, a
longer duration, fewer safeguards, wider addressees, a larger fee are each "more
restrictive" (better for the side `invalid`, in Horty's terms). Orders are partial
where the law gives no order: a ban "until a condition ends" and one of five years are
incomparable, and a value the provision does not state is comparable only with itself.

Precedent (``precedent``) compares provisions on these dimensions; verification moves
generated provisions strictly up or down them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from tarazy.engine import model
from tarazy.engine.model import Duration, Effect, Provision

Value = Any
Getter = Callable[[Provision, Effect], Value]
Setter = Callable[[Provision, int, Value], Provision]


def _with_effect(provision: Provision, index: int, **changes: Any) -> Provision:
    effects = list(provision.effects)
    effects[index] = attrs.evolve(effects[index], **changes)
    return attrs.evolve(provision, effects=tuple(effects))


@attrs.frozen
class Dimension:
    """One ordered aspect of an effect. ``compare`` answers -1, 0, 1 or None (incomparable)
    for "a is less / equally / more restrictive than b"."""

    id: str
    description: str
    fields: tuple[str, ...]  # the condition fields whose values this dimension orders
    get: Getter
    set: Setter
    compare: Callable[[Value, Value], int | None]
    values: Callable[[Value], tuple[Value, ...]]  # candidate values to move to

    def at_least_as_restrictive(self, a: Value, b: Value) -> bool:
        """A is at least as restrictive as b."""
        result = self.compare(a, b)
        return result is not None and result >= 0


def _linear(order: tuple[object, ...]) -> Callable[[Value, Value], int | None]:
    def compare(a: Value, b: Value) -> int | None:
        if a == b:
            return 0
        if a not in order or b not in order:
            return None
        ia, ib = order.index(a), order.index(b)
        return (ia > ib) - (ia < ib)

    return compare


def _field_dimension(
    id: str, description: str, field: str, attr: str, order: tuple[object, ...]
) -> Dimension:
    return Dimension(
        id=id,
        description=description,
        fields=(field,),
        get=lambda p, e: getattr(e, attr),
        set=lambda p, i, v: _with_effect(p, i, **{attr: v}),
        compare=_linear(order),
        values=lambda _v: order,
    )


def _compare_duration(a: Value, b: Value) -> int | None:
    assert isinstance(a, Duration) and isinstance(b, Duration)
    if a == b:
        return 0
    if a.kind == "none" or b.kind == "none":
        return None  # "not time-bound" is a different kind of rule, not a length
    if a.kind == "fixed" and b.kind == "fixed":
        assert a.years is not None and b.years is not None
        return (a.years > b.years) - (a.years < b.years)
    if a.kind == "indefinite":
        return 1
    if b.kind == "indefinite":
        return -1
    return None  # a fixed term against "until a condition ends"


def _duration_values(_current: Value) -> tuple[Value, ...]:
    return (
        Duration.term(72.0, "hours"),
        Duration.term(96.0, "hours"),
        Duration("fixed", years=1.0),
        Duration("fixed", years=3.0),
        Duration("fixed", years=5.0),
        Duration("fixed", years=10.0),
        Duration("until_condition", until="the condition ends"),
        Duration("indefinite"),
    )


def _compare_safeguards(a: Value, b: Value) -> int | None:
    sa, sb = frozenset(a), frozenset(b)
    if sa == sb:
        return 0
    if sa < sb:
        return 1  # fewer safeguards: more restrictive
    if sa > sb:
        return -1
    return None


def _compare_magnitude(higher_is_more: bool) -> Callable[[Value, Value], int | None]:
    def compare(a: Value, b: Value) -> int | None:
        if a == b:
            return 0
        if a is None or b is None:
            return None
        assert isinstance(a, float) and isinstance(b, float)
        sign = (a > b) - (a < b)
        return sign if higher_is_more else -sign

    return compare


def _magnitude_dimension(name: str, higher_is_more: bool) -> Dimension:
    def set_value(p: Provision, i: int, v: Value) -> Provision:
        values = dict(p.effects[i].magnitude)
        if v is None:
            values.pop(name, None)
        else:
            assert isinstance(v, float)
            values[name] = v
        return _with_effect(p, i, magnitude=tuple(sorted(values.items())))

    return Dimension(
        id=name,
        description=f"{model.MAGNITUDES[name]} ("
        + ("more" if higher_is_more else "less")
        + " is more restrictive)",
        fields=(name,),
        get=lambda p, e: e.magnitude_of(name),
        set=set_value,
        compare=_compare_magnitude(higher_is_more),
        values=lambda _v: (0.5, 1.0, 2.0, 5.0, 10.0, 100.0),
    )


def _breadth_get(p: Provision, e: Effect) -> Value:
    return e.addressees.breadth


def _breadth_set(p: Provision, i: int, v: Value) -> Provision:
    effect = p.effects[i]
    return _with_effect(p, i, addressees=attrs.evolve(effect.addressees, breadth=v))


DIMENSIONS: dict[str, Dimension] = {
    d.id: d
    for d in (
        Dimension(
            id="instrument",
            description="rank of the act (a lower rank is more restrictive)",
            fields=("instrument", "instrument_is_law"),
            get=lambda p, e: p.instrument,
            set=lambda p, i, v: attrs.evolve(p, instrument=v),
            compare=_linear(tuple(model.INSTRUMENTS)),
            values=lambda _v: tuple(model.INSTRUMENTS),
        ),
        _field_dimension(
            "delegated_to",
            "what a law leaves to a by-law (leaving more to a lower act is more restrictive)",
            "delegated_to",
            "delegated_to",
            (None, *model.BYLAW_INSTRUMENTS),
        ),
        _field_dimension(
            "legal_ground",
            "legal ground (implied or none is more restrictive than express)",
            "legal_ground",
            "legal_ground",
            tuple(model.LEGAL_GROUNDS),
        ),
        Dimension(
            id="duration",
            description="duration (longer is more restrictive; indefinite is the longest)",
            fields=("duration", "duration_years", "duration_hours"),
            get=lambda p, e: e.duration,
            set=lambda p, i, v: _with_effect(p, i, duration=v),
            compare=_compare_duration,
            values=_duration_values,
        ),
        Dimension(
            id="safeguards",
            description="safeguards (fewer is more restrictive)",
            fields=("safeguards",),
            get=lambda p, e: frozenset(e.safeguards),
            set=lambda p, i, v: _with_effect(
                p,
                i,
                safeguards=tuple(sorted(v)),
            ),
            compare=_compare_safeguards,
            values=lambda _v: (),
        ),
        Dimension(
            id="addressees_breadth",
            description="breadth of the addressees (wider is more restrictive)",
            fields=("addressees_breadth",),
            get=_breadth_get,
            set=_breadth_set,
            compare=_linear(tuple(model.ADDRESSEE_BREADTHS)),
            values=lambda _v: tuple(model.ADDRESSEE_BREADTHS),
        ),
        _field_dimension(
            "trigger_severity",
            "severity of the triggering misconduct (a lighter trigger makes the same "
            "measure more restrictive)",
            "trigger_severity",
            "trigger_severity",
            tuple(reversed(model.TRIGGER_SEVERITIES)),
        ),
        _field_dimension(
            "clarity",
            "clarity of the rule (less clear is more restrictive)",
            "clarity",
            "clarity",
            tuple(model.CLARITIES),
        ),
        _field_dimension(
            "justification",
            "justification of a differentiation (none is more restrictive than stated)",
            "justification",
            "justification",
            tuple(model.JUSTIFICATIONS),
        ),
        _field_dimension(
            "political_grounds",
            "turning on political views (true is more restrictive)",
            "political_grounds",
            "political_grounds",
            (False, True),
        ),
        *(
            _magnitude_dimension(name, higher_is_more=(name != "calls_per_month"))
            for name in model.MAGNITUDES
        ),
    )
}

FIELD_TO_DIMENSION: dict[str, str] = {
    field: d.id for d in DIMENSIONS.values() for field in d.fields
}
