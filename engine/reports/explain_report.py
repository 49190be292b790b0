"""``tarazy explain``: the justification trees of a bill, framed as JSON and as text.

The trees themselves come from ``justifying.explain_provision`` and are rendered by
``justifying.explanation_json`` / ``explanation_text``; this module adds what the command
states around them: what made the report (the provenance stamp), the edition applied, and
an ``--as-of`` the bill's own ``as_of`` overrode.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from tarazy.engine.reports import justifying, reporting
from tarazy.engine.reports.check_text import override_line

__all__ = ["explain_json", "explain_text", "outcome_status"]


def explain_json(
    trees: Sequence[Mapping[str, Any]],
    stamp: Mapping[str, Any],
    edition: str,
    overridden: dt.date | None,
) -> str:
    """``{tarazy: {...stamp, edition}, as_of_overridden, provisions: [tree]}`` as a JSON
    document; ``as_of_overridden`` is the ``--as-of`` date (ISO 8601) the bill's own
    ``as_of`` overrode, as in check's JSON, else ``null``."""
    head: dict[str, Any] = {
        "tarazy": dict(stamp) | {"edition": edition},
        "as_of_overridden": overridden.isoformat() if overridden else None,
    }
    return justifying.explanation_json(trees, head)


def explain_text(
    trees: Sequence[Mapping[str, Any]],
    stamp: Mapping[str, Any],
    edition: str,
    day: dt.date,
    overridden: dt.date | None,
    lang: str = "en",
) -> str:
    """The trees for a reader, after a note where the bill's ``as_of`` (``day``) overrode
    ``--as-of`` (``overridden``), and before the stamp line, in ``lang``. Ends with a
    newline."""
    text = justifying.explanation_text(trees)
    if overridden is not None:
        text = override_line(day, overridden, lang).lstrip() + "\n" + text
    return text + "\n" + reporting.stamp_text(stamp, [edition], lang) + "\n"


def outcome_status(trees: Sequence[Mapping[str, Any]]) -> int:
    """The exit status of the explained provisions, as ``tarazy check`` gives it: 1 when one
    does not conform, else 3 when one is open, else 0."""
    from tarazy.engine.model import exitstatus

    outcomes = {t["outcome"] for t in trees}
    if "does_not_conform" in outcomes:
        return exitstatus.DOES_NOT_CONFORM
    if "open" in outcomes:
        return exitstatus.OPEN
    return exitstatus.CONFORMS
