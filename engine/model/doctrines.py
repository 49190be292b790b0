"""Doctrines as the model holds them: rules drawn from the Court's rulings, as data.

A doctrine's ``basis`` is what it rests on under each edition of the Constitution (the
articles); it is not the trigger of an effect (``Effect.trigger``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from tarazy.engine.model.conditions import Condition
from tarazy.engine.model.provisions import Location, Provision

__all__ = ["Doctrine", "DoctrineExample", "DoctrineSet", "EditionBasis", "Texts"]


@attrs.frozen
class Texts:
    """A text in English and Russian, and Kazakh where the author gave it."""

    en: str
    ru: str
    kk: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang`` (en, ru, kk); Kazakh missing, the Russian text behind the
        visible marker ``[ru] `` (``tarazy doctrine lint`` warns of it: no-kk)."""
        if lang == "kk" and self.kk:
            return self.kk
        if lang == "kk":
            return "[ru] " + self.ru
        if lang == "ru":
            return self.ru
        return self.en


@attrs.frozen
class EditionBasis:
    """What a doctrine rests on under one edition of the Constitution."""

    edition: str
    articles: tuple[str, ...]
    status: Literal["same", "changed", "lapsed"] = "same"
    note: str | None = None
    carried_by: tuple[str, ...] = ()  # doctrines that still carry results this basis lost

    @property
    def applies(self) -> bool:
        """The basis still carries the doctrine (its status is not ``lapsed``)."""
        return self.status != "lapsed"


@attrs.frozen(cache_hash=True)  # a dict key on the hot path; its conditions hash deep
class Doctrine:
    """One rule drawn from the Court's rulings, as data (see docs/design.md, "Doctrine files")."""

    id: str
    title: Texts
    stage: str
    outcome: Literal["violation", "concern"]
    basis: tuple[EditionBasis, ...]
    rulings: tuple[str, ...]
    effective: dt.date
    when: Condition
    reason: Texts
    remedy: Texts
    unless: Condition | None = None
    dimensions: tuple[str, ...] = ()
    not_decided: str | None = None
    # Where the facts the doctrine needs are not stated, it settles nothing: ``open_when``
    # holds, and the stage stays open with ``question`` put to the drafter.
    open_when: Condition | None = None
    question: Texts | None = None
    # General doctrines at the same stage that this special one displaces wherever its
    # ``when`` holds (the special over the general); they are reported as defeated.
    specialises: tuple[str, ...] = ()
    location: Location | None = attrs.field(default=None, eq=False)

    def basis_for(self, edition: str) -> EditionBasis | None:
        """What the doctrine rests on under ``edition``, or None if it states nothing."""
        return next((b for b in self.basis if b.edition == edition), None)

    def applies_under(self, edition: str) -> bool:
        """The doctrine has a basis under ``edition`` that has not lapsed."""
        basis = self.basis_for(edition)
        return basis is not None and basis.applies


@attrs.frozen
class DoctrineSet:
    """The doctrines loaded from one directory, in file-name order."""

    doctrines: tuple[Doctrine, ...]
    source: str
    digest: str  # content hash of the files, for naming compiled rulesets

    def __attrs_post_init__(self) -> None:
        ids = [d.id for d in self.doctrines]
        if len(ids) != len(set(ids)):
            raise ValueError("doctrine ids must be unique")

    def get(self, doctrine_id: str) -> Doctrine:
        """The doctrine with this id; KeyError if the set has none."""
        for doctrine in self.doctrines:
            if doctrine.id == doctrine_id:
                return doctrine
        raise KeyError(doctrine_id)

    @property
    def ids(self) -> tuple[str, ...]:
        """The doctrine ids, in file-name order."""
        return tuple(d.id for d in self.doctrines)


@attrs.frozen
class DoctrineExample:
    """One example next to a doctrine: a provision and what the doctrine must do with it."""

    doctrine: str
    why: str
    as_of: dt.date
    expect: Literal["fires", "open", "passes", "does_not_apply"]
    provision: Provision
    location: Location | None = attrs.field(default=None, eq=False)
    # the verdict of the whole doctrine set (with the case base) the example expects, when it
    # states one: what the rulings say of the provision, not only what its doctrine does
    verdict: str | None = None
