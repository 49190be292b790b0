"""Options and parameter types the commands share.

Nothing here loads a bill or evaluates anything. The choices the catalogue decides (editions,
languages) are read from it (``engine/model/choices.py``) when an option is parsed or its help
is shown, never written out here; the other choices are named lists that tests check against
the engine (``STAGE_NAMES``, ``PROPERTY_NAMES``), so that start-up imports neither the model
nor Hypothesis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tarazy.engine.model import exitstatus

if TYPE_CHECKING:
    from tarazy.engine.model.catalogue import Catalogue

__all__ = [
    "AS_OF",
    "CASES",
    "CASE_BASE",
    "CASE_PATHS",
    "DOCTRINES",
    "EXIT_ENGINE",
    "EXIT_FAIL",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_OPEN",
    "FORMAT",
    "LANG",
    "PROPERTY_NAMES",
    "STAGE_NAMES",
    "CalendarDate",
    "CatalogueChoice",
    "Edition",
    "Language",
    "cases_option",
    "check_in_force",
    "format_option",
]

# The names of verify's properties, for its --property choice without importing Hypothesis
# (tests/test_cli.py checks them against engine/verification/verifying.py's registry).
PROPERTY_NAMES = (
    "doctrine_tests",
    "replay",
    "precedent",
    "monotonicity",
    "irrelevance",
    "absolute_rights",
    "differential",
    "edition_change",
    "case_base",
    "coverage",
    "rulings",
    "adequacy",
)

# The stages of the proportionality test, for option choices without importing the model at
# start-up (tests/test_scale.py checks them against engine/model/'s STAGES).
STAGE_NAMES = (
    "legality",
    "absolute_rights",
    "legitimate_aim",
    "necessity",
    "balance",
    "equality",
    "certainty",
)

# The statuses commands exit with (engine/model/exitstatus.py says what each means).
EXIT_OK = exitstatus.CONFORMS
EXIT_FAIL = exitstatus.DOES_NOT_CONFORM
EXIT_INPUT = exitstatus.INPUT
EXIT_OPEN = exitstatus.OPEN
EXIT_ENGINE = exitstatus.ENGINE


def format_option(*choices: str, help: str) -> Callable[[Any], Any]:
    """``--format``, one of ``choices`` (the first is the default), with its help text."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help,
    )


FORMAT = format_option(
    "text", "json", help="text for people, json for programs (the same input gives the same bytes)."
)
DOCTRINES = click.option(
    "--doctrines",
    "doctrines_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Directory of doctrine files. Default: the doctrines bundled with tarazy.",
)


class CalendarDate(click.DateTime):
    """A date written YYYY-MM-DD; one in that form that does not exist (2026-02-30) is named
    as such, not as a format error. Converts to a ``datetime`` at midnight."""

    name = "date"

    def __init__(self) -> None:
        super().__init__(["%Y-%m-%d"])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The ``datetime`` of ``value``; a usage error (exit 2) for a non-date."""
        if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
            try:
                return dt.datetime.strptime(value, "%Y-%m-%d")
            except ValueError:
                if value.replace("-", "").isdigit():
                    self.fail(
                        f"{value!r} is written YYYY-MM-DD but is no calendar date", param, ctx
                    )
        return super().convert(value, param, ctx)


def check_in_force(catalogue: Catalogue, day: dt.date) -> None:
    """Refuse (a usage error, exit 2, against ``--as-of``) a day on which no edition of the
    Constitution the catalogue knows was in force."""
    if catalogue.edition_on(day) is None:
        first = min(e.in_force_from for e in catalogue.editions).isoformat()
        raise click.BadParameter(
            f"no edition of the Constitution was in force on {day.isoformat()}; "
            f"expected a date from {first} on",
            param_hint="'--as-of'",
        )


class CatalogueChoice(click.Choice[str]):
    """A choice whose values the catalogue decides, read when the option is parsed or its
    help shown (the catalogue comes through the on-disk cache, engine/input/cache.py)."""

    def __init__(self, read: Callable[[Catalogue], tuple[str, ...]], name: str) -> None:
        self._read = read
        self.name = name
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:
        """The values the catalogue allows, in its order."""
        from tarazy.engine.input import cache

        return self._read(cache.load_catalogue())

    @choices.setter
    def choices(self, _value: Any) -> None:
        """Refused: click's ``Choice.__init__`` would set them, and it is never called."""
        raise AttributeError("the choices are read from the catalogue")


def Edition() -> CatalogueChoice:
    """The id of an edition of the Constitution in the catalogue (``1995-2022``, ``2026``)."""
    from tarazy.engine.model import choices

    return CatalogueChoice(choices.edition_ids, "edition")


def Language(complete: bool = False) -> CatalogueChoice:
    """A language of reports the catalogue has texts in (``en``, ``ru``, ``kk``); with
    ``complete``, only those every catalogue text is written in (no fall-back)."""
    from tarazy.engine.model import choices

    return CatalogueChoice(
        choices.complete_languages if complete else choices.languages, "language"
    )


AS_OF = click.option(
    "--as-of",
    "as_of",
    type=CalendarDate(),
    default=None,
    help="Date the check is made for, YYYY-MM-DD; it selects the edition of the Constitution "
    "(1995-2022 until 30.06.2026, 2026 from 01.07.2026). Default: today. A bill's own "
    "'as_of' overrides it.",
)
LANG = click.option(
    "--lang",
    type=Language(),
    default="en",
    show_default=True,
    help="Language of reasons and remedies (kk falls back to ru where a doctrine has no "
    "Kazakh text).",
)


def cases_option(help: str) -> Callable[[Any], Any]:
    """``--cases DIR``, a directory of case files, with the help its command needs."""
    return click.option(
        "--cases",
        "cases_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=help,
    )


CASE_BASE = cases_option(
    "Directory of decided cases that settle the stages no doctrine settles. "
    "Default: the cases bundled with tarazy."
)
CASE_PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
CASES = cases_option(
    "Directory of case files. Default: the decided cases bundled with tarazy. "
    "Case files or directories given as arguments take its place."
)
