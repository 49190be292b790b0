"""`tarazy explain`: why each stage of a provision's effects came out as it did."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tarazy.cli.options import (
    AS_OF,
    CASE_BASE,
    DOCTRINES,
    FORMAT,
    LANG,
    check_in_force,
)
from tarazy.engine.model import exitstatus
from tarazy.engine.model.errors import InputError, gather

# Start-up: each command imports what it uses, inside its function, so that `tarazy check`
# does not import Hypothesis (only `verify` does) and `rights` does not import jsonschema
# or durable_rules. The catalogue and doctrines come through tarazy.engine.input.cache.
if TYPE_CHECKING:
    from tarazy.engine import model


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.argument("provision_id", required=False)
@FORMAT
@DOCTRINES
@CASE_BASE
@AS_OF
@LANG
def explain(
    file: Path,
    provision_id: str | None,
    fmt: str,
    doctrines_dir: Path | None,
    cases_dir: Path | None,
    as_of: dt.datetime | None,
    lang: str,
) -> None:
    """Explain the verdict on the provisions of bill FILE (or only PROVISION_ID); FILE '-'
    reads the bill from standard input.

    For each effect and stage: what settled it (a doctrine, a decided case or nothing);
    every doctrine of the stage with each condition (when, open_when, unless) marked as
    holding or not and the fact value that made it so; what the doctrine then did and
    whether a special doctrine displaced it; for a stage no doctrine settles, the decided
    cases compared, on which dimensions and what distinguishes them; the articles of the
    edition applied. The exit status is the verdict's, as in `tarazy check`.
    """
    from tarazy.engine.input import cache
    from tarazy.engine.reports import batch, explain_report, justifying, provenance
    from tarazy.engine.verdict.evaluating import Evaluator, edition_for

    catalogue = cache.load_catalogue()
    problems: list[InputError] = []
    doctrines = bill = None
    cases: list[model.Case] = []
    try:
        doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    except InputError as exc:
        problems.append(exc)
    try:
        bill = batch.read_bill(file, catalogue, sys.stdin.buffer)
    except InputError as exc:
        problems.append(exc)
    try:
        cases = cache.load_cases(cases_dir, catalogue)
    except InputError as exc:
        problems.append(exc)
    gather(problems)
    assert doctrines is not None and bill is not None
    chosen = batch.chosen_provisions(bill, provision_id, str(file))
    default_day = as_of.date() if as_of else dt.date.today()
    day = bill.as_of or default_day
    check_in_force(catalogue, day)
    edition = edition_for(day, catalogue)
    with Evaluator(doctrines, catalogue, cases=cases) as evaluator:
        trees = [
            justifying.explain_provision(evaluator, p, day, edition, lang, bill.path)
            for p in chosen
        ]
    stamp = provenance.stamp(doctrines, cases_dir)
    overridden = batch.overridden_as_of(bill, as_of.date() if as_of else None)
    if fmt == "json":
        sys.stdout.write(explain_report.explain_json(trees, stamp, edition, overridden))
    else:
        sys.stdout.write(explain_report.explain_text(trees, stamp, edition, day, overridden, lang))
    status = explain_report.outcome_status(trees)
    if status != exitstatus.CONFORMS:
        raise SystemExit(status)
