"""The published JSON Schemas of tarazy's file formats (bill, doctrine, case, catalogue).

They are generated from the model's vocabularies and the rights catalogue, so the
schema a user validates against and the checks the loader runs can never drift apart.
``x-expected`` is tarazy's own annotation: the phrase an error message uses when a value
matches none of a field's alternatives. `tarazy schema KIND` prints each schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tarazy.engine import model
from tarazy.engine.model.catalogue import Catalogue

Schema = dict[str, Any]
DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
CASE_ID_PATTERN = r"^KZ-CC-NR-[0-9]{4}-[0-9]+$"
ARTICLE_PATTERN = r"^[0-9]+(-[0-9]+)?(\([0-9]+\))*$"
DATE: Schema = {"type": "string", "format": "date", "x-expected": "a date, YYYY-MM-DD"}


def _enum(
    values: Mapping[str, str] | tuple[str, ...], description: str, nullable: bool = False
) -> Schema:
    ids: list[str | None] = list(values)
    if nullable:
        ids.append(None)
    return {"enum": ids, "description": description}


def _list_of(values: Mapping[str, str] | tuple[str, ...], description: str) -> Schema:
    return {
        "type": "array",
        "items": {"enum": list(values)},
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
CITE_PART: Schema = {"type": ["string", "integer"], "x-expected": "text or a number"}


def effect_schema(catalogue: Catalogue) -> Schema:
    return _obj(
        {
            "right": _enum(catalogue.right_ids, "id from the rights catalogue (tarazy rights)"),
            "kind": _enum(model.EFFECT_KINDS, "what the effect does to the right"),
            "addressees": {
                "description": "who is affected: a label, or {label, category, breadth}",
                "x-expected": "a label, or a mapping {label, category, breadth}",
                "oneOf": [
                    {"type": "null"},
                    {"type": "string"},
                    _obj(
                        {
                            "label": TEXT,
                            "category": {"type": "string"},
                            "breadth": _enum(model.ADDRESSEE_BREADTHS, "how many are affected"),
                        }
                    ),
                ],
            },
            "basis": _enum(model.BASES, "what triggers the effect", nullable=True),
            "duration": {
                "description": "null (not time-bound), indefinite, a fixed (maximum) term "
                "{hours|days|months|years: N}, or {until: ...}",
                "x-expected": "null, indefinite, {hours: N}, {days: N}, {months: N}, "
                "{years: N} or {until: <condition>}",
                "oneOf": [
                    {"type": "null"},
                    {"const": "indefinite"},
                    *(
                        _obj({unit: {"type": "number", "exclusiveMinimum": 0}}, (unit,))
                        for unit in model.DURATION_UNITS
                    ),
                    _obj({"until": TEXT}, ("until",)),
                ],
            },
            "aims": _list_of(catalogue.aim_ids, "stated aims (aims catalogue ids)"),
            "legal_ground": _enum(model.LEGAL_GROUNDS, "whether a law expressly provides it"),
            "safeguards": _list_of(model.SAFEGUARDS, "mitigations present"),
            "grounds_of_distinction": _list_of(
                model.GROUNDS_OF_DISTINCTION, "grounds a differentiation turns on"
            ),
            "political_grounds": {"type": "boolean", "description": "turns on political views"},
            "magnitude": _obj(
                {
                    name: {"type": "number", "minimum": 0, "description": text}
                    for name, text in model.MAGNITUDES.items()
                },
                description="numbers a doctrine may need",
            ),
            "sector": _enum(model.SECTORS, "the service or field concerned", nullable=True),
            "trigger_severity": _enum(
                model.TRIGGER_SEVERITIES, "how serious the triggering misconduct is", True
            ),
            "clarity": _enum(
                model.CLARITIES,
                "whether the rule is clear and foreseeable; not stated: the certainty stage "
                "stays open",
                True,
            ),
            "justification": _enum(
                model.JUSTIFICATIONS, "for a differentiation: justification stated?", True
            ),
            "requirement": _enum(model.REQUIREMENTS, "what a condition requires", True),
            "ordered_by": _enum(
                model.ORDERING_AUTHORITIES,
                "who decides the measure: for a deprivation of liberty, whether a court "
                "orders it (1995 Art. 16(2), 2026 Art. 18(2))",
                True,
            ),
            "delegated_to": _enum(
                model.BYLAW_INSTRUMENTS,
                "a by-law to which the law leaves the substance of the effect (e.g. a "
                "regulator's model contract)",
                True,
            ),
        },
        ("right", "kind"),
        "one effect of the provision on one constitutional right",
    )


def provision_schema(catalogue: Catalogue) -> Schema:
    return _obj(
        {
            "id": {
                "type": ["string", "integer"],
                "pattern": ID_PATTERN,
                "x-expected": "an id of letters, digits, '.', '_' or '-'",
            },
            "title": TEXT,
            "citation": _obj(
                {
                    "act": TEXT,
                    "article": CITE_PART,
                    "paragraph": CITE_PART,
                    "subparagraph": CITE_PART,
                }
            ),
            "instrument": _enum(model.INSTRUMENTS, "rank of the act containing it"),
            "text": {"type": "string"},
            "effects": {
                "type": "array",
                "minItems": 1,
                "items": effect_schema(catalogue),
                "x-expected": "a list of at least one effect",
            },
        },
        ("id", "instrument", "effects"),
        "a provision of a law, described by facts",
    )


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
