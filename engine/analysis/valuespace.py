"""The finite value space of the facts a condition reads, for deciding questions about
conditions by enumeration (``tarazy doctrine lint``).

Every vocabulary a condition may name is closed (``facts.field_registry``), so whether a
condition can hold, or whether one condition implies another, is decided by evaluating the
conditions with ``reference.holds`` on every combination of the values that can make a
difference:

* an enumerated field takes every value the conditions mention, and one value they do not
  (all values not mentioned behave alike);
* a true-or-false field takes both;
* a number field takes "not stated" (``None``), every threshold the conditions name, each
  threshold plus and minus a step (``STEP``), and a point between each two thresholds;
* a list field takes every subset of the values the conditions mention (values not
  mentioned change no ``has_any``/``has_all``/``has_none`` test).

Facts derived from others are kept consistent where both are read: ``instrument_is_law``
with ``instrument``, ``aims_stated`` with ``aims``, a number of years or hours only with a
``fixed`` duration, ``has_admitted_aim``/``has_inadmissible_aim`` only with some aim
stated, and ``right_never_restrictable`` with ``right`` under the editions given. A
combination of facts that no provision can produce but that these rules do not exclude
may make a condition look satisfiable when it is not (the check then says nothing), never
the reverse.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence

from tarazy.engine import model
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import Condition, FieldSpec, tests_of
from tarazy.engine.model.facts import FactValue

STEP = 0.5
"""How far from a threshold the numbers just above and below it are tested."""

MAX_COMBINATIONS = 200_000
"""Beyond this many combinations a question is not decided (reported, never guessed)."""


class TooLarge(Exception):
    """The value space of the conditions is too large to enumerate."""


def _domain(spec: FieldSpec, conds: Sequence[Condition]) -> list[FactValue]:
    tests = [t for c in conds for t in tests_of(c) if t.field == spec.name]
    if spec.type == "bool":
        return [False, True]
    if spec.type == "number":
        thresholds = sorted({float(t.value) for t in tests if isinstance(t.value, float)})
        points: set[float] = set()
        for edge in thresholds:
            points.update({edge - STEP, edge, edge + STEP})
        for a, b in itertools.pairwise(thresholds):
            points.add((a + b) / 2)
        return [None, *sorted(points)]
    mentioned: list[str] = []
    for t in tests:
        values = t.value if isinstance(t.value, tuple) else (t.value,)
        for v in values:
            if isinstance(v, str) and v not in mentioned:
                mentioned.append(v)
    if spec.type == "set":
        if 2 ** len(mentioned) > MAX_COMBINATIONS:
            raise TooLarge(f"{2 ** len(mentioned)} subsets of {spec.name}")
        return [
            frozenset(combo)
            for r in range(len(mentioned) + 1)
            for combo in itertools.combinations(mentioned, r)
        ]
    others = [v for v in spec.values if v not in mentioned]
    return [*mentioned, *others[:1]]


def combinations(
    conds: Sequence[Condition | None],
    fields: Mapping[str, FieldSpec],
    catalogue: Catalogue,
    editions: Sequence[str],
) -> Iterator[dict[str, FactValue]]:
    """Every combination of the values that matter to ``conds`` (consistent as the module
    says); raises ``TooLarge`` when there are more than ``MAX_COMBINATIONS``."""
    present = [c for c in conds if c is not None]
    names = sorted({t.field for c in present for t in tests_of(c)})
    domains = {n: _domain(fields[n], present) for n in names}
    # Where a derived fact is read with the fact it derives from, every value of the source
    # matters (whether an instrument is a law, or a right never restrictable, depends on
    # which one it is).
    for derived, source in (
        ("right_never_restrictable", "right"),
        ("instrument_is_law", "instrument"),
    ):
        if derived in domains and source in domains:
            domains[source] = list(fields[source].values)
    total = 1
    for domain in domains.values():
        total *= max(1, len(domain))
    if total > MAX_COMBINATIONS:
        raise TooLarge(f"{total} combinations of {', '.join(names)}")
    for values in itertools.product(*(domains[n] for n in names)):
        facts = dict(zip(names, values, strict=True))
        if _consistent(facts, catalogue, editions):
            yield facts


def _consistent(facts: Mapping[str, FactValue], catalogue: Catalogue, eds: Sequence[str]) -> bool:
    if ("instrument" in facts and "instrument_is_law" in facts) and facts["instrument_is_law"] != (
        facts["instrument"] in model.LAW_INSTRUMENTS
    ):
        return False
    aims = facts.get("aims")
    if isinstance(aims, frozenset) and facts.get("aims_stated", bool(aims)) != bool(aims):
        return False
    if (facts.get("aims_stated") is False or aims == frozenset()) and (
        facts.get("has_admitted_aim") or facts.get("has_inadmissible_aim")
    ):
        return False
    stated = facts.get("duration_years") is not None or facts.get("duration_hours") is not None
    if facts.get("duration", "fixed") != "fixed" and stated:
        return False
    if "right" in facts and "right_never_restrictable" in facts:
        right = facts["right"]
        assert isinstance(right, str)
        if not any(
            catalogue.never_restrictable(right, ed) == facts["right_never_restrictable"]
            for ed in eds
        ):
            return False
    return True
