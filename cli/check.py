"""`tarazy check`: the provisions of bills against the doctrines, stage by stage."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tarazy.cli.options import (
    AS_OF,
    CASE_BASE,
    DOCTRINES,
    LANG,
    check_in_force,
    format_option,
)
from tarazy.engine.model import exitstatus

# Start-up: each command imports what it uses, inside its function, so that `tarazy check`
# does not import Hypothesis (only `verify` does) and `rights` does not import jsonschema
# or durable_rules. The catalogue and doctrines come through tarazy.engine.input.cache.
if TYPE_CHECKING:
    pass


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option(
    "text",
    "json",
    "junit",
    "sarif",
    "markdown",
    "html",
    help="text for people, json for programs, junit (JUnit XML) and sarif (SARIF 2.1.0) for "
    "CI systems, markdown or html (one self-contained file, for A4, with the computed fixes) "
    "for a memo to file with the bill; the same input gives the same bytes.",
)
@DOCTRINES
@CASE_BASE
@AS_OF
@LANG
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Evaluate in this many processes. The output is the same, byte for byte.",
)
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file, atomically (complete or not at all); '-' is "
    "standard output, as for `tarazy new -`. Default: standard output.",
)
@click.option(
    "--fail-on",
    "fail_on",
    type=click.Choice(["violations", "open", "concerns"]),
    default="open",
    show_default=True,
    help="What makes the exit status non-zero: violations (1), open stages too (3), or "
    "concerns too (5).",
)
def check(
    files: Sequence[Path],
    fmt: str,
    doctrines_dir: Path | None,
    cases_dir: Path | None,
    as_of: dt.datetime | None,
    lang: str,
    jobs: int,
    output: Path | None = None,
    fail_on: str = "open",
) -> None:
    """Check the provisions in bill FILES against the doctrines.

    Each FILE is a bill (a mapping with 'provisions:') or a single provision (a mapping
    with 'effects:'); see `tarazy schema bill`. For every provision the report gives the
    verdict (does_not_conform, conforms_with_concerns, conforms, open), the stage table of
    each effect (legality, absolute rights, legitimate aim, necessity, balance, equality,
    certainty: fails, passes, open or n/a, and what settled it - a doctrine or a decided
    case), the findings with reasons, articles, rulings and remedies, and the open questions
    with the nearest decided case on each side. Every file is read and checked before
    anything is written (all their problems together); then verdicts are written as they
    are made. A FILE may be '-' (a bill on standard input) or a directory (every *.yaml
    and *.yml in it, by name).
    """
    from tarazy.engine.input import cache
    from tarazy.engine.reports import batch, streaming

    if output is not None and str(output) == batch.STDIN:
        output = None  # `-o -`: standard output, never a file named '-'
    catalogue = cache.load_catalogue()
    doctrines, bills, cases = batch.read_inputs(
        files, catalogue, doctrines_dir, cases_dir, sys.stdin.buffer, output
    )
    default_day = as_of.date() if as_of else dt.date.today()
    if as_of is not None:
        check_in_force(catalogue, default_day)
    explain_options: tuple[str, ...] = ()  # so that each explain pointer explains this check
    if doctrines_dir is not None:
        explain_options += ("--doctrines", str(doctrines_dir))
    if cases_dir is not None:
        explain_options += ("--cases", str(cases_dir))
    groups = streaming.groups_of(
        bills, catalogue, default_day, as_of.date() if as_of else None, explain_options
    )
    titles = {bill.path: bill.title for bill in bills}  # the memo's headings
    del bills
    import gc

    gc.freeze()  # the loaded input lives to the end: no collection need walk it again
    from tarazy.engine.reports import memo, provenance

    stamp = provenance.stamp(doctrines, cases_dir)
    make_report: Callable[..., streaming.Report] = streaming.Report
    stack = contextlib.ExitStack()
    if fmt in memo.FORMATS:  # the memo collects every verdict, then writes (memo.py)
        import functools

        from tarazy.engine.reports.memo_fixes import ComputedFixes

        fixes = stack.enter_context(ComputedFixes(doctrines, catalogue, cases, lang))
        make_report = functools.partial(memo.MemoReport, titles=titles, fixes=fixes)
    total = sum(len(g.provisions) for g in groups)
    to_terminal = output is None and batch.isatty(sys.stdout)
    progress = batch.Progress(total, sys.stderr, report_on_terminal=to_terminal)
    if output is not None:
        with stack, batch.atomic_output(output) as target:
            report = make_report(target.write, fmt, catalogue, lang, stamp, doctrines)
            report.progress = progress.advance
            try:
                outcomes = streaming.run(groups, report, doctrines, catalogue, jobs, cases)
            finally:
                progress.finish()
        raise SystemExit(batch.exit_status(outcomes, fail_on))
    out = sys.stdout
    report = make_report(out.write, fmt, catalogue, lang, stamp, doctrines)
    report.progress = progress.advance
    try:
        try:
            with stack:
                outcomes = streaming.run(groups, report, doctrines, catalogue, jobs, cases)
        finally:
            progress.finish()
        out.flush()
    except BrokenPipeError:
        # The reader left (`tarazy check big.yaml | head`): stop quietly, with the status a
        # shell gives a process killed by SIGPIPE - never a verdict's.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        raise SystemExit(exitstatus.BROKEN_PIPE) from None
    raise SystemExit(batch.exit_status(outcomes, fail_on))
