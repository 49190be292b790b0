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

import functools
from collections.abc import Mapping
from typing import cast

from tarazy.engine import model
from tarazy.engine.model import Effect, Provision
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import FieldSpec
from tarazy.engine.model.fields import FieldInfo, file_fields, values

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
    "trigger_text": "what triggers the effect, in words",
    "sector_text": "the sector, in words",
    "addressees": "who is affected",
    "effect_number": "the effect's number in the provision (from 1)",
    "provision_id": "the provision's id",
}


TEMPLATE_ALIASES: dict[str, str] = {
    # Placeholders renamed since 0.2, still accepted in doctrine files: old name -> new name.
    "basis_text": "trigger_text",
}


def _enum(
    name: str, ids: Mapping[str, str] | tuple[str, ...], description: str, *extra: str
) -> FieldSpec:
    return FieldSpec(name, "enum", description, (*ids, *extra))


@functools.cache
def _own_fields(cls: type) -> tuple[tuple[str, FieldInfo], ...]:
    """The fields of ``cls`` that are facts under their own name: every ``choice``,
    ``choices`` and ``flag`` file field (the model's metadata, ``engine/model/fields.py``)."""
    return tuple(
        (attribute.name, info)
        for attribute, info in file_fields(cls)
        if info.form in ("choice", "choices", "flag")
    )


def _own_spec(name: str, info: FieldInfo, catalogue: Catalogue) -> FieldSpec:
    lists = catalogue.lists()
    aliases = info.aliases
    if info.form == "flag":
        return FieldSpec(name, "bool", info.description, aliases=aliases)
    ids = values(info, lists)
    if info.form == "choices":
        return FieldSpec(name, "set", info.description, ids, aliases=aliases)
    extra = (info.unstated,) if info.unstated is not None else ()
    return FieldSpec(name, "enum", info.description, (*ids, *extra), aliases=aliases)


@functools.cache
def _magnitudes() -> dict[str, str]:
    """The named numbers of an effect (its ``amounts`` field's vocabulary)."""
    for _attribute, info in file_fields(Effect):
        if info.form == "amounts":
            return dict(cast(Mapping[str, str], info.vocabulary))
    return {}


def field_registry(catalogue: Catalogue) -> dict[str, FieldSpec]:
    """Every field a doctrine condition may name, with its type and values: the effect's
    and the provision's own closed fields (from the model's field metadata, under their
    own names; an optional one gets its ``unstated`` value), then the facts derived here,
    then one number per magnitude."""
    fields = [_own_spec(name, info, catalogue) for name, info in _own_fields(Provision)]
    fields += [_own_spec(name, info, catalogue) for name, info in _own_fields(Effect)]
    fields += [
        FieldSpec(
            "instrument_is_law",
            "bool",
            "the act is a law (constitutional law, code or law) for the restriction clause",
        ),
        _enum("duration", DURATIONS, "how long the effect lasts"),
        FieldSpec("duration_years", "number", "years of a fixed duration"),
        FieldSpec(
            "duration_hours",
            "number",
            "a fixed duration (the maximum term) in hours, e.g. 72 for {hours: 72}",
        ),
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
        _enum("addressees_breadth", model.ADDRESSEE_BREADTHS, "how many are affected", UNSPECIFIED),
        FieldSpec(
            "right_never_restrictable",
            "bool",
            "the edition in force lists the right as never restrictable "
            "(Art. 39(3) of 1995-2022, Art. 41(3) of 2026)",
        ),
    ]
    fields += [
        FieldSpec(name, "number", f"magnitude: {text}") for name, text in _magnitudes().items()
    ]
    return {f.name: f for f in fields}


def effect_facts(
    provision: Provision, effect: Effect, edition: str, catalogue: Catalogue
) -> dict[str, FactValue]:
    """The facts of one effect, as every doctrine condition sees them."""
    aims = frozenset(effect.aims)
    facts: dict[str, FactValue] = {}
    for owner, own in ((provision, _own_fields(Provision)), (effect, _own_fields(Effect))):
        for name, info in own:
            value = getattr(owner, name)
            if info.form == "choices":
                facts[name] = frozenset(value)
            elif info.form == "choice" and value is None:
                facts[name] = info.unstated
            else:
                facts[name] = value
    facts.update(
        {
            "instrument_is_law": provision.instrument in model.LAW_INSTRUMENTS,
            "duration": effect.duration.kind,
            "duration_years": effect.duration.years,
            "duration_hours": effect.duration.hours,
            "aims_stated": bool(aims),
            "has_admitted_aim": any(
                catalogue.aim(a).admitted_for(edition, effect.right) is not None for a in aims
            ),
            "has_inadmissible_aim": any(
                catalogue.aim(a).admitted_for(edition, effect.right) is None for a in aims
            ),
            "addressees_breadth": effect.addressees.breadth or UNSPECIFIED,
            "right_never_restrictable": catalogue.never_restrictable(effect.right, edition),
        }
    )
    for name in _magnitudes():
        facts[name] = effect.magnitude_of(name)
    return facts
