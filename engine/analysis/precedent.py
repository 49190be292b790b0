"""Precedent with dimensions (Horty's result model): sides, comparison, forcing, and the
consistency of the case base.

Sides: ``invalid`` (does not conform) and ``valid``. A holding "conforms" or "conforms,
with recommendations" is valid; "does not conform" is invalid; "conforms in the Court's
interpretation" decides neither side cleanly (the literal reading fails, the interpreted
one stands) and takes no part in forcing or in the consistency check.

Cases are compared through the lens of a violation doctrine that decided the invalid one
(it is in that case's ``relied_on`` and fired on the effect): two effects are comparable
for it when it applies to both, and both concern the same right by the same kind of
effect (general doctrines apply to every effect, so their ``when`` alone is no category);
they are compared on the dimensions it reads (its ``dimensions``, or those of the fields
its conditions read). Effect X is at least as restrictive as Y when on every
such dimension X's value is at least as restrictive as Y's (incomparable values fail).

The case base is inconsistent (docs/design.md, property 9 (case_base)) when some valid case
is at least as restrictive as some invalid case through such a lens.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import product
from typing import Literal

import attrs

from tarazy.engine.analysis.replaying import Replay
from tarazy.engine.model import Doctrine, DoctrineSet, Effect, Provision, Verdict
from tarazy.engine.model.dimensions import Dimension
from tarazy.engine.verdict import casebase

Side = Literal["invalid", "valid"]


def side(holding: str) -> Side | None:
    """The side a holding takes in precedent: ``invalid`` (does not conform), ``valid``
    (conforms, or conforms with recommendations), or ``None`` (an interpretation, which
    takes neither side)."""
    if holding == "does_not_conform":
        return "invalid"
    if holding in ("conforms", "conforms_with_recommendations"):
        return "valid"
    return None


def doctrine_dimensions(doctrine: Doctrine) -> tuple[Dimension, ...]:
    """The dimensions a doctrine reads (``casebase.doctrine_dimensions``: declared, or
    inferred from its conditions' fields; never the `justification` label)."""
    return casebase.doctrine_dimensions(doctrine)


def at_least_as_restrictive(
    a: tuple[Provision, Effect], b: tuple[Provision, Effect], dims: Sequence[Dimension]
) -> bool:
    """Effect a is at least as restrictive as effect b on every dimension."""
    return all(d.at_least_as_restrictive(d.get(*a), d.get(*b)) for d in dims)


def applied_effects(verdict: Verdict, doctrine: str) -> list[int]:
    """Effects to which a doctrine applied (it fired, passed or left its stage open)."""
    hits = {f.effect for f in verdict.findings if f.doctrine == doctrine}
    hits |= {p.effect for p in verdict.passed if p.doctrine == doctrine}
    hits |= {p.effect for p in verdict.opened if p.doctrine == doctrine}
    return sorted(hits)


@attrs.frozen
class Conflict:
    """A valid case at least as restrictive as an invalid one, through a doctrine's lens.

    ``valid_effect`` and ``invalid_effect`` index the cases' effects from 0, as the model
    does; reports number them from 1 (``reports/consistency_report.conflict_json``).
    Assumption, marked for the message-catalogue work: ``tarazy replay --format json`` still
    writes ``attrs.asdict`` of this class, so its ``inconsistencies`` are 0-based until
    ``reporting.replay_json`` calls ``conflict_json`` (a one-line change in a module being
    rewritten in parallel; the bundled cases have no inconsistency, so no output changes)."""

    doctrine: str
    valid: str  # case id
    valid_effect: int  # 0-based
    invalid: str
    invalid_effect: int  # 0-based
    dimensions: tuple[str, ...]


def _pairs(
    replays: Sequence[Replay], doctrines: DoctrineSet
) -> Iterator[tuple[Doctrine, Replay, int, Replay, int]]:
    """(doctrine, valid case, its effect, invalid case, its effect) for every pair of
    effects a doctrine that decided one of the two cases (``relied_on``) applies to."""
    valid = [r for r in replays if side(r.case.holding) == "valid"]
    invalid = [r for r in replays if side(r.case.holding) == "invalid"]
    for doctrine in doctrines.doctrines:
        if doctrine.outcome != "violation":
            continue
        for v, i in product(valid, invalid):
            if doctrine.id not in i.case.relied_on:
                continue
            fired = sorted({f.effect for f in i.verdict.findings if f.doctrine == doctrine.id})
            for ev, ei in product(applied_effects(v.verdict, doctrine.id), fired):
                a = v.case.provision.effects[ev]
                b = i.case.provision.effects[ei]
                if (a.right, a.kind) != (b.right, b.kind):
                    continue  # not on point: general doctrines apply to every effect
                yield doctrine, v, ev, i, ei


def inconsistencies(replays: Sequence[Replay], doctrines: DoctrineSet) -> list[Conflict]:
    """Every pair of decided cases that the case base cannot hold together (exhaustive)."""
    conflicts = []
    for doctrine, v, ev, i, ei in _pairs(replays, doctrines):
        dims = doctrine_dimensions(doctrine)
        a = (v.case.provision, v.case.provision.effects[ev])
        b = (i.case.provision, i.case.provision.effects[ei])
        if at_least_as_restrictive(a, b, dims):
            conflicts.append(
                Conflict(doctrine.id, v.case.id, ev, i.case.id, ei, tuple(d.id for d in dims))
            )
    return conflicts


def comparable_pairs(replays: Sequence[Replay], doctrines: DoctrineSet) -> int:
    """How many (valid, invalid) effect pairs a deciding doctrine makes comparable."""
    return sum(1 for _ in _pairs(replays, doctrines))
