"""Explanations: a doctrine's reason and remedy, filled in from the facts of one effect.

Templates name facts in braces, ``{duration_text}`` or ``{right_article}``; the loader
has already checked every name (``facts.TEMPLATE_EXTRAS`` and the fact fields). Filling
is plain substitution, never Python formatting, so a template cannot reach into objects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from tarazy.engine import model
from tarazy.engine.model import Effect, Provision
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.facts import Facts

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "trigger": model.TRIGGERS,
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
) -> Placeholders:
    """Every placeholder's text for one effect - computed when a template names it, so a
    finding pays only for the placeholders its reason and remedy use."""
    return Placeholders(provision, index, facts, edition, catalogue, lang)


class Placeholders(Mapping[str, str]):
    """The placeholders of one effect, each computed on first use and kept."""

    def __init__(
        self,
        provision: Provision,
        index: int,
        facts: Facts,
        edition: str,
        catalogue: Catalogue,
        lang: str,
    ) -> None:
        self.provision, self.index, self.facts = provision, index, facts
        self.edition, self.catalogue, self.lang = edition, catalogue, lang
        self._known: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        known = self._known.get(name)
        if known is None:
            known = self._known[name] = self._compute(name)
        return known

    def __iter__(self) -> Iterator[str]:
        return iter((*self.facts, *_EXTRAS))

    def __len__(self) -> int:
        return len(set(self.facts) | set(_EXTRAS))

    def _compute(self, name: str) -> str:
        if name in _EXTRAS:
            return _EXTRAS[name](self)
        if name not in self.facts:
            raise KeyError(name)
        return show(self.facts[name])

    @property
    def effect(self) -> Effect:
        """The effect the placeholders are filled for (``index`` is 0-based)."""
        return self.provision.effects[self.index]


def _right_article(p: Placeholders) -> str:
    article = p.catalogue.article(p.effect.right, p.edition)
    return f"Art. {article}" if article else "no article of this edition"


def _aims_text(p: Placeholders) -> str:
    aims = [p.catalogue.aim(a).name.get(p.lang) for a in p.effect.aims]
    return "; ".join(aims) if aims else "no aim stated"


# The placeholders besides the fact fields (facts.TEMPLATE_EXTRAS documents each).
_EXTRAS: dict[str, Callable[[Placeholders], str]] = {
    "right_name": lambda p: p.catalogue.right(p.effect.right).name_under(p.edition).get(p.lang),
    "right_article": _right_article,
    "restriction_clause": lambda p: f"Art. {p.catalogue.edition(p.edition).restriction_clause}",
    "edition": lambda p: p.edition,
    "instrument_name": lambda p: p.catalogue.instrument_name(p.provision.instrument, p.lang),
    "duration_text": lambda p: str(p.effect.duration),
    "aims_text": _aims_text,
    "safeguards_text": lambda p: (
        ", ".join(model.SAFEGUARDS[s] for s in p.effect.safeguards) or "none"
    ),
    "trigger_text": lambda p: model.TRIGGERS.get(p.effect.trigger or "", "no trigger"),
    "sector_text": lambda p: model.SECTORS.get(p.effect.sector or "", "an unspecified sector"),
    "addressees": lambda p: p.effect.addressees.label or "the persons it covers",
    "effect_number": lambda p: str(p.index + 1),
    "provision_id": lambda p: p.provision.id,
}


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace each ``{name}`` with its value; names were validated on load."""
    if "{" not in template:
        return template
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
