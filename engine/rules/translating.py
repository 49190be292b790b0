"""Doctrine conditions in durable_rules' JSON condition language, and effects as durable
facts. Pure translation: imports nothing of durable_rules (``compiling`` hands the result to
it).

Negation is pushed down to the leaves (``to_durable``); list fields are asserted as one
boolean per value a condition tests, so no array operator (with its empty-list quirks) is
used; numbers may be written as their ranks among the doctrines' thresholds
(``Thresholds``), which durable's JSON parser always reads.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tarazy.engine.model.conditions import AllOf, AnyOf, Condition, FieldSpec, Not, Test, tests_of
from tarazy.engine.model.facts import Facts

Json = dict[str, Any]
"""A durable_rules JSON expression or fact."""

TYPE_FIELD = "t"
"""The fact property naming the fact's type (always ``"effect"``)."""
INDEX_FIELD = "i"
"""The fact property holding the effect's index in its provision (0-based)."""
SENTINEL = "seen"
"""The rule key of the sentinel rule every effect fact matches."""


def _set_key(field: str, value: str) -> str:
    return f"{field}__{value}"


def disjunction(parts: list[Json]) -> Json:
    """``parts`` joined by ``$or`` (one part: itself)."""
    return parts[0] if len(parts) == 1 else {"$or": parts}


def conjunction(parts: list[Json]) -> Json:
    """``parts`` joined by ``$and`` (one part: itself)."""
    return parts[0] if len(parts) == 1 else {"$and": parts}


_NUMBER_OPS = {"gt": "$gt", "ge": "$gte", "lt": "$lt", "le": "$lte"}
_NUMBER_NEGATION = {"gt": "le", "ge": "lt", "lt": "ge", "le": "gt"}


Rank = Callable[[str, float], int]


def _test(test: Test, negated: bool) -> Json:
    field, op, value = test.field, test.op, test.value
    if op in ("eq", "ne"):
        equal = (op == "eq") != negated
        return {field: value} if equal else {"$neq": {field: value}}
    if op in ("in", "not_in"):
        assert isinstance(value, tuple)
        inside = (op == "in") != negated
        if inside:
            return disjunction([{field: v} for v in value])
        return conjunction([{"$neq": {field: v}} for v in value])
    if op in _NUMBER_OPS:
        if not negated:
            return {_NUMBER_OPS[op]: {field: value}}
        # Not (x > v) holds when x <= v, or when the provision states no x at all.
        return disjunction(
            [{_NUMBER_OPS[_NUMBER_NEGATION[op]]: {field: value}}, {"$nex": {field: 1}}]
        )
    assert isinstance(value, tuple)
    present = [{_set_key(field, v): True} for v in value]
    absent = [{_set_key(field, v): False} for v in value]
    if op == "has_any":
        return conjunction(absent) if negated else disjunction(present)
    if op == "has_all":
        return disjunction(absent) if negated else conjunction(present)
    if op == "has_none":
        return disjunction(present) if negated else conjunction(absent)
    raise ValueError(f"unknown operator {op}")


def to_durable(condition: Condition, negated: bool = False, rank: Rank | None = None) -> Json:
    """A condition as a durable_rules JSON expression, negation pushed to the leaves.

    With ``rank``, numbers are written as their ranks among the thresholds (see
    ``Thresholds``), which durable's parser always reads."""
    if isinstance(condition, Test):
        expr = _test(condition, negated)
        return expr if rank is None else _ranked(expr, rank)
    if isinstance(condition, Not):
        return to_durable(condition.part, not negated, rank)
    parts = [to_durable(p, negated, rank) for p in condition.parts]
    conjunctive = isinstance(condition, AllOf) != negated
    assert isinstance(condition, AllOf | AnyOf)
    return conjunction(parts) if conjunctive else disjunction(parts)


class Thresholds:
    """Numbers as durable_rules can read them: each number as its rank among the thresholds
    the doctrines compare that field with.

    durable's JSON parser (json.c, ``getNumber``) reads an exponent only after a decimal
    point, so Python's ``1e-05`` or ``1e+16`` crashes the process or fails the ruleset (r1);
    it stores integers as C ``long`` and doubles through ``atof``. A rank is a small integer
    that preserves every comparison a doctrine makes: for thresholds t0 < t1 < ..., a value
    below t0 is 0, t0 itself 1, between t0 and t1 2, t1 3, and so on — so ``x > t`` holds
    exactly when ``rank(x) > rank(t)``, for any finite float, however written."""

    def __init__(self, conditions: Sequence[Condition | None]) -> None:
        found: dict[str, set[float]] = {}
        for condition in conditions:
            for test in tests_of(condition):
                if test.op in _NUMBER_OPS:
                    assert isinstance(test.value, int | float)
                    found.setdefault(test.field, set()).add(float(test.value))
        self.points = {k: sorted(v) for k, v in found.items()}

    def rank(self, field: str, value: float) -> int:
        """The rank of ``value`` among ``field``'s thresholds (odd when equal to one)."""
        points = self.points.get(field, [])
        i = bisect.bisect_left(points, float(value))
        return 2 * i + 1 if i < len(points) and points[i] == value else 2 * i


_COMPARISONS = frozenset(_NUMBER_OPS.values())


def _ranked(expr: Json, rank: Rank) -> Json:
    """``expr`` with every number it compares replaced by its rank."""
    ((name, value),) = expr.items()
    if name in ("$and", "$or"):
        return {name: [_ranked(part, rank) for part in value]}
    if name in _COMPARISONS:
        ((field, number),) = value.items()
        return {name: {field: rank(field, number)}}
    return expr


def encode(
    facts: Facts,
    index: int,
    fields: Mapping[str, FieldSpec],
    read: Mapping[str, frozenset[str]] | None = None,
    thresholds: Thresholds | None = None,
) -> Json:
    """One effect's facts as a durable fact: list fields become one boolean per value,
    an unstated number is left out (so ``$nex`` sees it as absent). With ``read`` (field →
    the list values tested), only what some condition reads is asserted; with
    ``thresholds``, numbers are asserted as their ranks."""
    fact: Json = {TYPE_FIELD: "effect", INDEX_FIELD: index}
    for name, spec in fields.items():
        if read is not None and name not in read:
            continue
        value = facts[name]
        if spec.type == "set":
            assert isinstance(value, frozenset)
            members = spec.values if read is None else sorted(read[name])
            for member in members:
                fact[_set_key(name, member)] = member in value
        elif value is not None:
            if spec.type == "number" and thresholds is not None:
                assert isinstance(value, int | float)
                value = thresholds.rank(name, value)
            fact[name] = value
    return fact


def fields_of(expr: Json) -> set[str]:
    """The fact properties an expression reads."""
    ((name, value),) = expr.items()
    if name in ("$and", "$or"):
        return set().union(*(fields_of(p) for p in value))
    if name.startswith("$"):
        return set(value)
    return {name}
