"""Rights, aims and editions of the Constitution, per edition.

Right ids are stable across editions; article numbers, names and whether a right may
ever be restricted are per edition. The data lives in ``engine/data/catalogue.yaml``;
each entry records the source it rests on.
"""

from __future__ import annotations

import datetime as dt

import attrs

from tarazy.engine.model import Texts


@attrs.frozen
class Edition:
    id: str
    title: Texts
    in_force_from: dt.date
    in_force_to: dt.date | None
    restriction_clause: str  # the article: "39" (1995-2022) or "41" (2026)
    source: str

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force_from <= day and (self.in_force_to is None or day <= self.in_force_to)


@attrs.frozen
class RightUnderEdition:
    edition: str
    article: str  # "13(2)"
    never_restrictable: bool
    source: str
    name: Texts | None = None  # where the edition renames the right
    note: str | None = None


@attrs.frozen
class Right:
    id: str
    name: Texts
    editions: tuple[RightUnderEdition, ...]

    def under(self, edition: str) -> RightUnderEdition | None:
        return next((e for e in self.editions if e.edition == edition), None)

    def name_under(self, edition: str) -> Texts:
        entry = self.under(edition)
        return entry.name if entry is not None and entry.name is not None else self.name


@attrs.frozen
class Admission:
    """An edition's clause admitting an aim: the general restriction clause, or a
    right's own clause (then ``rights`` names the rights it covers)."""

    edition: str
    article: str
    rights: tuple[str, ...] = ()

    def covers(self, edition: str, right: str) -> bool:
        return self.edition == edition and (not self.rights or right in self.rights)


@attrs.frozen
class Aim:
    id: str
    name: Texts
    admitted: tuple[Admission, ...]
    source: str

    def admitted_for(self, edition: str, right: str) -> str | None:
        """The article admitting this aim for a restriction of ``right``, if any."""
        return next((a.article for a in self.admitted if a.covers(edition, right)), None)


@attrs.frozen
class Catalogue:
    """The rights catalogue (engine/data/catalogue.yaml, read by ``input.catalogues``): the
    editions of the Constitution in force order, the rights with their article per edition,
    the admitted aims, and the names of the instruments in each language.

    Lookups by id (``edition``, ``right``) raise ``KeyError`` for an unknown id; the loader
    has already refused unknown ids in files."""

    editions: tuple[Edition, ...]
    rights: tuple[Right, ...]
    aims: tuple[Aim, ...]
    instruments: tuple[tuple[str, Texts], ...]

    def edition(self, edition_id: str) -> Edition:
        for edition in self.editions:
            if edition.id == edition_id:
                return edition
        raise KeyError(edition_id)

    def edition_on(self, day: dt.date) -> Edition | None:
        return next((e for e in self.editions if e.in_force_on(day)), None)

    def right(self, right_id: str) -> Right:
        for right in self.rights:
            if right.id == right_id:
                return right
        raise KeyError(right_id)

    def aim(self, aim_id: str) -> Aim:
        for aim in self.aims:
            if aim.id == aim_id:
                return aim
        raise KeyError(aim_id)

    @property
    def edition_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.editions)

    @property
    def right_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rights)

    @property
    def aim_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.aims)

    def lists(self) -> dict[str, tuple[str, ...]]:
        """The id lists a model field may take its values from (``FieldInfo.catalogue``:
        "rights" or "aims")."""
        return {"rights": self.right_ids, "aims": self.aim_ids}

    def never_restrictable(self, right_id: str, edition: str) -> bool:
        entry = self.right(right_id).under(edition)
        return entry is not None and entry.never_restrictable

    def article(self, right_id: str, edition: str) -> str | None:
        entry = self.right(right_id).under(edition)
        return entry.article if entry is not None else None

    def instrument_name(self, instrument: str, lang: str = "en") -> str:
        return dict(self.instruments)[instrument].get(lang)
