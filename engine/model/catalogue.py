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
    """One text of the Constitution: its id ("1995-2022", "2026"), its title, the days it
    is in force (both inclusive; ``in_force_to`` None while in force), the article of its
    general restriction clause, and the source it was read from."""

    id: str
    title: Texts
    in_force_from: dt.date
    in_force_to: dt.date | None
    restriction_clause: str  # the article: "39" (1995-2022) or "41" (2026)
    source: str

    def in_force_on(self, day: dt.date) -> bool:
        """Whether this edition is in force on ``day`` (both ends inclusive)."""
        return self.in_force_from <= day and (self.in_force_to is None or day <= self.in_force_to)


@attrs.frozen
class RightUnderEdition:
    """A right under one edition: its article there ("13(2)"), whether that edition lists
    it among the rights never restricted, the source, and the name where the edition
    renames it."""

    edition: str
    article: str  # "13(2)"
    never_restrictable: bool
    source: str
    name: Texts | None = None  # where the edition renames the right
    note: str | None = None


@attrs.frozen
class Right:
    """A constitutional right: a stable id across editions, its name, and its entries under
    each edition that has it."""

    id: str
    name: Texts
    editions: tuple[RightUnderEdition, ...]

    def under(self, edition: str) -> RightUnderEdition | None:
        """The right under ``edition``, or None when that edition does not have it."""
        return next((e for e in self.editions if e.edition == edition), None)

    def name_under(self, edition: str) -> Texts:
        """The right's name as ``edition`` gives it (its own name where not renamed)."""
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
        """Whether this admission admits the aim for ``right`` under ``edition``."""
        return self.edition == edition and (not self.rights or right in self.rights)


@attrs.frozen
class Aim:
    """An aim a restriction may pursue, with the clauses of each edition admitting it."""

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
        """The edition with this id; ``KeyError`` for an unknown id."""
        for edition in self.editions:
            if edition.id == edition_id:
                return edition
        raise KeyError(edition_id)

    def edition_on(self, day: dt.date) -> Edition | None:
        """The edition in force on ``day``, or None before the first one."""
        return next((e for e in self.editions if e.in_force_on(day)), None)

    def right(self, right_id: str) -> Right:
        """The right with this id; ``KeyError`` for an unknown id."""
        for right in self.rights:
            if right.id == right_id:
                return right
        raise KeyError(right_id)

    def aim(self, aim_id: str) -> Aim:
        """The aim with this id; ``KeyError`` for an unknown id."""
        for aim in self.aims:
            if aim.id == aim_id:
                return aim
        raise KeyError(aim_id)

    @property
    def edition_ids(self) -> tuple[str, ...]:
        """The edition ids, oldest first."""
        return tuple(e.id for e in self.editions)

    @property
    def right_ids(self) -> tuple[str, ...]:
        """The right ids, in the catalogue's order."""
        return tuple(r.id for r in self.rights)

    @property
    def aim_ids(self) -> tuple[str, ...]:
        """The aim ids, in the catalogue's order."""
        return tuple(a.id for a in self.aims)

    def lists(self) -> dict[str, tuple[str, ...]]:
        """The id lists a model field may take its values from (``FieldInfo.catalogue``:
        "rights" or "aims")."""
        return {"rights": self.right_ids, "aims": self.aim_ids}

    def never_restrictable(self, right_id: str, edition: str) -> bool:
        """Whether ``edition`` lists the right among those never restricted (1995 Art.
        39(3), 2026 Art. 41(3)); ``KeyError`` for an unknown right."""
        entry = self.right(right_id).under(edition)
        return entry is not None and entry.never_restrictable

    def article(self, right_id: str, edition: str) -> str | None:
        """The right's article under ``edition`` ("13(2)"), or None where it has none."""
        entry = self.right(right_id).under(edition)
        return entry.article if entry is not None else None

    def instrument_name(self, instrument: str, lang: str = "en") -> str:
        """The instrument's name in ``lang`` (English where not translated)."""
        return dict(self.instruments)[instrument].get(lang)
