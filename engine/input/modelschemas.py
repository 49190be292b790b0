"""The JSON Schemas of the model's own classes - an effect, a provision, a bill - built from
the model's field metadata (``model.fields``), and the pieces every schema is made of.

A field declared in the model is in the published schema with no edit here: its type, its
closed values (or the catalogue's), its description, and ``x-expected``, tarazy's own
annotation: the phrase an error message uses when a value matches none of a field's
alternatives. A field's older name is listed too, marked ``deprecated``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import attrs

from tarazy.engine.model import DURATION_UNITS, Duration, Effect, Provision
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.fields import FieldInfo, file_fields, file_key, values

__all__ = [
    "DATE",
    "DRAFT",
    "TEXT",
    "TEXTS",
    "Schema",
    "bill_schema",
    "effect_schema",
    "field_schema",
    "model_schema",
    "provision_schema",
]

Schema = dict[str, Any]
DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE: Schema = {"type": "string", "format": "date", "x-expected": "a date, YYYY-MM-DD"}


def enum(
    vocabulary: Mapping[str, str] | tuple[str, ...], description: str, nullable: bool = False
) -> Schema:
    """One of the vocabulary's ids (or null, when ``nullable``)."""
    ids: list[str | None] = list(vocabulary)
    if nullable:
        ids.append(None)
    return {"enum": ids, "description": description}


def list_of(vocabulary: Mapping[str, str] | tuple[str, ...], description: str) -> Schema:
    """A list of distinct ids of the vocabulary."""
    return {
        "type": "array",
        "items": {"enum": list(vocabulary)},
        "uniqueItems": True,
        "description": description,
    }


def obj(properties: Schema, required: tuple[str, ...] = (), description: str = "") -> Schema:
    """A mapping of exactly these properties (``required`` of them given)."""
    schema: Schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }
    if required:
        schema["required"] = list(required)
    if description:
        schema["description"] = description
    return schema


TEXT: Schema = {"type": "string", "minLength": 1}
TEXTS: Schema = obj(
    {"en": TEXT, "ru": TEXT, "kk": TEXT},
    ("en", "ru"),
    "a text in English and Russian, and Kazakh where given",
)


def _first_sentence(cls: type) -> str:
    """The first sentence of a class's docstring, lower-cased at its start, for a schema's
    description."""
    text = " ".join((cls.__doc__ or "").split())
    sentence = text.split(". ")[0].rstrip(".")
    return sentence[:1].lower() + sentence[1:]


def model_schema(cls: type, catalogue: Catalogue, description: str | None = None) -> Schema:
    """The schema of a model class's file form, from its field metadata (``model.fields``):
    one property per file field (an older name too, marked ``deprecated``), the fields
    without a default required, in declaration order."""
    lists = catalogue.lists()
    properties: Schema = {}
    required = []
    for attribute, field in file_fields(cls):
        key = file_key(attribute, field)
        properties[key] = field_schema(field, attribute.default is None, lists, catalogue)
        for alias in field.aliases:
            properties[alias] = {
                **properties[key],
                "description": f"the older name of '{key}' (still loads): {field.description}",
                "deprecated": True,
            }
        if attribute.default is attrs.NOTHING:
            required.append(key)
    return obj(properties, tuple(required), description or "")


def field_schema(
    field: FieldInfo,
    nullable: bool,
    lists: Mapping[str, tuple[str, ...]],
    catalogue: Catalogue,
) -> Schema:
    """The schema of one file field (``nullable``: its default is None)."""
    form = field.form
    schema: Schema
    if form == "text":
        schema = {"type": ["string", "integer"] if field.numbers else "string"}
        if field.nonempty:
            schema["minLength"] = 1
        if field.pattern:
            schema["pattern"] = field.pattern
    elif form == "choice":
        schema = enum(values(field, lists), field.description, nullable)
    elif form == "choices":
        schema = list_of(values(field, lists), field.description)
    elif form == "flag":
        schema = {"type": "boolean"}
    elif form == "amounts":
        names = cast(Mapping[str, str], field.vocabulary)
        schema = obj(
            {
                name: {"type": "number", "minimum": 0, "description": text}
                for name, text in names.items()
            }
        )
    elif form == "record":
        schema = _record_schema(cast(type, field.model), catalogue)
    else:  # records
        model = cast(type, field.model)
        schema = {
            "type": "array",
            "minItems": field.min_items,
            "items": model_schema(model, catalogue, _first_sentence(model)),
        }
    schema["description"] = field.description
    if field.expected:
        schema["x-expected"] = field.expected
    return schema


def _record_schema(model: type, catalogue: Catalogue) -> Schema:
    if model is Duration:
        return {
            "oneOf": [
                {"type": "null"},
                {"const": "indefinite"},
                *(
                    obj({unit: {"type": "number", "exclusiveMinimum": 0}}, (unit,))
                    for unit in DURATION_UNITS
                ),
                obj({"until": TEXT}, ("until",)),
            ],
        }
    shorthand = getattr(model, "SHORTHAND", None)
    mapping = model_schema(model, catalogue)
    if shorthand is None:
        return mapping
    keys = ", ".join(mapping["properties"])
    return {
        "x-expected": f"a {shorthand}, or a mapping {{{keys}}}",
        "oneOf": [{"type": "null"}, {"type": "string"}, mapping],
    }


def effect_schema(catalogue: Catalogue) -> Schema:
    """The schema of one effect in a bill, case or example file."""
    return model_schema(Effect, catalogue, _first_sentence(Effect))


def provision_schema(catalogue: Catalogue) -> Schema:
    """The schema of one provision (a bill's item, a case's provision)."""
    return model_schema(Provision, catalogue, _first_sentence(Provision))


def bill_schema(catalogue: Catalogue) -> Schema:
    """The bill file: ``bill`` metadata and ``provisions``, or one provision alone."""
    provision = provision_schema(catalogue)
    return {
        "$schema": DRAFT,
        "title": "tarazy bill",
        "description": "A bill: optional metadata and one or more provisions. A single "
        "provision may also be given alone at the top level.",
        "oneOf": [
            obj(
                {
                    "bill": obj({"title": TEXT, "as_of": DATE}),
                    "provisions": {
                        "type": "array",
                        "minItems": 1,
                        "items": provision,
                        "x-expected": "a list of at least one provision",
                    },
                },
                ("provisions",),
            ),
            provision,
        ],
    }
