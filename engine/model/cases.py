"""Decided cases as the model holds them: one ruling of the Court and the provision it
decided."""

from __future__ import annotations

import datetime as dt

import attrs

from tarazy.engine.model.provisions import Location, Provision

__all__ = ["Case", "Remedy"]


@attrs.frozen
class Remedy:
    """What the Court ordered: the text, and the months given to amend the provision."""

    text: str | None = None
    deadline_months: int | None = None


@attrs.frozen
class Case:
    """One decided ruling of the Court (see docs/design.md, "Case files")."""

    id: str
    court: str
    number: str
    date: dt.date
    title: str
    source: str
    constitution: str
    holding: str
    relied_on: tuple[str, ...]
    provision: Provision
    remedy: Remedy = Remedy()
    assumptions: tuple[str, ...] = ()
    petitioner: str | None = None
    scope: str | None = None
    notes: str | None = None
    models_reading: str | None = None  # READINGS; for conforms_in_interpretation holdings
    open_reason: str | None = None  # why the engine's result is a known open one
    location: Location | None = attrs.field(default=None, eq=False)
