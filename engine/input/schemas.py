"""The published JSON Schemas of tarazy's file formats (bill, doctrine, case, catalogue).

They are generated from the model's vocabularies and the rights catalogue, so the
schema a user validates against and the checks the loader runs can never drift apart.
``x-expected`` is tarazy's own annotation: the phrase an error message uses when a value
matches none of a field's alternatives. `tarazy schema KIND` prints each schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import attrs

from tarazy.engine import model
from tarazy.engine.model import DURATION_UNITS, Duration, Effect, Provision, provisions
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.fields import FieldInfo, file_fields, file_key, values

Schema = dict[str, Any]
DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = provisions.ID_PATTERN
CASE_ID_PATTERN = r"^KZ-CC-NR-[0-9]{4}-[0-9]+$"
ARTICLE_PATTERN = r"^[0-9]+(-[0-9]+)?(\([0-9]+\))*$"
DATE: Schema = {"type": "string", "format": "date", "x-expected": "a date, YYYY-MM-DD"}


def _enum(
    vocabulary: Mapping[str, str] | tuple[str, ...], description: str, nullable: bool = False
) -> Schema:
    ids: list[str | None] = list(vocabulary)
    if nullable:
        ids.append(None)
    return {"enum": ids, "description": description}


def _list_of(vocabulary: Mapping[str, str] | tuple[str, ...], description: str) -> Schema:
    return {
        "type": "array",
        "items": {"enum": list(vocabulary)},
        "uniqueItems": True,
        "description": description,
    }


def _obj(properties: Schema, required: tuple[str, ...] = (), description: str = "") -> Schema:
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
TEXTS: Schema = _obj(
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
    lists = {"rights": catalogue.right_ids, "aims": catalogue.aim_ids}
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
    return _obj(properties, tuple(required), description or "")


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
        schema = _enum(values(field, lists), field.description, nullable)
    elif form == "choices":
        schema = _list_of(values(field, lists), field.description)
    elif form == "flag":
        schema = {"type": "boolean"}
    elif form == "amounts":
        names = cast(Mapping[str, str], field.vocabulary)
        schema = _obj(
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
                    _obj({unit: {"type": "number", "exclusiveMinimum": 0}}, (unit,))
                    for unit in DURATION_UNITS
                ),
                _obj({"until": TEXT}, ("until",)),
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
    provision = provision_schema(catalogue)
    return {
        "$schema": DRAFT,
        "title": "tarazy bill",
        "description": "A bill: optional metadata and one or more provisions. A single "
        "provision may also be given alone at the top level.",
        "oneOf": [
            _obj(
                {
                    "bill": _obj({"title": TEXT, "as_of": DATE}),
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


def doctrine_schema(catalogue: Catalogue) -> Schema:
    condition: Schema = {
        "type": "object",
        "minProperties": 1,
        "description": "a condition over one effect (see the condition language in "
        "engine/model/conditions.py); field names are checked when the doctrine loads",
    }
    basis = _obj(
        {
            "articles": {
                "type": "array",
                "items": {
                    "type": "string",
                    "pattern": ARTICLE_PATTERN,
                    "x-expected": "an article such as 13(2) or 39(1)",
                },
            },
            "status": _enum(
                ("same", "changed", "lapsed"), "how the basis fares under this edition"
            ),
            "note": TEXT,
            "carried_by": {
                "type": "array",
                "items": {"type": "string"},
                "description": "doctrines that still carry results this basis no longer does",
            },
        },
        ("articles",),
    )
    return {
        "$schema": DRAFT,
        "title": "tarazy doctrine",
        **_obj(
            {
                "id": {
                    "type": "string",
                    "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
                    "x-expected": "a lower-case id with hyphens, equal to the file name",
                },
                "title": TEXTS,
                "stage": _enum(model.STAGES, "stage of the proportionality test"),
                "outcome": _enum(model.DOCTRINE_OUTCOMES, "what firing means"),
                "basis": {
                    "type": "object",
                    "propertyNames": {"enum": list(catalogue.edition_ids)},
                    "additionalProperties": basis,
                    "minProperties": 1,
                    "description": "per edition of the Constitution, the articles it rests on",
                },
                "rulings": {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "pattern": CASE_ID_PATTERN,
                        "x-expected": "a case id such as KZ-CC-NR-2023-03",
                    },
                },
                "effective": DATE,
                "when": condition,
                "unless": condition,
                "open_when": condition,
                "question": TEXTS,
                "specialises": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "general doctrines at the same stage this one displaces "
                    "where its 'when' holds",
                },
                "reason": TEXTS,
                "remedy": TEXTS,
                "dimensions": {"type": "array", "items": {"type": "string"}},
                "not_decided": TEXT,
                "notes": TEXT,
            },
            (
                "id",
                "title",
                "stage",
                "outcome",
                "basis",
                "rulings",
                "effective",
                "when",
                "reason",
                "remedy",
            ),
        ),
    }


def doctrine_examples_schema(catalogue: Catalogue) -> Schema:
    return {
        "$schema": DRAFT,
        "title": "tarazy doctrine examples",
        "description": "Examples next to a doctrine (doctrines/tests/<id>.yaml): provisions and "
        "what the doctrine must do with each.",
        **_obj(
            {
                "doctrine": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
                "examples": {
                    "type": "array",
                    "minItems": 1,
                    "items": _obj(
                        {
                            "why": TEXT,
                            "as_of": DATE,
                            "expect": _enum(
                                ("fires", "open", "passes", "does_not_apply"),
                                "what the doctrine must do",
                            ),
                            "verdict": _enum(
                                model.VERDICT_OUTCOMES,
                                "the verdict of the whole doctrine set on the provision",
                            ),
                            "instrument": _enum(model.INSTRUMENTS, "rank of the act (law)"),
                            "effect": effect_schema(catalogue),
                        },
                        ("why", "as_of", "expect", "effect"),
                    ),
                },
            },
            ("doctrine", "examples"),
        ),
    }


def case_schema(catalogue: Catalogue) -> Schema:
    return {
        "$schema": DRAFT,
        "title": "tarazy case",
        **_obj(
            {
                "id": {
                    "type": "string",
                    "pattern": CASE_ID_PATTERN,
                    "x-expected": "a case id such as KZ-CC-NR-2023-03",
                },
                "court": TEXT,
                "number": {"type": ["string", "integer"]},
                "date": DATE,
                "title": TEXT,
                "petitioner": TEXT,
                "source": TEXT,
                "constitution": _enum(catalogue.edition_ids, "edition decided under"),
                "holding": _enum(model.HOLDINGS, "the Court's holding"),
                "scope": TEXT,
                "relied_on": {"type": "array", "items": {"type": "string"}},
                "remedy": _obj(
                    {"text": TEXT, "deadline_months": {"type": ["integer", "null"], "minimum": 0}}
                ),
                "assumptions": {"type": "array", "items": TEXT},
                "notes": TEXT,
                "models_reading": _enum(model.READINGS, "which reading the file models"),
                "expected_engine": _obj(
                    {"status": _enum({"open": "a known open result"}, "open"), "reason": TEXT},
                    ("status", "reason"),
                ),
                "provision": provision_schema(catalogue),
            },
            (
                "id",
                "court",
                "number",
                "date",
                "title",
                "source",
                "constitution",
                "holding",
                "relied_on",
                "provision",
            ),
        ),
    }


def catalogue_schema(edition_ids: tuple[str, ...] = ()) -> Schema:
    editions = {"enum": list(edition_ids)} if edition_ids else {"type": "string"}
    return {
        "$schema": DRAFT,
        "title": "tarazy rights catalogue",
        **_obj(
            {
                "editions": {
                    "type": "array",
                    "minItems": 1,
                    "items": _obj(
                        {
                            "id": TEXT,
                            "title": TEXTS,
                            "in_force_from": DATE,
                            "in_force_to": {**DATE, "type": ["string", "null"]},
                            "restriction_clause": TEXT,
                            "source": TEXT,
                        },
                        ("id", "title", "in_force_from", "restriction_clause", "source"),
                    ),
                },
                "instruments": {
                    "type": "object",
                    "propertyNames": {"enum": list(model.INSTRUMENTS)},
                    "additionalProperties": TEXTS,
                },
                "aims": {
                    "type": "array",
                    "items": _obj(
                        {
                            "id": {"type": "string", "pattern": r"^[a-z_]+$"},
                            "name": TEXTS,
                            "admitted": {
                                "type": "array",
                                "items": _obj(
                                    {
                                        "edition": editions,
                                        "article": {"type": "string", "pattern": ARTICLE_PATTERN},
                                        "rights": {"type": "array", "items": {"type": "string"}},
                                    },
                                    ("edition", "article"),
                                ),
                            },
                            "source": TEXT,
                        },
                        ("id", "name", "admitted", "source"),
                    ),
                },
                "rights": {
                    "type": "array",
                    "items": _obj(
                        {
                            "id": {"type": "string", "pattern": r"^[a-z_]+$"},
                            "name": TEXTS,
                            "editions": {
                                "type": "object",
                                "propertyNames": editions,
                                "additionalProperties": _obj(
                                    {
                                        "article": {"type": "string", "pattern": ARTICLE_PATTERN},
                                        "never_restrictable": {"type": "boolean"},
                                        "name": TEXTS,
                                        "source": TEXT,
                                        "note": TEXT,
                                    },
                                    ("article", "never_restrictable", "source"),
                                ),
                            },
                        },
                        ("id", "name", "editions"),
                    ),
                },
            },
            ("editions", "instruments", "aims", "rights"),
        ),
    }
