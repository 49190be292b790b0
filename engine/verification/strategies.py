"""Hypothesis strategies for provisions, composed from small named pieces.

Every piece draws from the model's own vocabularies (so the strategies cover the whole bill
schema) and lists its plainest value first, so a failure shrinks towards a provision a
human reads in seconds: one effect, no safeguards, not time-bound, clear, no aims.

Three sources of provisions:

* ``provisions`` — anything the schema allows;
* ``mutated`` — a seed (a decided case's provision, or an example written next to a
  doctrine) with a few facts changed: the neighbourhood of the rulings and of each
  doctrine's boundaries, where faults hide;
* ``scenarios`` — either of the two, with the date of the check (and so the edition).

And moves along the ordered dimensions (``dimensions``): ``moved`` changes one effect on
one dimension to a strictly more or less restrictive value.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any, Literal, cast

import attrs
from hypothesis import strategies as st

from tarazy.engine import model
from tarazy.engine.model import (
    Addressees,
    Case,
    Citation,
    DoctrineExample,
    Duration,
    Effect,
    Provision,
)
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.dimensions import DIMENSIONS, Dimension
from tarazy.engine.model.fields import FieldInfo, file_fields, info, values

Direction = Literal["up", "down"]  # up: more restrictive; down: less restrictive

# The dates checks are made on: the last day of the 1995-2022 edition and a day under the
# 2026 edition, both after every bundled doctrine took effect.
CHECK_DAYS = (dt.date(2026, 6, 30), dt.date(2026, 11, 1))
FIXED_YEARS = (1.0, 2.0, 3.0, 5.0, 10.0, 25.0)
FIXED_HOURS = (48.0, 72.0, 73.0, 96.0)
AMOUNTS = (1.0, 0.5, 2.0, 5.0, 10.0, 50.0, 100.0)
LABELS = ("persons affected", "applicants", "convicts", "officials", "heirs", "organisers")


@attrs.frozen
class Scenario:
    """A provision and the date it is checked on (which fixes the edition)."""

    provision: Provision
    as_of: dt.date
    origin: str = "generated"  # or the id of the case it was mutated from


# --------------------------------------------------------------------------- pieces


def one_of_values(values: Sequence[Any]) -> st.SearchStrategy[Any]:
    """One of ``values``, shrinking to the first."""
    return st.sampled_from(tuple(values))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """None (shrunk to) or a value of ``strategy``."""
    return st.one_of(st.none(), strategy)


def subsets(values: Sequence[str], max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    """A sorted tuple of distinct ``values``, at most ``max_size``, shrinking to ()."""
    return st.lists(st.sampled_from(tuple(values)), unique=True, max_size=max_size).map(
        lambda xs: tuple(sorted(xs))
    )


def instruments() -> st.SearchStrategy[str]:
    """An instrument, shrinking towards the plainest (a law)."""
    attribute = attrs.fields(Provision).instrument
    return field_strategy(attribute, cast(FieldInfo, info(attribute)), None)


def durations() -> st.SearchStrategy[Duration]:
    """Not time-bound, a fixed term (in years, or in hours around 72), until a condition,
    or indefinite."""
    return st.one_of(
        st.just(Duration()),
        st.sampled_from(FIXED_YEARS).map(lambda y: Duration("fixed", years=y)),
        # terms in hours around 1995 Art. 16(2)'s 72-hour limit on detention without a court
        st.sampled_from(FIXED_HOURS).map(lambda h: Duration.term(h, "hours")),
        st.just(Duration("until_condition", until="a condition ends")),
        st.just(Duration("indefinite")),
    )


def addressees() -> st.SearchStrategy[Addressees]:
    """A label from ``LABELS`` and the other fields as the model declares them (a breadth
    or none; the category, which no doctrine reads, left out)."""
    fields = model_fields(Addressees, None)
    return st.builds(Addressees, **{**fields, Addressees.SHORTHAND: st.sampled_from(LABELS)})


# Records with a strategy of their own (by class, never by field name); any other record
# is built field by field.
_RECORDS: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Duration: durations,
    Addressees: addressees,
}


def field_strategy(
    attribute: attrs.Attribute[Any], field: FieldInfo, catalogue: Catalogue | None
) -> st.SearchStrategy[Any]:
    """The values of one file field, from the model's metadata (``model.fields``): a closed
    value (None too when optional), a subset of at most ``field.most``, a flag, named
    amounts, or a record; plain values first, so failures shrink to a readable provision.
    Text is not drawn (no doctrine reads it; ``relabelled`` varies it): the default, or
    "generated" for a required text (an id). ``catalogue`` may be None for a field that
    takes no catalogue values."""
    lists = catalogue.lists() if catalogue else {}
    form = field.form
    if form == "choice":
        ids = values(field, lists)
        if field.plainest is not None:  # shrink towards the plainest value
            ids = (field.plainest, *[i for i in ids if i != field.plainest])
        return optional(one_of_values(ids)) if attribute.default is None else one_of_values(ids)
    if form == "choices":
        return subsets(values(field, lists), max_size=field.most)
    if form == "flag":
        return st.booleans()
    if form == "amounts":
        return st.dictionaries(
            st.sampled_from(values(field, lists)), st.sampled_from(AMOUNTS), max_size=field.most
        ).map(lambda d: tuple(sorted(d.items())))
    if form == "record":
        model = cast(type, field.model)
        if model in _RECORDS:
            return _RECORDS[model]()
        return st.builds(model, **model_fields(model, catalogue))
    if form == "records":
        assert catalogue is not None, "records of effects need the catalogue"
        return st.lists(effects(catalogue), min_size=max(1, field.min_items), max_size=3).map(tuple)
    if attribute.default is attrs.NOTHING:
        return st.just("generated")
    return st.just(attribute.default)


def model_fields(cls: type, catalogue: Catalogue | None) -> dict[str, st.SearchStrategy[Any]]:
    """One strategy per file field of a model class (``Effect``, ``Provision``), by name."""
    return {
        attribute.name: field_strategy(attribute, field, catalogue)
        for attribute, field in file_fields(cls)
    }


def effect_fields(catalogue: Catalogue) -> dict[str, st.SearchStrategy[Any]]:
    """One strategy per field of an effect: the pieces ``effects`` and mutations use."""
    return model_fields(Effect, catalogue)


def effects(catalogue: Catalogue, **fixed: st.SearchStrategy[Any]) -> st.SearchStrategy[Effect]:
    """Any effect the schema allows; ``fixed`` replaces the strategy of named fields."""
    return st.builds(Effect, **{**effect_fields(catalogue), **fixed})


def provisions(
    catalogue: Catalogue, max_effects: int = 3, effect: st.SearchStrategy[Effect] | None = None
) -> st.SearchStrategy[Provision]:
    """Any provision the schema allows, of one to ``max_effects`` effects."""
    return st.builds(
        Provision,
        **{
            **model_fields(Provision, catalogue),
            "effects": st.lists(effect or effects(catalogue), min_size=1, max_size=max_effects).map(
                tuple
            ),
        },
    )


def check_days() -> st.SearchStrategy[dt.date]:
    """A day a check is made on (``CHECK_DAYS``: one under each edition)."""
    return st.sampled_from(CHECK_DAYS)


# --------------------------------------------------------------------------- mutations


@attrs.frozen
class Mutation:
    """One fact of a provision changed: an effect's field (effect index taken modulo the
    number of effects, 0-based) or a field of the provision itself."""

    field: str  # an effect field, or a closed field of the provision (its instrument)
    effect: int
    value: Any

    def apply(self, provision: Provision) -> Provision:
        """The provision with the change made."""
        if self.field in _provision_choices():
            return attrs.evolve(provision, **{self.field: self.value})
        effects = list(provision.effects)
        i = self.effect % len(effects)
        effects[i] = attrs.evolve(effects[i], **{self.field: self.value})
        return attrs.evolve(provision, effects=tuple(effects))


@functools.cache
def _provision_choices() -> dict[str, st.SearchStrategy[Any]]:
    """The closed fields of a provision itself (not of its effects), with their strategies."""
    return {
        a.name: field_strategy(a, field, None)
        for a, field in file_fields(Provision)
        if field.form == "choice" and field.catalogue is None
    }


def mutations(catalogue: Catalogue) -> st.SearchStrategy[Mutation]:
    """A change of a closed field of the provision (its instrument) or of one effect field,
    to a value the model allows."""
    fields = effect_fields(catalogue)
    own = _provision_choices()
    return st.one_of(
        st.sampled_from(tuple(own)).flatmap(
            lambda name: st.builds(Mutation, st.just(name), st.just(0), own[name])
        ),
        st.sampled_from(tuple(fields)).flatmap(
            lambda name: st.builds(Mutation, st.just(name), st.integers(0, 2), fields[name])
        ),
    )


def seeds_from(
    cases: Sequence[Case], examples: Sequence[DoctrineExample] = ()
) -> tuple[Scenario, ...]:
    """The provisions tarazy knows to sit near the doctrines: the decided cases (on their
    dates) and the examples written next to each doctrine."""
    return (
        *(Scenario(c.provision, c.date, c.id) for c in cases),
        *(Scenario(e.provision, e.as_of, f"example of {e.doctrine}") for e in examples),
    )


def mutated(catalogue: Catalogue, seeds: Sequence[Scenario]) -> st.SearchStrategy[Scenario]:
    """A seed provision with up to three facts changed (shrinks back to the seed itself)."""
    if not seeds:
        return st.nothing()

    def build(seed: Scenario, changes: list[Mutation]) -> Scenario:
        provision = seed.provision
        for change in changes:
            provision = change.apply(provision)
        return Scenario(provision, seed.as_of, seed.origin)

    return st.builds(
        build, st.sampled_from(tuple(seeds)), st.lists(mutations(catalogue), max_size=3)
    )


def scenarios(catalogue: Catalogue, seeds: Sequence[Scenario] = ()) -> st.SearchStrategy[Scenario]:
    """Anything the schema allows, or a mutated seed - half and half."""
    generated = st.builds(Scenario, provisions(catalogue), check_days())
    return st.one_of(generated, mutated(catalogue, seeds)) if seeds else generated


# --------------------------------------------------------------------------- moves


def _candidates(dim: Dimension, current: Any) -> tuple[Any, ...]:
    if dim.id == "safeguards":
        # Fewer safeguards is more restrictive: every subset and superset by one step.
        present = frozenset(current)
        down = [present | {s} for s in model.SAFEGUARDS if s not in present]
        up = [present - {s} for s in present]
        return (*up, *down)
    return dim.values(current)


def strictly(dim: Dimension, current: Any, direction: Direction) -> tuple[Any, ...]:
    """The values of a dimension strictly more (up) or less (down) restrictive than current."""
    wanted = 1 if direction == "up" else -1
    return tuple(v for v in _candidates(dim, current) if dim.compare(v, current) == wanted)


def at_least(dim: Dimension, current: Any, direction: Direction) -> tuple[Any, ...]:
    """The values at least as restrictive (up) or at most as restrictive (down) as current."""
    return (current, *strictly(dim, current, direction))


@attrs.frozen
class Move:
    """One effect (0-based) moved one step up or down one dimension."""

    dimension: str
    effect: int
    before: Any
    after: Any
    direction: Direction

    def describe(self) -> str:
        """The move for reports: ``more restrictive on D: before -> after``."""
        word = "more" if self.direction == "up" else "less"
        return (
            f"{word} restrictive on {self.dimension}: {_show(self.before)} -> {_show(self.after)}"
        )


def _show(value: Any) -> str:
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(value)) + "}"
    return str(value)


def all_moves(
    provision: Provision,
    direction: Direction,
    dimensions: Sequence[str] | None = None,
    effects: Sequence[int] | None = None,
) -> list[tuple[Provision, Move]]:
    """Every one-step move of one effect strictly up or down one dimension. Only moves that
    exist are listed: an indefinite ban cannot get longer."""
    options = []
    for i in effects if effects is not None else range(len(provision.effects)):
        effect = provision.effects[i]
        for dim_id in dimensions if dimensions is not None else DIMENSIONS:
            dim = DIMENSIONS[dim_id]
            current = dim.get(provision, effect)
            for value in strictly(dim, current, direction):
                move = Move(dim_id, i, current, value, direction)
                options.append((dim.set(provision, i, value), move))
    return options


def towards(
    provision: Provision, effect: int, dimensions: Sequence[str], direction: Direction
) -> st.SearchStrategy[Provision]:
    """The provision with one effect moved, on each given dimension, to a value at least as
    restrictive (up) or at most as restrictive (down) - every other fact unchanged."""
    pieces: list[Callable[[Provision], st.SearchStrategy[Provision]]] = []
    for dim_id in dimensions:
        dim = DIMENSIONS[dim_id]

        def step(p: Provision, dim: Dimension = dim) -> st.SearchStrategy[Provision]:
            current = dim.get(p, p.effects[effect])
            return st.sampled_from(at_least(dim, current, direction)).map(
                lambda v: dim.set(p, effect, v)
            )

        pieces.append(step)
    strategy: st.SearchStrategy[Provision] = st.just(provision)
    for piece in pieces:
        strategy = strategy.flatmap(piece)
    return strategy


# --------------------------------------------------------------------------- relabelling


def relabelled(provision: Provision) -> st.SearchStrategy[tuple[Provision, tuple[int, ...]]]:
    """The same provision with what no doctrine reads changed: id, title, citation, text,
    addressee labels and categories, and the order of its effects. Also returns the new
    order: position k of the result holds effect ``order[k]`` of the original."""

    def build(parts: tuple[Any, ...]) -> tuple[Provision, tuple[int, ...]]:
        pid, title, cite, body, names, order = parts
        effects = []
        for k, i in enumerate(order):
            effect = provision.effects[i]
            label, category = names[k]
            who = attrs.evolve(effect.addressees, label=label, category=category)
            effects.append(attrs.evolve(effect, addressees=who))
        changed = attrs.evolve(
            provision, id=pid, title=title, citation=cite, text=body, effects=tuple(effects)
        )
        return changed, tuple(order)

    return _relabellings(len(provision.effects)).map(build)


@functools.cache
def _relabellings(count: int) -> st.SearchStrategy[tuple[Any, ...]]:
    # Built once per number of effects (the regex and text strategies are costly to build,
    # and relabelled is asked for once per example).
    text = st.text(alphabet="abcdefghijklmnopqrstuvwxyz абвгд", min_size=1, max_size=12)
    return st.tuples(
        st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
        optional(text),
        st.builds(Citation, act=optional(text), article=optional(st.sampled_from(("1", "7-1")))),
        optional(text),
        st.lists(st.tuples(text, optional(text)), min_size=count, max_size=count),
        st.permutations(range(count)),
    )
