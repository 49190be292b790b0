"""A question of the guided entry (``tarazy new``) and how an answer is parsed.

``Question.parse`` turns one typed answer into the value a bill file holds, or raises
``ValueError`` with a one-line reason for the command line to re-ask; answers of more than
``MAX_ANSWER`` characters are refused. Which questions are asked, in which order, and where
their allowed values come from is ``guided`` (the flows).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from tarazy.engine import model
from tarazy.engine.input import schemas
from tarazy.engine.model.messages import N_, message

__all__ = [
    "DURATION_KINDS",
    "MAX_ANSWER",
    "NO_WORDS",
    "SKIP",
    "YES_WORDS",
    "Answers",
    "Option",
    "Question",
    "yes_or_no",
]

Option = tuple[str, str]  # (id, description)
Answers = dict[str, Any]  # question name -> parsed answer (None: not stated)

SKIP = ("", "-")  # answers meaning "not stated" where the model allows it
# The longest answer taken (characters): a title or citation is a line, not a file; without
# a cap a pasted 140 MB answer wrote a bill larger than `tarazy check` reads (128 MiB).
# ASSUMPTION: 2,000 characters is ample for any title or citation of an act.
MAX_ANSWER = 2000

# How long an effect lasts: the kinds of model.Duration, described for a drafter.
DURATION_KINDS: dict[str, str] = {
    "none": N_("not time-bound (the question of a term does not arise)"),
    "indefinite": N_("indefinite (without limit of time)"),
    "fixed": N_("a fixed (maximum) term: a number of hours, days, months or years"),
    "until_condition": N_("until a condition is met"),
}

_SINGULAR = {unit[:-1]: unit for unit in model.DURATION_UNITS}  # "hour" -> "hours"


@attrs.frozen
class Question:
    """One question of the guided entry.

    ``name`` is the field it fills (``addressees.breadth`` for a nested one; ``duration.*``
    and ``provision.*`` are assembled by ``effect_data`` and the provision flow). ``kind``:
    ``one`` (one of ``options``), ``many`` (any of them, comma-separated), ``text``, ``id``
    (a provision id), ``term`` (a number and a unit), ``yesno``, ``amounts`` (``name=number``
    pairs, names from ``options``). ``optional``: an empty answer (or
    ``-``) means "not stated". ``applies`` decides from the answers so far whether the
    question is put; ``describe`` gives an option's description from the answers so far
    (aims: whether the edition admits the aim for the right chosen)."""

    name: str
    ask: str  # msgid
    kind: str
    options: tuple[Option, ...] = ()
    optional: bool = False
    applies: Callable[[Answers], bool] | None = attrs.field(default=None, eq=False)
    describe: Callable[[str, Answers], str] | None = attrs.field(default=None, eq=False)

    def menu(self, answers: Answers) -> list[Option]:
        """The options with their descriptions given the answers so far (1-based in
        what the command line prints)."""
        if self.describe is None:
            return list(self.options)
        return [(i, self.describe(i, answers)) for i, _ in self.options]

    def parse(self, answer: str, taken: Sequence[str] = (), lang: str = "en") -> Any:
        """The parsed answer: an option id, a tuple of ids, text, a provision id, or a
        (amount, unit) term; None (or () for ``many``) for "not stated". ``taken`` are the
        provision ids already used; ``yesno`` gives a bool, ``amounts`` sorted (name,
        number) pairs. ValueError with a one-line reason for a bad answer."""
        text = answer.strip()
        if len(text) > MAX_ANSWER:  # never echoed back: it may be megabytes
            raise ValueError(
                message(
                    "the answer is {length} characters long; at most {limit} are allowed",
                    lang,
                    length=len(text),
                    limit=MAX_ANSWER,
                )
            )
        if text in SKIP:
            if self.optional:
                return () if self.kind == "many" else None
            raise ValueError(message("an answer is needed here; it cannot be left out", lang))
        if self.kind == "one":
            return self._option(text, lang)
        if self.kind == "many":
            chosen: list[str] = []
            for token in re.split(r"[,\s]+", text):
                if token:
                    value = self._option(token, lang)
                    if value not in chosen:
                        chosen.append(value)
            return tuple(chosen)
        if self.kind == "id":
            if not re.fullmatch(schemas.ID_PATTERN.strip("^$"), text):
                raise ValueError(
                    message(
                        "'{answer}' is not an id: use letters, digits, '.', '_' or '-', "
                        "starting with a letter or digit (e.g. art-10-para-1)",
                        lang,
                        answer=text,
                    )
                )
            if text in taken:
                raise ValueError(
                    message(
                        "'{answer}' is already the id of a provision of this bill",
                        lang,
                        answer=text,
                    )
                )
            return text
        if self.kind == "term":
            return _term(text, lang)
        if self.kind == "yesno":
            return yes_or_no(text, lang)
        if self.kind == "amounts":
            return self._amounts(text, lang)
        if "\n" in text:  # pragma: no cover - a prompt gives one line
            raise ValueError(message("expected one line", lang))
        return text

    def _amounts(self, text: str, lang: str) -> tuple[tuple[str, float], ...]:
        """``name=number`` pairs separated by commas; a name may be its number in the menu."""
        amounts: dict[str, float] = {}
        for part in text.split(","):
            name, sign, number = part.partition("=")
            if not part.strip():
                continue
            if not sign:
                raise ValueError(
                    message(
                        "'{answer}' is not name=number (e.g. fee_percent=1)",
                        lang,
                        answer=part.strip(),
                    )
                )
            key = self._option(name.strip(), lang)
            try:
                value = float(number.strip().replace(",", "."))
            except ValueError:
                value = math.nan
            if not (math.isfinite(value) and value >= 0):
                raise ValueError(
                    message(
                        "'{answer}' is not a number of zero or more", lang, answer=number.strip()
                    )
                )
            amounts[key] = value
        return tuple(sorted(amounts.items()))

    def _option(self, token: str, lang: str) -> str:
        ids = [i for i, _ in self.options]
        if token.isdigit() and 1 <= int(token) <= len(ids):
            return ids[int(token) - 1]
        by_name = {i.casefold(): i for i in ids}
        if token.casefold() in by_name:
            return by_name[token.casefold()]
        raise ValueError(
            message(
                "'{answer}' is not in the list: give a number from 1 to {count} or a name "
                "from the list",
                lang,
                answer=token,
                count=len(ids),
            )
        )


def _term(text: str, lang: str) -> tuple[float, str]:
    """``72 hours``, ``3 years``, ``1 month``, ``2.5 days``: (amount, unit)."""
    match = re.fullmatch(r"([0-9]+(?:[.,][0-9]+)?)\s*([A-Za-z]+)", text)
    units = ", ".join(model.DURATION_UNITS)
    if match is None:
        raise ValueError(
            message(
                "'{answer}' is not a term: write a number and a unit ({units}), e.g. 72 hours",
                lang,
                answer=text,
                units=units,
            )
        )
    amount = float(match.group(1).replace(",", "."))
    word = match.group(2).lower()
    unit = word if word in model.DURATION_UNITS else _SINGULAR.get(word)
    if unit is None:
        raise ValueError(
            message(
                "'{unit}' is not a unit of time: use one of {units}", lang, unit=word, units=units
            )
        )
    if not (amount > 0 and math.isfinite(amount)):
        raise ValueError(message("a term must be longer than zero", lang))
    return amount, unit


YES_WORDS = frozenset({"y", "yes", "д", "да", "и", "иә", "ия"})
"""Answers taken as yes, in any language of the reports (en, ru, kk), case ignored."""
NO_WORDS = frozenset({"n", "no", "н", "нет", "ж", "жоқ"})
"""Answers taken as no, in any language of the reports (en, ru, kk), case ignored."""


def yes_or_no(text: str, lang: str = "en") -> bool:
    """``text`` as a yes or no answer (``YES_WORDS``, ``NO_WORDS``); ``ValueError`` with a
    one-line reason in ``lang`` otherwise."""
    word = text.strip().casefold()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise ValueError(message("'{answer}': answer yes or no", lang, answer=text))
