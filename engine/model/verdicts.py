"""What the test gives: findings, the stage table of each effect, and the verdict."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from tarazy.engine.model.provisions import Provision
from tarazy.engine.model.vocabulary import StageStatus, VerdictOutcome

__all__ = [
    "Defeated",
    "EffectStages",
    "Finding",
    "NearestCase",
    "Passed",
    "StageResult",
    "Verdict",
]


@attrs.frozen
class Finding:
    """A doctrine that fired on one effect of a provision, or a decided case that settles a
    stage against it (then ``doctrine`` is ``precedent:<case id>`` and ``case`` names it)."""

    doctrine: str
    stage: str
    outcome: Literal["violation", "concern"]
    effect: int  # 0-based index into Provision.effects
    reason: str
    articles: tuple[str, ...]
    rulings: tuple[str, ...]
    remedy: str
    case: str | None = None


@attrs.frozen
class Passed:
    """A doctrine that applied to an effect (0-based) and did not fire: in
    ``Verdict.passed`` its exception held, in ``Verdict.opened`` its ``open_when`` did."""

    doctrine: str
    stage: str
    effect: int


@attrs.frozen
class Defeated:
    """A doctrine that applied to an effect but does not count, and why: displaced by a
    special doctrine, or a concern on an effect that already fails a stage."""

    doctrine: str
    stage: str
    effect: int
    by: str  # the doctrine (or "violation") that defeated it
    why: str


@attrs.frozen
class NearestCase:
    """The most on-point decided case on one side of an open question."""

    case: str
    holding: str
    effect: int  # 0-based effect of the case
    distinctions: tuple[str, ...]  # the fields or dimensions on which the two differ
    note: str | None = None


@attrs.frozen
class StageResult:
    """One stage of the proportionality test for one effect: its status and what settled it.

    ``source`` is ``doctrine`` (``doctrines`` lists them, ``facts`` the facts they read),
    ``precedent`` (``cases`` lists the decided cases, ``dimensions`` what was compared) or
    ``none``. An open stage carries its ``questions`` and the ``nearest`` case each side."""

    stage: str
    status: StageStatus
    source: Literal["doctrine", "precedent", "none"] = "none"
    doctrines: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()
    dimensions: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    nearest: tuple[NearestCase, ...] = ()
    concerns: tuple[str, ...] = ()  # doctrines or cases whose concern is attached here


@attrs.frozen
class EffectStages:
    """The stage table of one effect (0-based ``effect``), in the order of STAGES."""

    effect: int
    stages: tuple[StageResult, ...]

    def status(self, stage: str) -> StageStatus:
        """The status of one stage; KeyError for an unknown stage."""
        for result in self.stages:
            if result.stage == stage:
                return result.status
        raise KeyError(stage)

    @property
    def open(self) -> tuple[str, ...]:
        """The stages left open, in the order of STAGES."""
        return tuple(r.stage for r in self.stages if r.status == "open")


@attrs.frozen
class Verdict:
    """What the test gives for one provision: the outcome, the stage table of each effect,
    the findings (violations and concerns, doctrines or precedents), the doctrines that
    applied and passed, and those defeated. ``unassessed`` lists the effects (0-based) with at
    least one open stage."""

    provision: Provision
    outcome: VerdictOutcome
    edition: str
    as_of: dt.date
    findings: tuple[Finding, ...]
    passed: tuple[Passed, ...]
    unassessed: tuple[int, ...]
    stages: tuple[EffectStages, ...] = ()
    defeated: tuple[Defeated, ...] = ()
    opened: tuple[Passed, ...] = ()  # doctrines that applied but lacked the facts they need

    @property
    def fired(self) -> frozenset[str]:
        """The doctrines that fired (precedent findings aside)."""
        return frozenset(f.doctrine for f in self.findings if f.case is None)
