"""The stages of the proportionality test: their order, the question of each, which apply
to which kind of effect, and the verdict's outcome from the stage tables.

Pure functions over the model, used by ``evaluating.Evaluator`` (docs/stage-model.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from tarazy.engine.model import (
    STAGES,
    EffectStages,
    Finding,
    StageResult,
    Verdict,
    VerdictOutcome,
)
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError
from tarazy.engine.model.messages import N_, message
from tarazy.engine.verdict.casebase import PrecedentStep

__all__ = [
    "STAGE_ORDER",
    "STAGE_QUESTIONS",
    "applicable",
    "doctrine_status",
    "edition_for",
    "outcome",
    "precedent_finding",
    "with_concerns",
]

STAGE_ORDER = {stage: i for i, stage in enumerate(STAGES)}

# Stages that do not concern a differentiation (its aim and proportion are weighed inside
# the equality test: 21-НП of 2023 and 64-НП of 2025 state the test as "an objective and
# reasonable justification"), and the one stage that concerns only differentiations.
_NOT_FOR_DIFFERENTIATION = frozenset({"absolute_rights", "legitimate_aim", "necessity", "balance"})

STAGE_QUESTIONS: dict[str, str] = {
    # The question of a stage no doctrine frames (msgids of the message catalogue).
    "legality": N_("Which law (a constitutional law, a code or a law) provides this restriction?"),
    "absolute_rights": N_("Does the effect leave the substance of the right intact?"),
    "legitimate_aim": N_("Which aim admitted by the restriction clause does the effect serve?"),
    "necessity": N_(
        "Is this the least restrictive means to the aim (would a shorter term, a "
        "safeguard or a narrower group do)?"
    ),
    "balance": N_(
        "Does the weight of the aim justify the burden on the right (proportionality "
        "in the strict sense)?"
    ),
    "equality": N_(
        "Does the difference in treatment have an objective and reasonable "
        "justification: a legitimate aim, pursued by proportionate means?"
    ),
    "certainty": N_("Is the rule clear and foreseeable in its effect?"),
}


def edition_for(day: dt.date, catalogue: Catalogue) -> str:
    """The id of the edition in force on ``day``; InputError when none is."""
    edition = catalogue.edition_on(day)
    if edition is None:
        raise InputError(
            f"no edition of the Constitution in the catalogue was in force on {day.isoformat()}"
        )
    return edition.id


def with_concerns(result: StageResult, concerns: tuple[str, ...]) -> StageResult:
    """``result`` with ``concerns`` (doctrine ids or ``precedent:<case>``) attached."""
    return attrs.evolve(result, concerns=concerns)


def applicable(stage: str, kind: str) -> bool:
    """Whether ``stage`` concerns an effect of ``kind`` (see ``_NOT_FOR_DIFFERENTIATION``)."""
    if kind == "differentiation":
        return stage not in _NOT_FOR_DIFFERENTIATION
    return stage != "equality"


def doctrine_status(verdict: Verdict, doctrine: str) -> str:
    """What one doctrine did with a provision, on any effect: ``fires``, ``open`` (it
    applied but the facts it needs are not stated), ``passes`` (applied, exception held),
    or ``does_not_apply``. A doctrine defeated on an effect still reports what it did."""
    if any(f.doctrine == doctrine for f in verdict.findings) or any(
        d.doctrine == doctrine and d.by == "violation" for d in verdict.defeated
    ):
        return "fires"
    if any(p.doctrine == doctrine for p in verdict.opened):
        return "open"
    if any(p.doctrine == doctrine for p in verdict.passed):
        return "passes"
    return "does_not_apply"


def outcome(findings: Sequence[Finding], tables: Sequence[EffectStages]) -> VerdictOutcome:
    """The verdict's outcome from its findings and the stage tables of its effects."""
    if any(r.status == "fails" for t in tables for r in t.stages):
        return "does_not_conform"
    if any(t.open for t in tables):
        return "open"
    if findings:
        return "conforms_with_concerns"
    return "conforms"


def precedent_finding(
    stage: str, step: PrecedentStep, index: int, outcome: str, lang: str
) -> Finding:
    """The finding a decided case makes at ``stage`` of effect ``index`` (0-based): held not
    to conform (``outcome`` "violation") or upheld with recommendations ("concern")."""
    cases = ", ".join(step.cases)
    dims = ", ".join(step.dimensions)
    fields = {"number": index + 1, "cases": cases, "dimensions": dims}
    if outcome == "violation":
        reason = message(
            "Effect {number} is on point with {cases}, held not to conform, and at least as "
            "restrictive on every dimension its reasoning reads ({dimensions}).",
            lang,
            **fields,
        )
        remedy = message(
            "Distinguish the provision from {cases}: make it less restrictive on at least "
            "one of these dimensions ({dimensions}).",
            lang,
            **fields,
        )
    else:
        reason = message(
            "Effect {number} is no more restrictive than the provision upheld only with "
            "recommendations or in the Court's interpretation ({cases}); the same holds "
            "for it.",
            lang,
            **fields,
        )
        remedy = message(
            "Take up the Court's recommendations or interpretation in {cases}.", lang, **fields
        )
    return Finding(
        doctrine=f"precedent:{step.cases[0]}",
        stage=stage,
        outcome=outcome,  # type: ignore[arg-type]
        effect=index,
        reason=reason,
        articles=(),
        rulings=step.cases,
        remedy=remedy,
        case=step.cases[0],
    )
