"""The facts a doctrine may read about one effect of a provision, under one edition.

This is the one place that says which fields exist for conditions (``field_registry``)
and how each is derived from the model (``effect_facts``). Most facts are the effect's
own fields; a few are derived from the provision (``instrument``) or from the edition
of the Constitution in force (``right_never_restrictable``, ``has_admitted_aim``).

Fact values are plain: enumerated fields are strings, list fields are frozensets,
numbers are floats (``None`` when the provision does not state them), flags are bools.
A field the bill leaves empty gets an explicit value (``unspecified`` or ``none``), so a
doctrine can name it, and a missing fact is never mistaken for a false one.
"""

from __future__ import annotations

from collections.abc import Mapping

from tarazy.engine import model
from tarazy.engine.model import Effect, Provision
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import FieldSpec

FactValue = str | bool | float | frozenset[str] | None
Facts = Mapping[str, FactValue]

UNSPECIFIED = "unspecified"
DURATIONS = ("none", "fixed", "until_condition", "indefinite")


TEMPLATE_EXTRAS: dict[str, str] = {
    # Placeholders a doctrine's reason and remedy may use besides the fact fields.
    "right_name": "the right's name under the edition applied",
    "right_article": "the right's article under the edition applied, e.g. Art. 12(2)",
    "restriction_clause": "the restriction clause of the edition, e.g. Art. 41",
    "edition": "the edition applied",
    "instrument_name": "the name of the instrument",
    "duration_text": "the duration in words",
    "aims_text": "the stated aims in words",
    "safeguards_text": "the safeguards present, in words",
    "basis_text": "what triggers the effect, in words",
    "sector_text": "the sector, in words",
    "addressees": "who is affected",
    "effect_number": "the effect's number in the provision (from 1)",
    "provision_id": "the provision's id",
}


def _enum(
    name: str, values: Mapping[str, str] | tuple[str, ...], description: str, *extra: str
) -> FieldSpec:
    return FieldSpec(name, "enum", description, (*values, *extra))


def field_registry(catalogue: Catalogue) -> dict[str, FieldSpec]:
    """Every field a doctrine condition may name, with its type and values."""
    fields = [
        _enum("right", catalogue.right_ids, "the right affected (rights catalogue id)"),
        _enum("kind", model.EFFECT_KINDS, "what the effect does to the right"),
        _enum("instrument", model.INSTRUMENTS, "rank of the act containing the provision"),
        FieldSpec(
            "instrument_is_law",
            "bool",
            "the act is a law (constitutional law, code or law) for the restriction clause",
        ),
        _enum("basis", model.BASES, "what triggers the effect", "none"),
        _enum("duration", DURATIONS, "how long the effect lasts"),
        FieldSpec("duration_years", "number", "years of a fixed duration"),
        FieldSpec(
            "duration_hours",
            "number",
            "a fixed duration (the maximum term) in hours, e.g. 72 for {hours: 72}",
        ),
        _enum(
            "ordered_by",
            model.ORDERING_AUTHORITIES,
            "who decides the measure (a court, a prosecutor, an investigator, the police, an "
            "official)",
            UNSPECIFIED,
        ),
        FieldSpec("aims", "set", "stated aims", catalogue.aim_ids),
        FieldSpec("aims_stated", "bool", "at least one aim is stated"),
        FieldSpec(
            "has_admitted_aim",
            "bool",
            "at least one stated aim is admitted, for this right, by the "
            "restriction clause of the edition in force (or the right's own clause)",
        ),
        FieldSpec(
            "has_inadmissible_aim",
            "bool",
            "at least one stated aim is one the restriction clause of the edition in force "
            "(and the right's own clause) does not admit for this right",
        ),
        _enum("legal_ground", model.LEGAL_GROUNDS, "whether a law expressly provides it"),
        FieldSpec("safeguards", "set", "mitigations present", tuple(model.SAFEGUARDS)),
        FieldSpec(
            "grounds_of_distinction",
            "set",
            "grounds a differentiation turns on",
            tuple(model.GROUNDS_OF_DISTINCTION),
        ),
        FieldSpec("political_grounds", "bool", "the effect turns on political views"),
        _enum("sector", model.SECTORS, "the service or field concerned", UNSPECIFIED),
        _enum(
            "trigger_severity",
            model.TRIGGER_SEVERITIES,
            "how serious the triggering misconduct is",
            UNSPECIFIED,
        ),
        _enum(
            "clarity",
            model.CLARITIES,
            "whether the rule is clear (unspecified: the bill does not say)",
            UNSPECIFIED,
        ),
        _enum(
            "justification",
            model.JUSTIFICATIONS,
            "for a differentiation: is an objective and reasonable justification stated",
            UNSPECIFIED,
        ),
        _enum("requirement", model.REQUIREMENTS, "what a condition requires", "none"),
        _enum(
            "delegated_to",
            model.BYLAW_INSTRUMENTS,
            "the by-law a law leaves the substance of the effect to",
            "none",
        ),
        _enum("addressees_breadth", model.ADDRESSEE_BREADTHS, "how many are affected", UNSPECIFIED),
        FieldSpec(
            "right_never_restrictable",
            "bool",
            "the edition in force lists the right as never restrictable "
            "(Art. 39(3) of 1995-2022, Art. 41(3) of 2026)",
        ),
    ]
    fields += [
        FieldSpec(name, "number", f"magnitude: {text}") for name, text in model.MAGNITUDES.items()
    ]
    return {f.name: f for f in fields}


def effect_facts(
    provision: Provision, effect: Effect, edition: str, catalogue: Catalogue
) -> dict[str, FactValue]:
    """The facts of one effect, as every doctrine condition sees them."""
    aims = frozenset(effect.aims)
    facts: dict[str, FactValue] = {
        "right": effect.right,
        "kind": effect.kind,
        "instrument": provision.instrument,
        "instrument_is_law": provision.instrument in model.LAW_INSTRUMENTS,
        "basis": effect.basis or "none",
        "duration": effect.duration.kind,
        "duration_years": effect.duration.years,
        "duration_hours": effect.duration.hours,
        "ordered_by": effect.ordered_by or UNSPECIFIED,
        "aims": aims,
        "aims_stated": bool(aims),
        "has_admitted_aim": any(
            catalogue.aim(a).admitted_for(edition, effect.right) is not None for a in aims
        ),
        "has_inadmissible_aim": any(
            catalogue.aim(a).admitted_for(edition, effect.right) is None for a in aims
        ),
        "legal_ground": effect.legal_ground,
        "safeguards": frozenset(effect.safeguards),
        "grounds_of_distinction": frozenset(effect.grounds_of_distinction),
        "political_grounds": effect.political_grounds,
        "sector": effect.sector or UNSPECIFIED,
        "trigger_severity": effect.trigger_severity or UNSPECIFIED,
        "clarity": effect.clarity or UNSPECIFIED,
        "justification": effect.justification or UNSPECIFIED,
        "requirement": effect.requirement or "none",
        "delegated_to": effect.delegated_to or "none",
        "addressees_breadth": effect.addressees.breadth or UNSPECIFIED,
        "right_never_restrictable": catalogue.never_restrictable(effect.right, edition),
    }
    for name in model.MAGNITUDES:
        facts[name] = effect.magnitude_of(name)
    return facts
