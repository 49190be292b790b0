"""An independent interpreter of doctrine conditions: the differential oracle.

It reads the same parsed conditions as the compiler but shares none of its code: no
negation pushing, no encoding of facts, no durable_rules. Each operator is evaluated
directly from its meaning as ``conditions`` states it. The consistency property
"differential" runs every generated provision through both and demands the same verdict.
"""

from __future__ import annotations

from collections.abc import Sequence

from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.conditions import AllOf, AnyOf, Condition, Not, Test
from tarazy.engine.model.facts import Facts
from tarazy.engine.rules.matching import Match


def holds(condition: Condition, facts: Facts) -> bool:
    """Whether one effect's facts satisfy a condition."""
    if isinstance(condition, AllOf):
        return all(holds(part, facts) for part in condition.parts)
    if isinstance(condition, AnyOf):
        return any(holds(part, facts) for part in condition.parts)
    if isinstance(condition, Not):
        return not holds(condition.part, facts)
    return _test(condition, facts)


def _test(test: Test, facts: Facts) -> bool:
    value = facts[test.field]
    wanted = test.value
    if test.op == "eq":
        return value == wanted
    if test.op == "ne":
        return value != wanted
    if test.op == "in":
        return value in wanted  # type: ignore[operator]
    if test.op == "not_in":
        return value not in wanted  # type: ignore[operator]
    if test.op in ("gt", "ge", "lt", "le"):
        if value is None:  # a number the provision does not state satisfies no comparison
            return False
        assert isinstance(value, float) and isinstance(wanted, float)
        return {
            "gt": value > wanted,
            "ge": value >= wanted,
            "lt": value < wanted,
            "le": value <= wanted,
        }[test.op]
    assert isinstance(value, frozenset) and isinstance(wanted, tuple)
    present = value.intersection(wanted)
    if test.op == "has_any":
        return bool(present)
    if test.op == "has_all":
        return len(present) == len(set(wanted))
    if test.op == "has_none":
        return not present
    raise ValueError(f"unknown operator {test.op}")


class ReferenceMatcher:
    """Same interface as ``compiling.CompiledRules.match``, by direct interpretation."""

    def __init__(self, doctrines: DoctrineSet) -> None:
        self.doctrines = doctrines

    def __call__(self, effects: Sequence[Facts]) -> list[Match]:
        """For each effect's facts, in order, the (doctrine, role) pairs whose condition holds."""
        result: list[Match] = []
        for facts in effects:
            hits: set[tuple[str, str]] = set()
            for d in self.doctrines.doctrines:
                if holds(d.when, facts):
                    hits.add((d.id, "when"))
                if d.unless is not None and holds(d.unless, facts):
                    hits.add((d.id, "unless"))
                if d.open_when is not None and holds(d.open_when, facts):
                    hits.add((d.id, "open_when"))
            result.append(frozenset(hits))  # type: ignore[arg-type]
        return result
