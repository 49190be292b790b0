"""The properties over generated provisions: monotonicity (less restrictive never
turns conforming into not conforming), irrelevance (labels, effect order, doctrine load
order change nothing), absolute rights, the differential check against the reference
interpreter, and the edition change."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Any

from tarazy.engine.model import Provision, Verdict
from tarazy.engine.verification import strategies
from tarazy.engine.verification.context import Context, Problem, outcome_text
from tarazy.engine.verification.strategies import Scenario

_STAGE_RANK = {"passes": 0, "open": 1, "fails": 2}


def _stage_ranks(verdict: Verdict) -> dict[tuple[int, str], int]:
    return {
        (t.effect, r.stage): _STAGE_RANK[r.status]
        for t in verdict.stages
        for r in t.stages
        if r.status in _STAGE_RANK
    }


def monotonicity(ctx: Context, scenario: Scenario) -> Problem | None:
    """Monotonicity, stage by stage: making a provision less restrictive on any one
    dimension (adding a safeguard, shortening a term, raising the instrument's rank, making
    the legal ground express, ...) never makes any stage of any effect worse (passes, then
    open, then fails), and so never turns a conforming provision into a non-conforming one.
    Every one-step move of every effect is tried; the counterexample is the moved provision."""
    before = ctx.verdict(scenario.provision, scenario.as_of)
    ranks = _stage_ranks(before)
    for after, move in strategies.all_moves(scenario.provision, "down"):
        later = ctx.verdict(after, scenario.as_of)
        for (effect, stage), rank in sorted(_stage_ranks(later).items()):
            then = ranks.get((effect, stage))
            if then is None or rank <= then:
                continue
            was = before.stages[effect].status(stage)
            now = later.stages[effect].status(stage)
            return Problem(
                f"effect {move.effect + 1} made {move.describe()} turns the {stage} stage of "
                f"effect {effect + 1} from {was} to {now}",
                (
                    f"before: {stage} {was} -> {outcome_text(before)}",
                    f"after ({move.describe()}): {stage} {now} -> {outcome_text(later)}",
                ),
                after,
                scenario.as_of,
            )
    return None


def _signature(verdict: Verdict, order: Sequence[int] | None = None) -> tuple[Any, ...]:
    def old(i: int) -> int:
        return order[i] if order is not None else i

    return (
        verdict.outcome,
        sorted((f.doctrine, f.stage, f.outcome, old(f.effect)) for f in verdict.findings),
        sorted((p.doctrine, old(p.effect)) for p in verdict.passed),
        sorted(old(i) for i in verdict.unassessed),
        sorted(
            (old(t.effect), r.stage, r.status, r.source, r.doctrines, r.cases)
            for t in verdict.stages
            for r in t.stages
        ),
    )


def irrelevance(
    ctx: Context, example: tuple[Scenario, tuple[Provision, tuple[int, ...]], int]
) -> Problem | None:
    """Irrelevance: what no doctrine reads - the provision's id, title, citation and text,
    the addressees' labels, the order of the effects, and the order in which doctrine files
    load - never changes a verdict."""
    scenario, (relabelled, order), which = example
    base = ctx.verdict(scenario.provision, scenario.as_of)
    changed = ctx.verdict(relabelled, scenario.as_of)
    if _signature(changed, order) != _signature(base):
        return Problem(
            "relabelling or reordering the effects changed the verdict",
            (f"as written: {outcome_text(base)}", f"relabelled: {outcome_text(changed)}"),
            relabelled,
            scenario.as_of,
        )
    other = ctx.shuffled[which % len(ctx.shuffled)]
    loaded = other.evaluate(scenario.provision, scenario.as_of)
    if _signature(loaded) != _signature(base):
        return Problem(
            "loading the doctrine files in another order changed the verdict",
            (f"file-name order: {outcome_text(base)}", f"other order: {outcome_text(loaded)}"),
            scenario.provision,
            scenario.as_of,
        )
    return None


def absolute_rights(ctx: Context, scenario: Scenario) -> Problem | None:
    """Absolute rights dominate: a provision that denies a right the edition in force lists
    as never restrictable does not conform, whatever its aims, instrument and safeguards."""
    verdict = ctx.verdict(scenario.provision, scenario.as_of)
    if verdict.outcome != "does_not_conform":
        denied = [e.right for e in scenario.provision.effects if e.kind == "denial"]
        return Problem(
            "a provision denying a never-restrictable right is not found to violate",
            (
                f"doctrines: {outcome_text(verdict)}",
                f"restriction clause of edition {verdict.edition}: {', '.join(denied)} never "
                "restrictable, so does_not_conform",
            ),
            scenario.provision,
            scenario.as_of,
        )
    return None


def differential(ctx: Context, scenario: Scenario) -> Problem | None:
    """Differential: the durable_rules evaluation equals the independent reference
    interpreter of the same doctrine files, verdict for verdict."""
    engine = ctx.verdict(scenario.provision, scenario.as_of)
    oracle = ctx.reference.evaluate(scenario.provision, scenario.as_of)
    if engine != oracle:
        return Problem(
            "durable_rules and the reference interpreter disagree",
            (
                f"durable_rules: {outcome_text(engine)}",
                f"reference interpreter: {outcome_text(oracle)}",
            ),
            scenario.provision,
            scenario.as_of,
        )
    return None


def _per_effect(verdict: Verdict) -> dict[tuple[str, int], str]:
    """(doctrine, effect) → fires / open / passes; precedents are not doctrines."""
    status = {(f.doctrine, f.effect): "fires" for f in verdict.findings if f.case is None}
    for d in verdict.defeated:
        if d.by == "violation" and not d.doctrine.startswith("precedent:"):
            status[(d.doctrine, d.effect)] = "fires"
    for p in verdict.opened:
        status.setdefault((p.doctrine, p.effect), "open")
    for p in verdict.passed:
        status.setdefault((p.doctrine, p.effect), "passes")
    return status


def edition_change(ctx: Context, scenario: Scenario) -> Problem | None:
    """Edition change: a provision's verdict under one edition of the Constitution differs
    from its verdict under the next only through doctrines whose basis differs between them -
    no doctrine marked as resting on the same basis under both decides it differently."""
    editions = sorted(ctx.catalogue.editions, key=lambda e: e.in_force_from)
    for old, new in itertools.pairwise(editions):
        before_day = old.in_force_to or new.in_force_from - dt.timedelta(days=1)
        before = ctx.evaluator.evaluate(scenario.provision, before_day, old.id)
        after = ctx.evaluator.evaluate(scenario.provision, new.in_force_from, new.id)
        was, now = _per_effect(before), _per_effect(after)
        for doctrine_id, effect in sorted(set(was) | set(now)):
            if was.get((doctrine_id, effect)) == now.get((doctrine_id, effect)):
                continue
            doctrine = ctx.doctrines.get(doctrine_id)
            if doctrine.basis_for(old.id) is None or doctrine.effective > before_day:
                continue  # a doctrine of the new edition only: nothing to compare
            basis = doctrine.basis_for(new.id)
            if basis is not None and basis.status == "same":
                then = was.get((doctrine_id, effect), "does not apply")
                later = now.get((doctrine_id, effect), "does not apply")
                return Problem(
                    f"{doctrine_id} decides effect {effect + 1} differently under {old.id} and "
                    f"{new.id}, yet its basis is marked the same under both",
                    (
                        f"{old.id}: {doctrine_id} {then} -> {outcome_text(before)}",
                        f"{new.id}: {doctrine_id} {later} -> {outcome_text(after)}",
                    ),
                    scenario.provision,
                    new.in_force_from,
                )
    return None
