"""The decided cases: `tarazy replay`, `tarazy consistency` and `tarazy survival`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tarazy.cli.options import (
    CASE_PATHS,
    CASES,
    DOCTRINES,
    EXIT_FAIL,
    EXIT_OPEN,
    FORMAT,
    Edition,
    format_option,
)

# Start-up: each command imports what it uses, inside its function, so that `tarazy check`
# does not import Hypothesis (only `verify` does) and `rights` does not import jsonschema
# or durable_rules. The catalogue and doctrines come through tarazy.engine.input.cache.
if TYPE_CHECKING:
    from tarazy.engine import model
    from tarazy.engine.analysis.replaying import Replay


def _load_replays(
    paths: Sequence[Path],
    cases_dir: Path | None,
    doctrines_dir: Path | None,
    leave_one_out: bool = False,
) -> tuple[model.DoctrineSet, list[Replay]]:
    from tarazy.engine.analysis import replaying
    from tarazy.engine.input import cache, loading
    from tarazy.engine.verdict.evaluating import Evaluator

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    chosen = list(paths) or ([cases_dir] if cases_dir else [])
    cases = loading.load_cases(chosen, catalogue, doctrines)
    with Evaluator(doctrines, catalogue, cases=cases) as evaluator:
        return doctrines, replaying.replay_all(cases, evaluator, leave_one_out)


@click.command()
@CASE_PATHS
@format_option(
    "text",
    "json",
    "junit",
    help="text: a table; json: {cases, summary, inconsistencies}; junit: JUnit XML with one "
    "test per case, for CI systems.",
)
@CASES
@DOCTRINES
@click.option(
    "--against",
    "against",
    metavar="REF",
    default=None,
    help="Compare with a baseline: a git revision (branch, tag, commit) of the doctrines "
    "directory, or another directory of doctrines. Lists the cases whose outcome flips "
    "between the baseline and the current doctrines, and which doctrines started or stopped "
    "applying.",
)
@click.option(
    "--leave-one-out",
    is_flag=True,
    help="Leave each case out of the case base while replaying it, so its verdict is what "
    "the doctrines and the other cases support. Upheld cases that only their own precedent "
    "settles then come out open (uncovered).",
)
def replay(
    paths: Sequence[Path],
    fmt: str,
    cases_dir: Path | None,
    doctrines_dir: Path | None,
    against: str | None,
    leave_one_out: bool,
) -> None:
    """Replay the Court's decided cases against the doctrines.

    Each case is evaluated under the edition of the Constitution it was decided under, on
    its date, and its outcome compared with the holding: match, weak_match, mismatch or
    uncovered (a stage stays open). Exit status 1 when any case mismatches or is
    uncovered. The case base includes each case itself (an identical provision gets the
    Court's answer) unless --leave-one-out is given: then the run is a measurement, and only
    a mismatch fails it (exit 1).
    """
    from tarazy.engine.analysis import precedent, replaying
    from tarazy.engine.input import cache, loading
    from tarazy.engine.reports import reporting
    from tarazy.engine.verdict.evaluating import Evaluator

    doctrines, replays = _load_replays(paths, cases_dir, doctrines_dir, leave_one_out)
    if against is not None:
        if fmt == "junit":
            raise click.UsageError("--against reports flips as text or json, not junit")
        catalogue = cache.load_catalogue()
        baseline = loading.doctrines_at(against, doctrines_dir, catalogue)
        with Evaluator(baseline, catalogue, cases=[r.case for r in replays]) as evaluator:
            before = replaying.replay_all([r.case for r in replays], evaluator)
        flips = replaying.flips(before, replays, baseline, doctrines)
        current = doctrines.source
        render = reporting.flips_json if fmt == "json" else reporting.flips_text
        click.echo(render(flips, baseline.source, current), nl=False)
    else:
        conflicts = precedent.inconsistencies(replays, doctrines)
        if fmt == "json":
            click.echo(reporting.replay_json(replays, conflicts), nl=False)
        elif fmt == "junit":
            click.echo(reporting.replay_junit(replays), nl=False)
        else:
            compared = precedent.comparable_pairs(replays, doctrines)
            click.echo(reporting.replay_text(replays, conflicts, compared), nl=False)
    if leave_one_out:
        # a measurement: upheld cases only their own precedent settles come out open, as
        # documented; only a case the rest decides against its holding fails the run
        if any(r.match == "mismatch" and not r.open for r in replays):
            raise SystemExit(EXIT_FAIL)
        return
    if replaying.failed(replays):
        raise SystemExit(EXIT_FAIL)


@click.command()
@CASE_PATHS
@FORMAT
@CASES
@DOCTRINES
def consistency(
    paths: Sequence[Path], fmt: str, cases_dir: Path | None, doctrines_dir: Path | None
) -> None:
    """Check the decided cases against each other (exhaustively, pairwise).

    Reports every pair where a case held to conform is at least as restrictive as a case
    held not to conform, through a violation doctrine that decided the second and applies to
    the first, where both concern the same right by the same kind of measure. Cases decided
    "in the Court's interpretation" take neither side. Exit status 1 when any pair is found
    (a tension between rulings, to be read, not hidden); 3 when no pair is comparable at all,
    so that nothing was checked - never a silent pass.
    """
    from tarazy.engine.analysis import precedent
    from tarazy.engine.reports import consistency_report

    doctrines, replays = _load_replays(paths, cases_dir, doctrines_dir)
    conflicts = precedent.inconsistencies(replays, doctrines)
    compared = precedent.comparable_pairs(replays, doctrines)
    if fmt == "json":
        render = consistency_report.consistency_json
    else:
        render = consistency_report.consistency_text
    click.echo(render(len(replays), compared, conflicts), nl=False)
    if conflicts:
        raise SystemExit(EXIT_FAIL)
    if compared == 0:
        raise SystemExit(EXIT_OPEN)


@click.command()
@format_option(
    "text",
    "json",
    "markdown",
    help="text for the terminal, json for programs, markdown for a memo to circulate.",
)
@CASES
@DOCTRINES
@click.option(
    "--edition",
    type=Edition(),
    default="2026",
    show_default=True,
    help="The edition to replay the decided cases under, besides their own.",
)
def survival(fmt: str, cases_dir: Path | None, doctrines_dir: Path | None, edition: str) -> None:
    """Which decided cases and doctrines survive the 2026 Constitution, and why.

    Every decided case is replayed under the edition it was decided under and again under
    the new one; each is reported as same outcome, same outcome on other grounds, different
    outcome, or now open, with the reason in legal terms (a right that left the
    never-restrictable list, a newly admitted aim, a doctrine whose basis lapsed) and what
    still carries the result. Then every doctrine: its articles under each edition, how its
    basis fares, and the cases it decides under each.
    """
    from tarazy.engine.analysis import survival as survival_module
    from tarazy.engine.input import cache, loading
    from tarazy.engine.reports import reporting
    from tarazy.engine.verdict.evaluating import Evaluator

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    cases = loading.load_cases([cases_dir] if cases_dir else [], catalogue, doctrines)
    with Evaluator(doctrines, catalogue, cases=cases) as evaluator:
        per_case, per_doctrine = survival_module.survey(cases, evaluator, catalogue, edition)
    if fmt == "json":
        click.echo(reporting.survival_json(per_case, per_doctrine, edition), nl=False)
    elif fmt == "markdown":
        click.echo(
            reporting.survival_markdown(per_case, per_doctrine, edition, doctrines), nl=False
        )
    else:
        click.echo(reporting.survival_text(per_case, per_doctrine, edition, doctrines), nl=False)
