"""The decided cases as a source of verdicts, for the stages no doctrine settles.

docs/stage-model.md, "What settles a stage": where no doctrine settles a stage of the
proportionality test for an effect, the effect is compared with every decided case (Horty's
result model with dimensions; the three-ply argument of HYPO/CATO, Ashley 1990, Aleven 2003):

- a case held **not to conform** forces the stage to *fail* when the effect is on point
  (the same category: right, kind, trigger, sector, requirement, who orders it, grounds of
  distinction) and at least as restrictive on every dimension the case's deciding
  reasoning reads (the dimensions of its ``relied_on`` violation doctrines at that stage);
- a case held **to conform** (with or without recommendations) lets the stage *pass* when
  the effect is on point, pursues no aim the case (where it records aims) did not, and is
  no more restrictive
  on **every** dimension of restrictiveness, not only those its doctrines read. The
  asymmetry is deliberate: the Court's reasons for upholding a provision are rarely all
  encoded, so a pass by analogy demands the closer fit (a wrong "conforms" is worse than an
  open question);
- otherwise the stage stays open, and the most on-point case on each side is named with the
  fields and dimensions that distinguish it.

A case counts as precedent under another edition only where every doctrine it relied on
keeps its basis unchanged there (``status: same``); cases decided "in the Court's
interpretation" let a stage pass only with a concern, like those upheld with
recommendations (the provision conforms only as the Court read it).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from tarazy.engine.model import (
    Case,
    Doctrine,
    DoctrineSet,
    Effect,
    NearestCase,
    Provision,
    conditions,
)
from tarazy.engine.model.dimensions import DIMENSIONS, FIELD_TO_DIMENSION, Dimension

__all__ = [
    "CATEGORY_FIELDS",
    "PASS_DIMENSIONS",
    "CaseBase",
    "PrecedentStep",
    "binding_side",
    "doctrine_dimensions",
]

CATEGORY_FIELDS: tuple[str, ...] = (
    "right",
    "kind",
    "trigger",
    "sector",
    "requirement",
    "ordered_by",
    "grounds_of_distinction",
)
"""Effect fields whose values must be equal for a case to be on point (unordered facts)."""

# Dimensions compared for a pass by analogy: every dimension except the one that reads a
# conclusion ("justification" is the legal conclusion itself and decides nothing).
PASS_DIMENSIONS: tuple[Dimension, ...] = tuple(
    d for d in DIMENSIONS.values() if d.id != "justification"
)


def doctrine_dimensions(doctrine: Doctrine) -> tuple[Dimension, ...]:
    """The dimensions a doctrine reads: declared, or inferred from its conditions' fields."""
    if doctrine.dimensions:
        ids = list(doctrine.dimensions)
    else:
        fields = conditions.fields_read(doctrine.when) | conditions.fields_read(doctrine.unless)
        ids = sorted({FIELD_TO_DIMENSION[f] for f in fields if f in FIELD_TO_DIMENSION})
    return tuple(DIMENSIONS[i] for i in ids if i != "justification")


def binding_side(holding: str) -> str | None:
    """``invalid`` for a case held not to conform; ``valid`` for one upheld - with or without
    recommendations, or in the Court's interpretation (a provision no more restrictive then
    conforms only with a concern: as the Court read it, or with its recommendations).
    Unlike ``precedent.side``, which keeps interpretation rulings out of the pairwise
    consistency check, a precedent for a verdict may be an interpretation ruling."""
    if holding == "does_not_conform":
        return "invalid"
    if holding in ("conforms", "conforms_with_recommendations", "conforms_in_interpretation"):
        return "valid"
    return None


def _category(effect: Effect) -> dict[str, object]:
    return {
        "right": effect.right,
        "kind": effect.kind,
        "trigger": effect.trigger,
        "sector": effect.sector,
        "requirement": effect.requirement,
        "ordered_by": effect.ordered_by,
        "grounds_of_distinction": frozenset(effect.grounds_of_distinction),
    }


def category_differences(a: Effect, b: Effect) -> list[str]:
    """The category fields on which two effects differ (CATEGORY_FIELDS order)."""
    ca, cb = _category(a), _category(b)
    return [f for f in CATEGORY_FIELDS if ca[f] != cb[f]]


@attrs.frozen
class PrecedentStep:
    """What the case base says about one stage of one effect.

    ``status`` is ``fails``, ``passes`` or ``open``; ``cases`` are the deciding cases,
    ``dimensions`` the dimensions compared; ``recommended`` is true when every case that lets
    the stage pass was upheld only with recommendations."""

    status: str
    cases: tuple[str, ...] = ()
    dimensions: tuple[str, ...] = ()
    nearest: tuple[NearestCase, ...] = ()
    recommended: bool = False


@attrs.frozen
class _Entry:
    case: Case
    effect: int
    side: str
    fail_stages: frozenset[str]  # stages its relied-on violation doctrines sit at
    fail_dims: tuple[Dimension, ...]


class CaseBase:
    """The decided cases, ready to be compared with effects stage by stage.

    ``cases``: the case files (any order; results are ordered by case id). ``doctrines``:
    the doctrine set whose ``relied_on`` entries give each case's deciding reasoning."""

    def __init__(self, cases: Sequence[Case], doctrines: DoctrineSet) -> None:
        self.doctrines = doctrines
        by_id = {d.id: d for d in doctrines.doctrines}
        entries: list[_Entry] = []
        for case in sorted(cases, key=lambda c: c.id):
            which = binding_side(case.holding)
            if which is None:
                continue
            deciding = [by_id[d] for d in case.relied_on if d in by_id]
            violations = [d for d in deciding if d.outcome == "violation"]
            dims: dict[str, Dimension] = {}
            for d in violations:
                dims.update({x.id: x for x in doctrine_dimensions(d)})
            for i in range(len(case.provision.effects)):
                entries.append(
                    _Entry(
                        case,
                        i,
                        which,
                        frozenset(d.stage for d in violations),
                        tuple(dims[k] for k in sorted(dims)) or PASS_DIMENSIONS,
                    )
                )
        self._entries = tuple(entries)
        self._by_right: dict[str, list[_Entry]] = {}
        for entry in self._entries:
            right = entry.case.provision.effects[entry.effect].right
            self._by_right.setdefault(right, []).append(entry)
        self._by_id = by_id
        self._by_case = {entry.case.id: entry.case for entry in self._entries}

    def case(self, case_id: str) -> Case | None:
        """The decided case ``case_id`` (None when the case base has no such case, or holds
        it as no precedent: a holding that binds neither way)."""
        return self._by_case.get(case_id)

    def not_binding(self, case: Case, edition: str, stage: str, side: str) -> str | None:
        """None when ``case`` binds under ``edition`` at ``stage`` on its ``side``
        ("invalid": held not to conform; "valid": upheld); else why not, in English words
        that name the doctrine whose basis changed (docs/stage-model.md)."""
        return self._usable(case, edition, stage, side)

    @property
    def size(self) -> int:
        """The number of case effects that can act as precedent."""
        return len(self._entries)

    def _usable(self, case: Case, edition: str, stage: str, which: str) -> str | None:
        """None when the case binds under ``edition`` at ``stage``; else why not. A case held
        not to conform binds through the relied-on violation doctrines of that stage; one
        upheld, through all its relied-on doctrines."""
        if case.constitution == edition:
            return None
        refs = list(case.relied_on)
        if which == "invalid":
            refs = [
                r
                for r in refs
                if (d := self._by_id.get(r)) is not None
                and d.outcome == "violation"
                and d.stage == stage
            ]
        for ref in refs:
            doctrine = self._by_id.get(ref)
            basis = doctrine.basis_for(edition) if doctrine else None
            if basis is None or basis.status != "same":
                return (
                    f"decided under {case.constitution}; the basis of {ref} is "
                    f"{basis.status if basis else 'absent'} under {edition}"
                )
        if not case.relied_on:
            return f"decided under {case.constitution}, on reasoning no doctrine records"
        return None

    def compare(
        self, provision: Provision, index: int, exclude: str | None = None
    ) -> list[tuple[_Entry, tuple[str, ...]]]:
        """Every case effect on the same right as effect ``index`` (0-based) of
        ``provision``, with the fields and dimensions that distinguish it (none: on point
        and, for a case held not to conform, at least as restrictive on its deciding
        dimensions; for an upheld one, no less restrictive on every dimension). The same for
        every stage, so ``step`` is given it once per effect."""
        effect = provision.effects[index]
        found = []
        for entry in self._by_right.get(effect.right, ()):
            case = entry.case
            if case.id == exclude:
                continue
            other = case.provision.effects[entry.effect]
            differences = category_differences(effect, other)
            if entry.side == "invalid":
                against = [
                    d.id
                    for d in entry.fail_dims
                    if not d.at_least_as_restrictive(
                        d.get(provision, effect), d.get(case.provision, other)
                    )
                ]
            else:
                against = [
                    d.id
                    for d in PASS_DIMENSIONS
                    if not d.at_least_as_restrictive(
                        d.get(case.provision, other), d.get(provision, effect)
                    )
                ]
                # An aim the case did not pursue is a distinction (where the case states its
                # aims at all: most case files record none, the Court having weighed none).
                if other.aims and not set(effect.aims) <= set(other.aims):
                    against.append("aims")
            found.append((entry, (*differences, *against)))
        return found

    def step(
        self,
        stage: str,
        provision: Provision,
        index: int,
        edition: str,
        exclude: str | None = None,
        compared: list[tuple[_Entry, tuple[str, ...]]] | None = None,
    ) -> PrecedentStep:
        """Compare effect ``index`` (0-based) of ``provision`` with every case for ``stage``.

        ``exclude`` leaves one case out (to measure what the rest of the case base decides);
        ``compared`` is ``compare``'s answer for the effect, when the caller has it.
        """
        if compared is None:
            compared = self.compare(provision, index, exclude)
        fails: list[tuple[_Entry, tuple[str, ...]]] = []
        passes: list[_Entry] = []
        nearest: dict[str, tuple[tuple[int, str], NearestCase]] = {}
        for entry, distinctions in compared:
            case = entry.case
            if entry.side == "invalid" and stage not in entry.fail_stages:
                continue
            blocked = self._usable(case, edition, stage, entry.side)
            if not distinctions and blocked is None:
                if entry.side == "invalid":
                    fails.append((entry, tuple(d.id for d in entry.fail_dims)))
                else:
                    passes.append(entry)
                continue
            key = (len(distinctions), case.id)
            candidate = NearestCase(case.id, case.holding, entry.effect, distinctions, blocked)
            if entry.side not in nearest or key < nearest[entry.side][0]:
                nearest[entry.side] = (key, candidate)
        shown = tuple(nearest[s][1] for s in ("invalid", "valid") if s in nearest)
        if fails and not passes:
            ids = tuple(sorted({e.case.id for e, _ in fails}))
            dims_read = tuple(sorted({d for _, ds in fails for d in ds}))
            return PrecedentStep("fails", ids, dims_read)
        if passes and not fails:
            ids = tuple(sorted({e.case.id for e in passes}))
            recommended = all(e.case.holding != "conforms" for e in passes)
            return PrecedentStep(
                "passes", ids, tuple(d.id for d in PASS_DIMENSIONS), recommended=recommended
            )
        if passes and fails:
            # the case base itself is divided here: both sides are named, nothing is decided
            both = tuple(
                NearestCase(e.case.id, e.case.holding, e.effect, (), "forces this stage to fail")
                for e, _ in fails
            ) + tuple(
                NearestCase(e.case.id, e.case.holding, e.effect, (), "lets this stage pass")
                for e in passes
            )
            return PrecedentStep("open", nearest=both)
        return PrecedentStep("open", nearest=shown)
