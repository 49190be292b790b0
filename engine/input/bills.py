"""Bill files -> ``Bill``: a list of provisions, or one provision alone.

A provision and its effects are built by ``structuring.structure`` from the model's field
metadata, after the file has passed its published schema (``schemas.bill_schema``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from tarazy.engine.input import schemas
from tarazy.engine.input.catalogues import load_catalogue
from tarazy.engine.input.files import date_at, edition_in_force
from tarazy.engine.input.structuring import structure
from tarazy.engine.input.validation import validate
from tarazy.engine.input.yamlfile import Document, read
from tarazy.engine.model import Bill, Provision, conditions
from tarazy.engine.model.catalogue import Catalogue

__all__ = ["load_bill", "provision_at"]


def provision_at(
    data: Mapping[str, Any],
    doc: Document,
    path: list[str | int],
    defaults: Mapping[str, Any] | None = None,
) -> Provision:
    """The provision at ``path`` (0-based indices) of a schema-valid ``doc``; ``defaults``
    replaces the model's default of fields the file leaves out (``structuring.structure``).
    InputError (file:line) for what the schema cannot check."""
    return cast(Provision, structure(Provision, data, doc, path, defaults))


def load_bill(
    file: str | Path, catalogue: Catalogue | None = None, document: Document | None = None
) -> Bill:
    """A bill file (``provisions:``) or a single-provision file (a mapping with ``effects``);
    ``document``, when given, is the bill already read (standard input), named ``file``."""
    catalogue = catalogue or load_catalogue()
    doc = document if document is not None else read(file)
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error(
            f"expected a bill (a mapping with 'provisions') or a single provision, "
            f"got {conditions.describe_value(data)}"
        )
    if "effects" in data and "provisions" not in data:
        validate(doc, schemas.provision_schema(catalogue), "provision")
        return Bill((provision_at(data, doc, []),), doc.file)
    if "provisions" not in data:
        raise doc.error(
            "expected 'provisions:' (a bill) or 'effects:' (a single provision) at the top level"
        )
    bill_schema = schemas.bill_schema(catalogue)["oneOf"][0]
    if isinstance(data.get("provisions"), list) and not data["provisions"]:
        raise doc.error("the bill has no provisions; expected at least one", ["provisions"])
    validate(doc, bill_schema, "bill")
    meta = data.get("bill") or {}
    provisions = []
    first_line: dict[str, int] = {}
    for i, p in enumerate(data["provisions"]):
        path: list[str | int] = ["provisions", i]
        pid = str(p["id"])
        if pid in first_line:
            raise doc.error(
                f"duplicate provision id '{pid}' (first used on line {first_line[pid]}); "
                "expected ids unique within the file",
                [*path, "id"],
            )
        first_line[pid] = doc.line_of([*path, "id"])
        provisions.append(provision_at(p, doc, path))
    as_of = date_at(meta["as_of"], doc, ["bill", "as_of"]) if "as_of" in meta else None
    if as_of is not None:
        edition_in_force(as_of, catalogue, doc, ["bill", "as_of"])
    return Bill(tuple(provisions), doc.file, meta.get("title"), as_of)
