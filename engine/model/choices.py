"""The values an option may take that the catalogue (``engine/data/catalogue.yaml``) decides:
the editions of the Constitution and the languages of reports.

Read from a loaded ``Catalogue``, never written out as literals, so that an edition or a
language added to the catalogue file becomes a valid ``--edition`` or ``--lang`` at once.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from tarazy.engine.model import Texts
from tarazy.engine.model.catalogue import Catalogue

__all__ = ["complete_languages", "edition_ids", "languages"]


def edition_ids(catalogue: Catalogue) -> tuple[str, ...]:
    """The ids of the catalogue's editions, in the file's order (``("1995-2022", "2026")``)."""
    return catalogue.edition_ids


def _texts(catalogue: Catalogue) -> Iterator[Texts]:
    """Every text of the catalogue: edition titles, right, aim and instrument names."""
    yield from (e.title for e in catalogue.editions)
    for right in catalogue.rights:
        yield right.name
        yield from (u.name for u in right.editions if u.name is not None)
    yield from (a.name for a in catalogue.aims)
    yield from (name for _, name in catalogue.instruments)


def _fields() -> list[str]:
    return [f.name for f in attrs.fields(Texts)]


def languages(catalogue: Catalogue) -> tuple[str, ...]:
    """The languages the catalogue has any text in, in the order of ``Texts``'s fields
    (``("en", "ru", "kk")`` for the bundled catalogue). A text missing in one of them falls
    back as ``Texts.get`` says (kk to ru)."""
    texts = list(_texts(catalogue))
    return tuple(lang for lang in _fields() if any(getattr(t, lang) for t in texts))


def complete_languages(catalogue: Catalogue) -> tuple[str, ...]:
    """The languages every text of the catalogue is written in (``("en", "ru")`` for the
    bundled catalogue: the 2026 edition has no Kazakh title yet). For accounts that print
    the vocabulary itself and so must not fall back."""
    texts = list(_texts(catalogue))
    return tuple(lang for lang in _fields() if all(getattr(t, lang) for t in texts))
