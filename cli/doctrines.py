"""The doctrine files: `tarazy doctrine list|test|lint|show|new` and `tarazy coverage`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tarazy.cli.options import (
    CASE_BASE,
    CASES,
    DOCTRINES,
    EXIT_FAIL,
    EXIT_OPEN,
    FORMAT,
    LANG,
    STAGE_NAMES,
    Language,
)
from tarazy.engine.model.errors import InputError

# Start-up: each command imports what it uses, inside its function, so that `tarazy check`
# does not import Hypothesis (only `verify` does) and `rights` does not import jsonschema
# or durable_rules. The catalogue and doctrines come through tarazy.engine.input.cache.
if TYPE_CHECKING:
    pass


@click.group()
def doctrine() -> None:
    """Inspect doctrine files."""


@doctrine.command("list")
@FORMAT
@DOCTRINES
@LANG
def doctrine_list(fmt: str, doctrines_dir: Path | None, lang: str) -> None:
    """List the doctrines: id, stage, outcome, the rulings each comes from."""
    from tarazy.engine.input import cache
    from tarazy.engine.reports import doctrine_list as listing

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    ordered = listing.in_stage_order(doctrines)
    render = listing.list_json if fmt == "json" else listing.list_text
    click.echo(render(ordered, lang), nl=False)


@doctrine.command("test")
@FORMAT
@DOCTRINES
@CASE_BASE
def doctrine_test(fmt: str, doctrines_dir: Path | None, cases_dir: Path | None) -> None:
    """Run the examples written next to the doctrines (doctrines/tests/<id>.yaml).

    Each example is a provision and what its doctrine must do with it: fire, pass (apply with
    its exception holding) or not apply. Exit status 1 when any example fails, 3 when none
    fails but some doctrine has no example, 2 when there are no examples at all. An example
    that states a `verdict` is also checked against the verdict of the whole set, with the
    case base (--cases), as `tarazy check` gives it.
    """
    from tarazy.engine.analysis import examplecheck
    from tarazy.engine.input import cache, loading
    from tarazy.engine.reports import example_report
    from tarazy.engine.verdict.evaluating import Evaluator

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    examples = loading.load_doctrine_examples(doctrines_dir, catalogue, doctrines)
    # with the case base, as verify and check see a provision: an example's `verdict` is the
    # verdict of the whole set
    cases = cache.load_cases(cases_dir, catalogue)
    with Evaluator(doctrines, catalogue, cases=cases) as evaluator:
        run = examplecheck.run_examples(evaluator, examples, doctrines.ids)
    render = example_report.examples_json if fmt == "json" else example_report.examples_text
    click.echo(render(run), nl=False)
    failed, untested = run.failed, run.untested
    if failed:
        raise SystemExit(EXIT_FAIL)
    if untested:  # a doctrine nothing checks is not a pass
        raise SystemExit(EXIT_OPEN)


@doctrine.command("lint")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@FORMAT
@CASES
def doctrine_lint(files: Sequence[Path], fmt: str, cases_dir: Path | None) -> None:
    """Lint doctrine files (default: the bundled doctrines): file and line for every finding.

    \b
    Errors: what the loader refuses (every file is read), unknown doctrines and rulings,
    a 'when' that never holds, an 'unless' that always or never holds where the doctrine
    applies, an 'open_when' that always holds, no examples. Warnings: conflicts the priority
    rule settles, subsumed doctrines, placeholders for numbers not stated, missing kk
    text, no ruling, no not_decided. Exit status 1 when there is an error, 0 otherwise.
    """
    from tarazy.engine.analysis import linting
    from tarazy.engine.input import cache
    from tarazy.engine.reports import lint_report

    catalogue = cache.load_catalogue()
    paths = linting.doctrine_files(list(files))
    findings = linting.lint(paths, catalogue, cases_dir)
    render = lint_report.json_report if fmt == "json" else lint_report.text_report
    click.echo(render(findings, len(paths)), nl=False)
    if any(f.severity == "error" for f in findings):
        raise SystemExit(EXIT_FAIL)


@doctrine.command("show")
@click.argument("doctrine_id", metavar="ID")
@DOCTRINES
@CASES
@click.option(
    "--lang",
    type=Language(complete=True),
    default="en",
    show_default=True,
    help="Language of the account (the doctrine's own texts, and the vocabulary).",
)
def doctrine_show(
    doctrine_id: str, doctrines_dir: Path | None, cases_dir: Path | None, lang: str
) -> None:
    """Show one doctrine in plain words: the rule generated from its conditions, its basis
    per edition, its rulings, the decided cases it decides (replayed) and its examples."""
    from tarazy.engine.analysis import replaying
    from tarazy.engine.input import cache, loading
    from tarazy.engine.model import conditions
    from tarazy.engine.reports import showing
    from tarazy.engine.verdict.evaluating import Evaluator

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    if doctrine_id not in doctrines.ids:
        raise InputError(
            conditions.unknown_message(doctrine_id, list(doctrines.ids), "doctrine"),
            doctrines.source,
        )
    doctrine_ = doctrines.get(doctrine_id)
    cases = loading.load_cases([cases_dir] if cases_dir else [], catalogue, doctrines)
    with Evaluator(doctrines, catalogue, cases=cases) as evaluator:
        replays = replaying.replay_all(cases, evaluator)
    folder = doctrines_dir or loading.BUNDLED_DOCTRINES
    examples = [
        ex
        for ex in (
            loading.load_doctrine_examples(doctrines_dir, catalogue, doctrines)
            if (folder / "tests").is_dir()
            else ()
        )
        if ex.doctrine == doctrine_id
    ]
    decided = showing.decided_cases(doctrine_, replays)
    click.echo(showing.show_text(doctrine_, catalogue, decided, examples, cases, lang), nl=False)


@click.command()
@FORMAT
@DOCTRINES
@CASES
@click.option(
    "--fail-under",
    "fail_under",
    type=click.FloatRange(0, 100),
    default=None,
    metavar="N",
    help="Exit with status 1 when fewer than N percent of the branches are covered.",
)
def coverage(
    fmt: str, doctrines_dir: Path | None, cases_dir: Path | None, fail_under: float | None
) -> None:
    """Condition coverage: for every doctrine and every branch of its conditions (when,
    unless, open_when and each 'any' alternative), the decided cases and doctrine examples
    that witness it true and false; the uncovered branches; the share covered."""
    from tarazy.engine.analysis import coverage as coverage_
    from tarazy.engine.input import cache, loading
    from tarazy.engine.reports import coverage_report

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    cases = loading.load_cases([cases_dir] if cases_dir else [], catalogue, doctrines)
    folder = doctrines_dir or loading.BUNDLED_DOCTRINES
    examples = (
        loading.load_doctrine_examples(doctrines_dir, catalogue, doctrines)
        if (folder / "tests").is_dir()
        else ()
    )
    found = coverage_.coverage(doctrines, cases, examples, catalogue)
    render = coverage_report.json_report if fmt == "json" else coverage_report.text_report
    click.echo(render(found), nl=False)
    if fail_under is not None and coverage_.percent(found) < fail_under:
        raise SystemExit(EXIT_FAIL)


@doctrine.command("new")
@click.argument("doctrine_id", metavar="ID")
@click.option(
    "--ruling",
    metavar="CASE_ID",
    default=None,
    help="The ruling the doctrine comes from, e.g. KZ-CC-NR-2025-80; a skeleton case file is "
    "written for it unless the case base has one. Without it the doctrine rests on the text.",
)
@click.option(
    "--stage",
    type=click.Choice(list(STAGE_NAMES)),
    default="necessity",
    show_default=True,
    help="The stage of the proportionality test it settles.",
)
@click.option(
    "--outcome",
    type=click.Choice(["violation", "concern"]),
    default="violation",
    show_default=True,
    help="violation: the provision does not conform; concern: it conforms, with a recommendation.",
)
@DOCTRINES
@click.option(
    "--cases",
    "cases_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Directory the case file goes to. Default: the cases bundled with tarazy.",
)
def doctrine_new(
    doctrine_id: str,
    ruling: str | None,
    stage: str,
    outcome: str,
    doctrines_dir: Path | None,
    cases_dir: Path | None,
) -> None:
    """Write a commented skeleton doctrine (DIR/ID.yaml), its examples (DIR/tests/ID.yaml)
    and, with --ruling, a skeleton case file for the ruling. Never overwrites a file. Each
    file's first line points editors at the JSON Schema shipped with tarazy, so they complete
    and check fields. The skeletons do not load until every TODO is filled."""
    from tarazy.engine.analysis import skeleton
    from tarazy.engine.input import loading

    written = skeleton.new_doctrine(
        doctrine_id,
        doctrines_dir or loading.BUNDLED_DOCTRINES,
        cases_dir or loading.BUNDLED_CASES,
        ruling,
        stage,
        outcome,
    )
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"next: fill every TODO, then tarazy doctrine lint {written[0]}")
