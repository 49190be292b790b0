"""`tarazy fix FILE [PROVISION_ID] [--write OUT]`: the computed fixes of a bill.

Parses the arguments and calls the engine (engine/analysis/fixing.py for the search,
engine/reports/fixes_report.py for the report and the amended bill); nothing more. Registered
on the `tarazy` group at the end of cli/main.py.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from pathlib import Path

import click

from tarazy.cli.options import (
    AS_OF,
    CASE_BASE,
    DOCTRINES,
    EXIT_FAIL,
    EXIT_OPEN,
    FORMAT,
    LANG,
    check_in_force,
)
from tarazy.engine.model.errors import EngineError, InputError, gather
from tarazy.engine.model.messages import message

__all__ = ["fix"]


@click.command(name="fix")
@click.argument("file", type=click.Path(path_type=Path))
@click.argument("provision_id", required=False)
@FORMAT
@DOCTRINES
@CASE_BASE
@AS_OF
@LANG
@click.option(
    "--write",
    "write",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the amended bill (every fix applied) to this file, atomically. It may not be "
    "the input bill. '-' writes the amended bill to standard output and the fix report to "
    "standard error (`tarazy fix bill.yaml --write - > amended.yaml`).",
)
def fix(
    file: Path,
    provision_id: str | None,
    fmt: str,
    doctrines_dir: Path | None,
    cases_dir: Path | None,
    as_of: dt.datetime | None,
    lang: str,
    write: Path | None,
) -> None:
    """Compute fixes for the failing stages of the provisions of bill FILE (or only
    PROVISION_ID); FILE '-' reads the bill from standard input.

    For each stage that fails, the smallest change to the facts a drafter controls, along
    the dimensions the deciding doctrine or decided case reads (a safeguard added, the legal
    ground made express, a court instead of an official, a fixed term instead of an indefinite
    one ...), that makes the stage pass when the amended provision is checked again against
    every doctrine and the whole case base, printed in bill-file syntax (before → after).
    Where no change makes it pass, the smallest that stops it failing is given and said to
    leave the stage open; where nothing along the dimensions cures it (an absolute right
    denied, a forbidden ground), the report says so and why. With --write OUT the amended
    bill is written to OUT ('-': to standard output, the report then on standard error);
    a part of the file shared through a YAML anchor and alias that a fix would change is
    refused (exit 2), as is an OUT that is the input bill. The exit status is the amended
    bill's verdict, as in
    `tarazy check` (1 while a stage still fails, 3 while one is open, 0 when it conforms).
    """
    from tarazy.engine.analysis import fixing
    from tarazy.engine.input import cache, loading, yamlfile
    from tarazy.engine.reports import amending, batch, check_text, fixes_report, provenance
    from tarazy.engine.verdict.evaluating import Evaluator, edition_for

    to_stdout = write is not None and str(write) == batch.STDIN
    problems: list[InputError] = []
    if write is not None and not to_stdout:  # before any work: a long search must not end
        try:  # in an amended bill that cannot be written
            batch.check_output_directory(write, amended=True, lang=lang)
            _refuse_input(write, file, lang)
            batch.check_output_target(write)
            if str(file) == batch.STDIN:
                batch.refuse_stdin_target(write, sys.stdin, lang)
        except InputError as exc:
            problems.append(exc)
    catalogue = cache.load_catalogue()
    doctrines = bill = None
    original_text: str | None = None
    try:
        doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    except InputError as exc:
        problems.append(exc)
    try:
        if str(file) == batch.STDIN:
            raw = sys.stdin.buffer.read(yamlfile.MAX_BYTES + 1)
            document = batch.read_stdin(io.BytesIO(raw))  # the size and UTF-8 checks
            bill = loading.load_bill(batch.STDIN_NAME, catalogue, document)
        else:
            document = yamlfile.read(file)
            bill = loading.load_bill(file, catalogue, document)
            raw = file.read_bytes()
        original_text = raw.decode("utf-8")
    except InputError as exc:
        problems.append(exc)
    cases = []
    try:
        cases = cache.load_cases(cases_dir, catalogue)
    except InputError as exc:
        problems.append(exc)
    gather(problems)
    bill_data = document.data
    assert doctrines is not None and bill is not None and original_text is not None
    chosen = batch.chosen_provisions(bill, provision_id, str(file))
    default_day = as_of.date() if as_of else dt.date.today()
    day = bill.as_of or default_day
    check_in_force(catalogue, day)
    edition = edition_for(day, catalogue)
    with Evaluator(doctrines, catalogue, cases=cases) as evaluator:
        found = [
            fixing.fixes_for(evaluator.evaluate(p, day, edition, lang), evaluator, lang)
            for p in chosen
        ]
    groups = [(bill.path, found)]
    stamp = provenance.stamp(doctrines, cases_dir)
    # the --as-of the bill's own as_of overrode (None: it did not), as check reports it
    overridden = batch.overridden_as_of(bill, as_of.date() if as_of else None)
    text: str | None = None
    if write is not None:
        amended = {p.id: p for p in bill.provisions} | {f.amended.id: f.amended for f in found}
        in_order = [amended[p.id] for p in bill.provisions]  # file order, as amending matches
        single = isinstance(bill_data, dict) and "provisions" not in bill_data
        # refused (InputError) before any output when a fix would change a shared anchor
        text = amending.amended_bill_text(original_text, in_order, single, str(bill.path), lang)
        # the amended bill must load back to the amended provisions, or it is not written
        reread = loading.load_bill(str(write), catalogue, yamlfile.parse(text, str(write)))
        if tuple(reread.provisions) != tuple(in_order):
            raise EngineError("the amended bill does not load back to the amended provisions")
    report = sys.stderr if to_stdout else sys.stdout  # the amended bill has standard output
    if fmt == "json":
        report.write(fixes_report.fixes_json(groups, stamp, overridden))
    else:
        if overridden is not None:  # as check and explain say it
            report.write(check_text.override_line(day, overridden, lang).lstrip() + "\n")
        report.write(fixes_report.fixes_text(groups, catalogue, stamp, lang))
    if to_stdout and text is not None:
        report.flush()
        sys.stdout.write(text)
        sys.stdout.flush()
    elif write is not None and text is not None and not any(f.changed for f in found):
        # nothing a drafter controls cures it: an "amended" copy identical to the bill would
        # read as a fix
        _say(
            message(
                "tarazy: no fix changes the bill; nothing was written to {file}",
                lang,
                file=str(write),
            )
        )
    elif write is not None and text is not None:
        with batch.atomic_output(write) as out:
            out.write(text)
        _say(message("tarazy: wrote the amended bill to {file}", lang, file=str(write)))
    outcomes = {f.after.outcome for f in found}
    if "does_not_conform" in outcomes:
        raise SystemExit(EXIT_FAIL)
    if "open" in outcomes:
        raise SystemExit(EXIT_OPEN)


def _refuse_input(target: Path, given: Path, lang: str = "en") -> None:
    """InputError when ``target`` is the input bill itself (by name or by file identity;
    an input read from standard input is compared by ``batch.refuse_stdin_target``)."""
    if str(given) == "-":
        return
    same = target.resolve() == given.resolve()
    if not same:
        try:
            same = os.path.samefile(target, given)
        except OSError:
            same = False
    if same:
        raise InputError(
            message(
                "--write would overwrite the input bill; write the amended bill to another file",
                lang,
            ),
            str(target),
        )


def _say(line: str) -> None:
    """One line to standard error (the report or the amended bill has standard output)."""
    click.echo(line, err=True)
