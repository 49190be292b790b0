"""Provisions as the model holds them: a provision, its effects, and their parts.

Each field a bill file gives is declared with a helper of ``fields`` (``text``, ``choice``,
...) carrying its description, vocabulary and the phrase load errors use; the loader, the
writer, the published schema and the generators all read that metadata, so a field is
declared here once (``tests/test_fields.py`` checks the copies agree).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from tarazy.engine.model.fields import (
    amounts,
    choice,
    choices,
    flag,
    record,
    records,
)
from tarazy.engine.model.fields import text as text_field
from tarazy.engine.model.vocabulary import (
    ADDRESSEE_BREADTHS,
    BYLAW_INSTRUMENTS,
    CLARITIES,
    DURATION_UNITS,
    EFFECT_KINDS,
    GROUNDS_OF_DISTINCTION,
    INSTRUMENTS,
    JUSTIFICATIONS,
    LEGAL_GROUNDS,
    MAGNITUDES,
    ORDERING_AUTHORITIES,
    REQUIREMENTS,
    SAFEGUARDS,
    SECTORS,
    TRIGGER_SEVERITIES,
    TRIGGERS,
)

__all__ = ["Addressees", "Bill", "Citation", "Duration", "Effect", "Location", "Provision"]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
"""A provision's id (and a doctrine's, in ``doctrine new``): letters, digits, '.', '_', '-'."""

_CITE_PART = {"numbers": True, "one_line": True, "expected": "text or a number"}


@attrs.frozen
class Location:
    """Where something was read from, for messages (1-based line)."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@attrs.frozen
class Citation:
    """Where a provision sits in its act: the act's name and the article, paragraph and
    subparagraph (each as written, e.g. "7-1"; a number in a file is taken as its text)."""

    act: str | None = text_field(
        "the act containing the provision", None, nonempty=True, one_line=True
    )
    article: str | None = text_field("the article", None, **_CITE_PART)
    paragraph: str | None = text_field("the paragraph of the article", None, **_CITE_PART)
    subparagraph: str | None = text_field("the subparagraph of the paragraph", None, **_CITE_PART)

    def __str__(self) -> str:
        parts = [self.act or ""]
        if self.article:
            ref = f"art. {self.article}"
            if self.paragraph:
                ref += f"({self.paragraph})"
            if self.subparagraph:
                ref += f"({self.subparagraph})"
            parts.append(ref)
        elif self.paragraph:
            parts.append(f"para. {self.paragraph}")
        return ", ".join(p for p in parts if p)


@attrs.frozen
class Duration:
    """How long an effect lasts: not time-bound, indefinite, a fixed (maximum) term, or until
    a condition.

    A fixed term is ``amount`` ``unit`` (hours, days, months or years; bill files write
    ``{hours: 72}`` or ``{years: 3}``); ``years`` is the same term in years, kept because
    doctrines and 0.1.0 bills read it. ``hours`` gives the term in hours, exactly for a term
    stated in hours or days."""

    kind: Literal["none", "indefinite", "fixed", "until_condition"] = "none"
    years: float | None = None
    until: str | None = None
    unit: str = attrs.field(default="years", validator=attrs.validators.in_(DURATION_UNITS))
    amount: float | None = None

    def __attrs_post_init__(self) -> None:
        if (self.kind == "fixed") != (self.years is not None):
            raise ValueError("a fixed duration has years, and only a fixed duration has them")
        if self.kind == "fixed" and self.amount is None:
            object.__setattr__(self, "amount", self.years)

    @classmethod
    def term(cls, amount: float, unit: str) -> Duration:
        """A fixed term of ``amount`` ``unit``; ValueError for an unknown unit."""
        if unit not in DURATION_UNITS:
            raise ValueError(f"unknown unit {unit!r}")
        years = amount * DURATION_UNITS[unit] / DURATION_UNITS["years"]
        return cls("fixed", years=years, unit=unit, amount=amount)

    @property
    def hours(self) -> float | None:
        """The fixed term in hours (None unless fixed)."""
        if self.kind != "fixed" or self.amount is None:
            return None
        return self.amount * DURATION_UNITS[self.unit]

    def __str__(self) -> str:
        if self.kind == "fixed":
            amount = f"{self.amount:g}"
            unit = self.unit[:-1] if amount == "1" else self.unit
            return f"{amount} {unit}"
        if self.kind == "until_condition":
            return f"until {self.until}"
        return {"none": "not time-bound", "indefinite": "indefinite"}[self.kind]


@attrs.frozen
class Addressees:
    """Who an effect falls on: a free-text ``label``, a ``category`` and how broad the group
    is. A file may give the label alone (``addressees: convicts``): ``SHORTHAND`` names the
    field a bare value stands for."""

    SHORTHAND = "label"

    label: str | None = text_field("who is affected, in words", None, nonempty=True)
    category: str | None = text_field("the category of persons, in words", None)
    breadth: str | None = choice(ADDRESSEE_BREADTHS, "how many are affected", None)


@attrs.frozen
class Effect:
    """One effect of a provision on one constitutional right.

    Every closed vocabulary is checked here, whoever builds the effect (the loader, the
    strategies, a test): ``Effect(right="x", kind="bann")`` raises ValueError rather than
    evaluating to an open verdict. ``right`` and ``aims`` are checked against the catalogue
    by the loader (the catalogue is data, not part of the model). ``trigger`` is what sets
    the effect off (a conviction, a dismissal, a status); bill files written before 0.3 call
    it ``basis``, which still loads."""

    right: str = choice(None, "id from the rights catalogue (tarazy rights)", catalogue="rights")
    kind: str = choice(EFFECT_KINDS, "what the effect does to the right")
    addressees: Addressees = record(
        Addressees, "who is affected: a label, or {label, category, breadth}"
    )
    trigger: str | None = choice(
        TRIGGERS, "what triggers the effect", None, aliases=("basis",), unstated="none"
    )
    duration: Duration = record(
        Duration,
        "null (not time-bound), indefinite, a fixed (maximum) term "
        "{hours|days|months|years: N}, or {until: ...}",
        expected="null, indefinite, {hours: N}, {days: N}, {months: N}, {years: N} or "
        "{until: <condition>}",
    )
    aims: tuple[str, ...] = choices(
        None, "stated aims (aims catalogue ids)", catalogue="aims", most=2
    )
    legal_ground: str = choice(LEGAL_GROUNDS, "whether a law expressly provides it", "express")
    safeguards: tuple[str, ...] = choices(SAFEGUARDS, "mitigations present")
    grounds_of_distinction: tuple[str, ...] = choices(
        GROUNDS_OF_DISTINCTION, "grounds a differentiation turns on", most=2
    )
    political_grounds: bool = flag("turns on political views")
    magnitude: tuple[tuple[str, float], ...] = amounts(
        MAGNITUDES, "numbers a doctrine may need", most=2
    )
    sector: str | None = choice(
        SECTORS, "the service or field concerned", None, unstated="unspecified"
    )
    trigger_severity: str | None = choice(
        TRIGGER_SEVERITIES,
        "how serious the triggering misconduct is",
        None,
        unstated="unspecified",
    )
    # None: not stated (the certainty stage then stays open)
    clarity: str | None = choice(
        CLARITIES,
        "whether the rule is clear and foreseeable; not stated: the certainty stage stays open",
        None,
        unstated="unspecified",
    )
    justification: str | None = choice(
        JUSTIFICATIONS,
        "for a differentiation: justification stated?",
        None,
        unstated="unspecified",
    )
    requirement: str | None = choice(
        REQUIREMENTS, "what a condition requires", None, unstated="none"
    )
    delegated_to: str | None = choice(
        BYLAW_INSTRUMENTS,
        "a by-law to which the law leaves the substance of the effect (e.g. a regulator's "
        "model contract)",
        None,
        unstated="none",
    )
    ordered_by: str | None = choice(
        ORDERING_AUTHORITIES,
        "who decides the measure: for a deprivation of liberty, whether a court orders it "
        "(1995 Art. 16(2), 2026 Art. 18(2))",
        None,
        unstated="unspecified",
    )
    location: Location | None = attrs.field(default=None, eq=False)

    def label(self) -> str:
        """The effect as reports name it: ``"right, kind"``."""
        return f"{self.right}, {self.kind}"

    def magnitude_of(self, name: str) -> float | None:
        """The magnitude called ``name``, or None when the effect does not state it."""
        for key, value in self.magnitude:
            if key == name:
                return value
        return None


@attrs.frozen
class Provision:
    """A provision of a law (real or drafted), described by facts, not by its text."""

    id: str = text_field(
        "the provision's id, unique in its file",
        numbers=True,
        pattern=ID_PATTERN,
        expected="an id of letters, digits, '.', '_' or '-'",
    )
    instrument: str = choice(INSTRUMENTS, "rank of the act containing it", plainest="law")
    effects: tuple[Effect, ...] = records(
        Effect,
        "the provision's effects, one per right affected",
        min_items=1,
        expected="a list of at least one effect",
    )
    title: str | None = text_field("a short title", None, nonempty=True)
    citation: Citation = record(Citation, "where the provision sits in its act")
    text: str | None = text_field(
        "the provision's text, for the reader (no doctrine reads it)", None
    )
    location: Location | None = attrs.field(default=None, eq=False)

    @effects.validator
    def _has_effects(self, _attr: object, value: tuple[Effect, ...]) -> None:
        if not value:
            raise ValueError("a provision needs at least one effect")


@attrs.frozen
class Bill:
    """The provisions of one bill file (``path``), with its optional title and the date
    it asks to be checked on."""

    provisions: tuple[Provision, ...]
    path: str
    title: str | None = None
    as_of: dt.date | None = None
