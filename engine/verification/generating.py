"""The generated examples each property is checked on (Hypothesis strategies built from
a ``Context``); ``strategies`` holds the field-level strategies they are built from."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import strategies as st

from tarazy.engine.analysis import precedent
from tarazy.engine.model import Provision
from tarazy.engine.verification import strategies
from tarazy.engine.verification.case_properties import Precedent, precedents
from tarazy.engine.verification.context import Context
from tarazy.engine.verification.strategies import Scenario


def precedent_examples(ctx: Context) -> st.SearchStrategy[tuple[Precedent, Provision]]:
    """Provisions moved from a precedent towards more restriction (an invalid case) or
    less (a valid one) along the dimensions its doctrine reads, with the justification label
    drawn afresh; nothing when there is no precedent."""
    found = precedents(ctx)
    if not found:
        return st.nothing()

    # The `justification` label is a legal conclusion that decides nothing (docs/stage-model.md):
    # a fortiori must hold whatever it says, so every moved provision draws it afresh.
    labels = st.sampled_from((None, "stated", "none"))

    def relabel(provision: Provision, index: int, label: str | None) -> Provision:
        effects = list(provision.effects)
        effects[index] = attrs.evolve(effects[index], justification=label)
        return attrs.evolve(provision, effects=tuple(effects))

    def moved(p: Precedent) -> st.SearchStrategy[tuple[Precedent, Provision]]:
        dims = [d.id for d in precedent.doctrine_dimensions(ctx.doctrines.get(p.doctrine))]
        direction: strategies.Direction = "up" if p.side == "invalid" else "down"
        return strategies.towards(p.case.provision, p.effect, dims, direction).flatmap(
            lambda f: labels.map(lambda j: (p, relabel(f, p.effect, j)))
        )

    # Built once per precedent, not once per example (flatmap calls its function per draw).
    built = [moved(p) for p in found]
    return st.sampled_from(tuple(range(len(found)))).flatmap(lambda i: built[i])


def irrelevance_examples(ctx: Context) -> st.SearchStrategy[Any]:
    """A scenario, its provision with the labels changed, and a coin for the order of
    the effects."""
    return strategies.scenarios(ctx.catalogue, ctx.seeds).flatmap(
        lambda sc: st.tuples(st.just(sc), strategies.relabelled(sc.provision), st.integers(0, 1))
    )


def absolute_examples(ctx: Context) -> st.SearchStrategy[Scenario]:
    """Provisions denying a right the edition in force on the day (``CHECK_DAYS``) lists
    as never restrictable, among up to two other effects."""

    def for_day(day: dt.date) -> st.SearchStrategy[Scenario]:
        edition = ctx.catalogue.edition_on(day)
        assert edition is not None
        absolute = [
            r for r in ctx.catalogue.right_ids if ctx.catalogue.never_restrictable(r, edition.id)
        ]
        denial = strategies.effects(
            ctx.catalogue, right=st.sampled_from(absolute), kind=st.just("denial")
        )
        others = st.lists(strategies.effects(ctx.catalogue), max_size=2)
        return st.builds(
            lambda d, rest, k, instrument: Scenario(
                Provision("generated", instrument, (*rest[:k], d, *rest[k:])), day
            ),
            denial,
            others,
            st.integers(0, 2),
            strategies.instruments(),
        )

    # Built once per day (and so per edition), not once per example.
    by_day = {day: for_day(day) for day in strategies.CHECK_DAYS}
    return strategies.check_days().flatmap(lambda day: by_day[day])


def scenarios(ctx: Context) -> st.SearchStrategy[Scenario]:
    """Provisions and days drawn from the vocabularies and the seed provisions."""
    return strategies.scenarios(ctx.catalogue, ctx.seeds)
