"""The edition property's straddling provisions (issue 13): for every difference between
two editions of the Constitution the catalogue records (a right that left or joined the
never-restrictable list, an aim one edition admits and the other does not), a provision
built on that difference, checked under both editions."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import attrs

from tarazy.engine.model import Effect, Provision
from tarazy.engine.model.catalogue import Edition
from tarazy.engine.verification.context import Context, Problem, outcome_text
from tarazy.engine.verification.invariants import edition_change
from tarazy.engine.verification.strategies import Scenario


@attrs.frozen
class Straddle:
    """A provision built on one difference between two editions the catalogue knows: a right
    whose never-restrictable flag differs, or an aim one edition admits for the right and the
    other does not."""

    provision: Provision
    old: str
    new: str
    difference: str  # "right <id>" or "aim <id>"


def _editions_in_order(ctx: Context) -> list[Edition]:
    return sorted(ctx.catalogue.editions, key=lambda e: e.in_force_from)


def straddles(ctx: Context) -> list[Straddle]:
    """Provisions that straddle every difference between consecutive editions: every effect
    of the decided cases and doctrine examples moved onto each right whose never-restrictable
    flag differs, and every right restricted (banned, conditioned) for each aim admitted for
    it under one edition only."""
    from tarazy.engine.model.facts import effect_facts

    found: dict[tuple[Any, ...], Straddle] = {}
    restrictive = ("condition", "ban", "deprivation", "procedural_limit", "sanction")
    for old, new in itertools.pairwise(_editions_in_order(ctx)):
        flipped = [
            r
            for r in ctx.catalogue.right_ids
            if ctx.catalogue.never_restrictable(r, old.id)
            != ctx.catalogue.never_restrictable(r, new.id)
            and ctx.catalogue.article(r, old.id) is not None
            and ctx.catalogue.article(r, new.id) is not None
        ]
        for seed in ctx.seeds:
            for effect in seed.provision.effects:
                if effect.kind == "differentiation":
                    continue
                for right in flipped:
                    moved = attrs.evolve(effect, right=right, location=None)
                    provision = Provision("straddle", seed.provision.instrument, (moved,))
                    found.setdefault(
                        (provision, old.id), Straddle(provision, old.id, new.id, f"right {right}")
                    )
        for right in ctx.catalogue.right_ids:
            if ctx.catalogue.article(right, old.id) is None:
                continue
            if ctx.catalogue.article(right, new.id) is None:
                continue
            for aim in ctx.catalogue.aim_ids:
                for kind in restrictive[:2]:
                    effect = Effect(right=right, kind=kind, aims=(aim,), clarity="clear")
                    provision = Provision("straddle", "law", (effect,))
                    then = effect_facts(provision, effect, old.id, ctx.catalogue)
                    now = effect_facts(provision, effect, new.id, ctx.catalogue)
                    if then["has_inadmissible_aim"] != now["has_inadmissible_aim"]:
                        found.setdefault(
                            (provision, old.id),
                            Straddle(provision, old.id, new.id, f"aim {aim}"),
                        )
    return list(found.values())


def _edition_day(ctx: Context, edition_id: str, later: bool) -> dt.date:
    editions = _editions_in_order(ctx)
    i = [e.id for e in editions].index(edition_id)
    e = editions[i]
    if later:
        return e.in_force_from
    return e.in_force_to or editions[i + 1].in_force_from - dt.timedelta(days=1)


def edition_straddle(ctx: Context, item: Straddle) -> Problem | None:
    """On a provision built to straddle a difference between two editions: the doctrines
    whose basis is marked the same decide it the same under both; under the edition that
    lets the right be restricted, its absolute-rights stage fails only on political grounds,
    and under the one that lists it, a denial fails that stage; an aim the edition in force
    does not admit for the right fails the legitimate-aim stage, and one it admits does not."""
    from tarazy.engine.model.facts import effect_facts

    problem = edition_change(ctx, Scenario(item.provision, _edition_day(ctx, item.old, False)))
    if problem is not None:
        return problem
    effect = item.provision.effects[0]
    for edition_id, later in ((item.old, False), (item.new, True)):
        day = _edition_day(ctx, edition_id, later)
        verdict = ctx.evaluator.evaluate(item.provision, day, edition_id)
        absolute = verdict.stages[0].status("absolute_rights")
        aim = verdict.stages[0].status("legitimate_aim")
        listed = ctx.catalogue.never_restrictable(effect.right, edition_id)
        facts = effect_facts(item.provision, effect, edition_id, ctx.catalogue)
        wrong = None
        if item.difference.startswith("right") and not listed and not effect.political_grounds:
            if absolute == "fails":
                wrong = (
                    f"the absolute-rights stage fails under {edition_id}, which lets "
                    f"{effect.right} be restricted",
                    f"catalogue: {effect.right} is not never restrictable under {edition_id}",
                )
        elif item.difference.startswith("right") and listed and effect.kind == "denial":
            if absolute != "fails":
                wrong = (
                    f"a denial of {effect.right} does not fail the absolute-rights stage "
                    f"under {edition_id}, which lists it as never restrictable",
                    f"catalogue: {effect.right} is never restrictable under {edition_id}",
                )
        elif item.difference.startswith("aim") and aim in ("fails", "passes", "open"):
            inadmissible = bool(facts["has_inadmissible_aim"])
            if inadmissible and aim != "fails":
                wrong = (
                    f"an aim {edition_id} does not admit for {effect.right} "
                    f"({', '.join(effect.aims)}) does not fail the legitimate-aim stage ({aim})",
                    f"catalogue: {', '.join(effect.aims)} not admitted under {edition_id}",
                )
            elif not inadmissible and aim == "fails":
                wrong = (
                    f"an aim {edition_id} admits for {effect.right} ({', '.join(effect.aims)}) "
                    "fails the legitimate-aim stage",
                    f"catalogue: {', '.join(effect.aims)} admitted under {edition_id}",
                )
        if wrong is not None:
            return Problem(
                wrong[0],
                (f"doctrines ({edition_id}): {outcome_text(verdict)}", wrong[1]),
                item.provision,
                day,
            )
    return None


def edition_items(ctx: Context) -> list[Any]:
    """The finite items of the edition property: the seed provisions and the straddles."""
    return [*ctx.seeds, *straddles(ctx)]


def edition_item_check(ctx: Context, item: Any) -> Problem | None:
    """Check one finite item: a straddle against both editions, a seed as
    ``edition_change`` checks a generated scenario."""
    if isinstance(item, Straddle):
        return edition_straddle(ctx, item)
    return edition_change(ctx, item)
