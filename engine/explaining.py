"""Explanations: a doctrine's reason and remedy, filled in from the facts of one effect.

Templates name facts in braces, ``{duration_text}`` or ``{right_article}``; the loader
has already checked every name (``facts.TEMPLATE_EXTRAS`` and the fact fields). Filling
is plain substitution, never Python formatting, so a template cannot reach into objects.
"""

from __future__ import annotations

import re

from . import model
from .catalogue import Catalogue
from .facts import Facts
from .model import Effect, Provision

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "basis": model.BASES,
    "sector": model.SECTORS,
    "safeguards": model.SAFEGUARDS,
}


def show(value: object) -> str:
    """One fact value as text: a set as its sorted members, a flag as yes/no, a number
    without trailing zeros, a missing value as "not stated"."""
    if isinstance(value, frozenset):
        return ", ".join(sorted(value)) or "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return "not stated" if value is None else str(value)


def context(
    provision: Provision,
    index: int,
    facts: Facts,
    edition: str,
    catalogue: Catalogue,
    lang: str = "en",
) -> dict[str, str]:
    """Every placeholder's text for one effect."""
    effect: Effect = provision.effects[index]
    values: dict[str, str] = {}
    for name, value in facts.items():
        values[name] = show(value)
    right = catalogue.right(effect.right)
    article = catalogue.article(effect.right, edition)
    edition_entry = catalogue.edition(edition)
    aims = [catalogue.aim(a).name.get(lang) for a in effect.aims]
    values.update(
        right_name=right.name_under(edition).get(lang),
        right_article=f"Art. {article}" if article else "no article of this edition",
        restriction_clause=f"Art. {edition_entry.restriction_clause}",
        edition=edition,
        instrument_name=catalogue.instrument_name(provision.instrument, lang),
        duration_text=str(effect.duration),
        aims_text="; ".join(aims) if aims else "no aim stated",
        safeguards_text=", ".join(model.SAFEGUARDS[s] for s in effect.safeguards) or "none",
        basis_text=model.BASES.get(effect.basis or "", "no trigger"),
        sector_text=model.SECTORS.get(effect.sector or "", "an unspecified sector"),
        addressees=effect.addressees.label or "the persons it covers",
        effect_number=str(index + 1),
        provision_id=provision.id,
    )
    return values


def fill(template: str, values: dict[str, str]) -> str:
    """Replace each ``{name}`` with its value; names were validated on load."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
