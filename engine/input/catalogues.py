"""The rights catalogue file -> ``Catalogue``: editions, rights, aims and instruments."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, cast

from tarazy.engine.input import schemas
from tarazy.engine.input.files import CATALOGUE_FILE, date_at, texts
from tarazy.engine.input.validation import validate
from tarazy.engine.input.yamlfile import read
from tarazy.engine.model import conditions
from tarazy.engine.model.catalogue import (
    Admission,
    Aim,
    Catalogue,
    Edition,
    Right,
    RightUnderEdition,
)

__all__ = ["load_catalogue"]


@functools.cache
def _default_catalogue() -> Catalogue:
    return load_catalogue(CATALOGUE_FILE)


def load_catalogue(file: str | Path | None = None) -> Catalogue:
    """The rights catalogue (the bundled one unless a file is given)."""
    if file is None:
        return _default_catalogue()
    doc = read(file)
    validate(doc, schemas.catalogue_schema(), "catalogue")
    data = cast(dict[str, Any], doc.data)
    editions = tuple(
        Edition(
            id=e["id"],
            title=texts(e["title"]),
            in_force_from=date_at(e["in_force_from"], doc, ["editions", i]),
            in_force_to=(
                date_at(e["in_force_to"], doc, ["editions", i]) if e.get("in_force_to") else None
            ),
            restriction_clause=e["restriction_clause"],
            source=e["source"],
        )
        for i, e in enumerate(data["editions"])
    )
    # Second pass with edition ids known, so a misspelt edition key is caught too.
    validate(doc, schemas.catalogue_schema(tuple(e.id for e in editions)), "catalogue")
    rights = tuple(
        Right(
            id=r["id"],
            name=texts(r["name"]),
            editions=tuple(
                RightUnderEdition(
                    edition=ed,
                    article=entry["article"],
                    never_restrictable=entry["never_restrictable"],
                    source=entry["source"],
                    name=texts(entry["name"]) if "name" in entry else None,
                    note=entry.get("note"),
                )
                for ed, entry in r["editions"].items()
            ),
        )
        for r in data["rights"]
    )
    right_ids = {r.id for r in rights}
    aims = []
    for i, a in enumerate(data["aims"]):
        admissions = []
        for j, entry in enumerate(a["admitted"]):
            for k, right in enumerate(entry.get("rights", ())):
                if right not in right_ids:
                    raise doc.error(
                        conditions.unknown_message(right, sorted(right_ids), "right"),
                        ["aims", i, "admitted", j, "rights", k],
                    )
            admissions.append(
                Admission(entry["edition"], entry["article"], tuple(entry.get("rights", ())))
            )
        aims.append(Aim(a["id"], texts(a["name"]), tuple(admissions), a["source"]))
    for what, ids, key in (
        ("right", [r.id for r in rights], "rights"),
        ("aim", [a.id for a in aims], "aims"),
    ):
        seen: set[str] = set()
        for i, item_id in enumerate(ids):
            if item_id in seen:
                raise doc.error(f"duplicate {what} id '{item_id}'", [key, i, "id"])
            seen.add(item_id)
    instruments = tuple((k, texts(v)) for k, v in data["instruments"].items())
    return Catalogue(editions, rights, tuple(aims), instruments)
