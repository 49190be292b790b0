"""The published JSON Schemas of tarazy's file formats (bill, doctrine, case, catalogue).

They are generated from the model's field metadata, its vocabularies and the rights
catalogue, so the schema a user validates against and the checks the loader runs can never
drift apart. The schemas of the model's own classes (an effect, a provision, a bill) are
built in ``modelschemas`` and re-exported here; ``x-expected`` is tarazy's own annotation:
the phrase an error message uses when a value matches none of a field's alternatives.
`tarazy schema KIND` prints each schema.
"""

from __future__ import annotations

from tarazy.engine import model
from tarazy.engine.input.modelschemas import (
    DATE,
    DRAFT,
    TEXT,
    TEXTS,
    Schema,
    bill_schema,
    effect_schema,
    enum,
    model_schema,
    obj,
    provision_schema,
)
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.provisions import ID_PATTERN

__all__ = [
    "ARTICLE_PATTERN",
    "CASE_ID_PATTERN",
    "DATE",
    "DRAFT",
    "ID_PATTERN",
    "TEXT",
    "TEXTS",
    "Schema",
    "bill_schema",
    "case_schema",
    "catalogue_schema",
    "doctrine_examples_schema",
    "doctrine_schema",
    "effect_schema",
    "model_schema",
    "provision_schema",
]

CASE_ID_PATTERN = r"^KZ-CC-NR-[0-9]{4}-[0-9]+$"
ARTICLE_PATTERN = r"^[0-9]+(-[0-9]+)?(\([0-9]+\))*$"


def doctrine_schema(catalogue: Catalogue) -> Schema:
    """A doctrine file (conditions are checked further when it loads)."""
    condition: Schema = {
        "type": "object",
        "minProperties": 1,
        "description": "a condition over one effect (see the condition language in "
        "engine/model/conditions.py); field names are checked when the doctrine loads",
    }
    basis = obj(
        {
            "articles": {
                "type": "array",
                "items": {
                    "type": "string",
                    "pattern": ARTICLE_PATTERN,
                    "x-expected": "an article such as 13(2) or 39(1)",
                },
            },
            "status": enum(("same", "changed", "lapsed"), "how the basis fares under this edition"),
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
        **obj(
            {
                "id": {
                    "type": "string",
                    "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
                    "x-expected": "a lower-case id with hyphens, equal to the file name",
                },
                "title": TEXTS,
                "stage": enum(model.STAGES, "stage of the proportionality test"),
                "outcome": enum(model.DOCTRINE_OUTCOMES, "what firing means"),
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
    """The examples beside a doctrine (``doctrines/tests/<id>.yaml``)."""
    return {
        "$schema": DRAFT,
        "title": "tarazy doctrine examples",
        "description": "Examples next to a doctrine (doctrines/tests/<id>.yaml): provisions and "
        "what the doctrine must do with each.",
        **obj(
            {
                "doctrine": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
                "examples": {
                    "type": "array",
                    "minItems": 1,
                    "items": obj(
                        {
                            "why": TEXT,
                            "as_of": DATE,
                            "expect": enum(
                                ("fires", "open", "passes", "does_not_apply"),
                                "what the doctrine must do",
                            ),
                            "verdict": enum(
                                model.VERDICT_OUTCOMES,
                                "the verdict of the whole doctrine set on the provision",
                            ),
                            "instrument": enum(model.INSTRUMENTS, "rank of the act (law)"),
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
    """A decided case file."""
    return {
        "$schema": DRAFT,
        "title": "tarazy case",
        **obj(
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
                "constitution": enum(catalogue.edition_ids, "edition decided under"),
                "holding": enum(model.HOLDINGS, "the Court's holding"),
                "scope": TEXT,
                "relied_on": {"type": "array", "items": {"type": "string"}},
                "remedy": obj(
                    {"text": TEXT, "deadline_months": {"type": ["integer", "null"], "minimum": 0}}
                ),
                "assumptions": {"type": "array", "items": TEXT},
                "notes": TEXT,
                "models_reading": enum(model.READINGS, "which reading the file models"),
                "expected_engine": obj(
                    {"status": enum({"open": "a known open result"}, "open"), "reason": TEXT},
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
    """The rights catalogue; with ``edition_ids``, edition keys must be among them."""
    editions = {"enum": list(edition_ids)} if edition_ids else {"type": "string"}
    return {
        "$schema": DRAFT,
        "title": "tarazy rights catalogue",
        **obj(
            {
                "editions": {
                    "type": "array",
                    "minItems": 1,
                    "items": obj(
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
                    "items": obj(
                        {
                            "id": {"type": "string", "pattern": r"^[a-z_]+$"},
                            "name": TEXTS,
                            "admitted": {
                                "type": "array",
                                "items": obj(
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
                    "items": obj(
                        {
                            "id": {"type": "string", "pattern": r"^[a-z_]+$"},
                            "name": TEXTS,
                            "editions": {
                                "type": "object",
                                "propertyNames": editions,
                                "additionalProperties": obj(
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
