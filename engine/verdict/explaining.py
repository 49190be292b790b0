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
from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import article_label, value_word, values_text

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def show(value: object, lang: str = "en", field: str | None = None) -> str:
    """One fact value as text: a set as its members, a flag as yes/no, a number without
    trailing zeros, a missing value as "not stated"; with ``field``, a vocabulary value
    as its description in ``lang`` (``words.value_word``), never its id."""
    if isinstance(value, frozenset):
        if field is not None:
            return values_text(field, value, lang, sep=", ")
        return ", ".join(sorted(value)) or message("none", lang)
    if isinstance(value, bool):
        return message("yes", lang) if value else message("no", lang)
    if isinstance(value, float):
        return f"{value:g}"
    if value is None:
        return message("not stated", lang)
    return value_word(field, str(value), lang) if field is not None else str(value)


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
        return show(self.facts[name], self.lang, name)

    @property
    def effect(self) -> Effect:
        """The effect the placeholders are filled for (``index`` is 0-based)."""
        return self.provision.effects[self.index]


def _right_article(p: Placeholders) -> str:
    article = p.catalogue.article(p.effect.right, p.edition)
    return (
        article_label(article, p.lang) if article else message("no article of this edition", p.lang)
    )


def _aims_text(p: Placeholders) -> str:
    aims = [p.catalogue.aim(a).name.get(p.lang) for a in p.effect.aims]
    return "; ".join(aims) if aims else message("no aim stated", p.lang)


def _duration_text(p: Placeholders) -> str:
    """The duration as the bill states it, in ``p.lang`` (English: ``str(duration)``; the
    bill's own text of a condition is kept as written)."""
    d = p.effect.duration
    if p.lang == "en":
        return str(d)
    if d.kind == "fixed":
        unit = message(_UNITS[d.unit], p.lang)
        return message("{amount} {unit}", p.lang, amount=f"{d.amount:g}", unit=unit)
    if d.kind == "until_condition":
        return message("until {condition}", p.lang, condition=d.until)
    return message(_OPEN_ENDED[d.kind], p.lang)


_OPEN_ENDED = {"none": N_("not time-bound"), "indefinite": N_("indefinite")}
# A unit of a fixed term, abbreviated where the number stands before it (no plural forms).
_UNITS = {"hours": N_("hours"), "days": N_("days"), "months": N_("months"), "years": N_("years")}


# The placeholders besides the fact fields (facts.TEMPLATE_EXTRAS documents each).
_EXTRAS: dict[str, Callable[[Placeholders], str]] = {
    "right_name": lambda p: p.catalogue.right(p.effect.right).name_under(p.edition).get(p.lang),
    "right_article": _right_article,
    "restriction_clause": lambda p: article_label(
        p.catalogue.edition(p.edition).restriction_clause, p.lang
    ),
    "edition": lambda p: p.edition,
    "instrument_name": lambda p: p.catalogue.instrument_name(p.provision.instrument, p.lang),
    "duration_text": _duration_text,
    "aims_text": _aims_text,
    "safeguards_text": lambda p: values_text("safeguards", p.effect.safeguards, p.lang, sep=", "),
    "trigger_text": lambda p: (
        value_word("trigger", p.effect.trigger, p.lang)
        if p.effect.trigger in model.TRIGGERS
        else message("no trigger", p.lang)
    ),
    "sector_text": lambda p: (
        value_word("sector", p.effect.sector, p.lang)
        if p.effect.sector in model.SECTORS
        else message("an unspecified sector", p.lang)
    ),
    # the label the drafter gave, else the category (what `tarazy new` asks), else generic
    "addressees": lambda p: (
        p.effect.addressees.label
        or p.effect.addressees.category
        or message("the persons it covers", p.lang)
    ),
    "effect_number": lambda p: str(p.index + 1),
    "provision_id": lambda p: p.provision.id,
}


# "{restriction_clause}(1)": a paragraph of the clause, which Russian and Kazakh cite before
# the article (п. 1 ст. 41; 41-баптың 1-тармағы), so it is labelled as one reference.
_CLAUSE_PARAGRAPH = re.compile(r"\{restriction_clause\}\((\d+)\)")


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace each ``{name}`` with its value; names were validated on load. With
    ``Placeholders``, "{restriction_clause}(N)" becomes one article label in their language."""
    if "{" not in template:
        return template
    if isinstance(values, Placeholders):
        p = values
        clause = p.catalogue.edition(p.edition).restriction_clause
        template = _CLAUSE_PARAGRAPH.sub(
            lambda m: article_label(f"{clause}({m.group(1)})", p.lang), template
        )
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
