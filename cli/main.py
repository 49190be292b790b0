"""The `tarazy` command line. Parses arguments and calls the engine; nothing more.

Exit statuses mean the same thing in every command:
  0  all is well (every provision conforms, concerns included)
  1  a provision does not conform (or a check of the rules failed)
  2  bad input: a file, an option or a reference that cannot be used
  3  no provision fails, but at least one stage of one effect is open (settled by no
     doctrine and no decided case); the report lists the open questions
  4  the rule engine returned a result that could not be trusted (a bug; please report)
  5  only with `check --fail-on concerns`: nothing fails or is open, but a concern stands
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tarazy.engine.model.errors import EngineError, InputError, InputErrors, gather, one_line

# Start-up: each command imports what it uses, inside its function, so that `tarazy check`
# does not import Hypothesis (only `verify` does) and `rights` does not import jsonschema
# or durable_rules. The catalogue and doctrines come through tarazy.engine.input.cache.
if TYPE_CHECKING:
    from tarazy.engine import model
    from tarazy.engine.analysis.replaying import Replay
    from tarazy.engine.model.catalogue import Catalogue
    from tarazy.engine.verification import verifying

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

EXIT_OK, EXIT_FAIL, EXIT_INPUT, EXIT_OPEN, EXIT_ENGINE = 0, 1, 2, 3, 4
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the output's reader closed it


def format_option(*choices: str, help: str) -> Callable[[Any], Any]:
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
    as such, not as a format error."""

    name = "date"

    def __init__(self) -> None:
        super().__init__(["%Y-%m-%d"])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
            try:
                return dt.datetime.strptime(value, "%Y-%m-%d")
            except ValueError:
                if value.replace("-", "").isdigit():
                    self.fail(
                        f"{value!r} is written YYYY-MM-DD but is no calendar date", param, ctx
                    )
        return super().convert(value, param, ctx)


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
    type=click.Choice(["en", "ru", "kk"]),
    default="en",
    show_default=True,
    help="Language of reasons and remedies (kk falls back to ru where a doctrine has no "
    "Kazakh text).",
)


REPORT_HINT = "this is a bug in tarazy; please report it with the command and its input files"
_WRITE_ERRORS = {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EROFS}


def _say(line: str) -> None:
    """One line on stderr, whatever stderr can encode."""
    with contextlib.suppress(Exception):
        click.echo(one_line(line).encode("utf-8", "replace").decode("utf-8"), err=True)


def _silence_stdout() -> None:
    """After a failed write, point stdout at /dev/null so the interpreter's own flush at exit
    does not fail again (and print a second message)."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class TarazyGroup(click.Group):
    """The one place where failures become exit statuses, each reported in one line:
    bad input and usage 2, an untrusted engine result 4, and any other exception 4 with a
    hint to report it — never a traceback, never 1 (which means "does not conform")."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as exc:
            for problem in exc.lines() if isinstance(exc, InputErrors) else [str(exc)]:
                _say(f"tarazy: error: {problem}")
            ctx.exit(EXIT_INPUT)
        except EngineError as exc:
            _say(f"tarazy: rule engine failure: {exc}")
            ctx.exit(EXIT_ENGINE)
        except OSError as exc:  # click would turn EPIPE into status 1
            if exc.errno in _WRITE_ERRORS:
                raise _WriteFailed(exc) from exc
            raise

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; exit with the status of the outcome (see the module)."""
        if sys.stdout is None or getattr(sys.stdout, "closed", False):
            # `tarazy check bill.yaml >&-`: no output can be written - bad usage, not a bug
            _say("tarazy: error: cannot write the output: standard output is closed")
            if standalone_mode:
                sys.exit(EXIT_INPUT)
            return EXIT_INPUT
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else EXIT_OK
            sys.stdout.flush()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else EXIT_OK if exc.code is None else 4
            try:
                sys.stdout.flush()
            except OSError as err:
                code = _write_failed(err)
        except click.exceptions.NoArgsIsHelpError as exc:  # `tarazy` alone: the help text
            exc.show()
            code = EXIT_INPUT
        except _WriteFailed as exc:
            code = _write_failed(exc.error)
        except click.ClickException as exc:
            where = getattr(exc, "ctx", None)
            hint = f" (see '{where.command_path} --help')" if where is not None else ""
            _say(f"tarazy: error: {exc.format_message()}{hint}")
            code = EXIT_INPUT
        except click.Abort:
            _say("tarazy: interrupted")
            code = 130
        except KeyboardInterrupt:
            _say("tarazy: interrupted")
            code = 130
        except OSError as exc:
            code = _write_failed(exc) if exc.errno in _WRITE_ERRORS else _internal(exc)
        except Exception as exc:  # the top-level guard: a bug, never a verdict
            code = _internal(exc)
        if standalone_mode:
            sys.exit(code)
        return code


class _WriteFailed(Exception):
    """Writing the output failed (a full disk, a closed pipe): not a bug, not a verdict."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _write_failed(exc: OSError) -> int:
    _silence_stdout()
    if exc.errno == errno.EPIPE:
        # The reader closed the pipe (`tarazy ... | head`): stop quietly with the status a
        # shell gives a process killed by SIGPIPE, as `check` does - never a verdict's.
        return EXIT_BROKEN_PIPE
    _say(f"tarazy: error: cannot write the output: {exc.strerror or exc}")
    return EXIT_INPUT


def _internal(exc: BaseException) -> int:
    where = ""
    tb = exc.__traceback__
    while tb is not None:
        where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
        tb = tb.tb_next
    _say(f"tarazy: internal error: {type(exc).__name__}: {exc}{where}; {REPORT_HINT}")
    return EXIT_ENGINE


@click.group(cls=TarazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tarazy")
def main() -> None:
    """tarazy — test provisions of laws against the doctrines of the Constitutional Court of
    the Republic of Kazakhstan.

    \b
    Exit status: 0 conforms (concerns included), 1 does not conform, 2 bad input,
    3 nothing fails but a stage is open (the report lists the questions), 4 rule-engine
    failure, 5 (check --fail-on concerns) a concern stands.
    """


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


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option(
    "text",
    "json",
    "junit",
    "sarif",
    help="text for people, json for programs, junit (JUnit XML) and sarif (SARIF 2.1.0) for "
    "CI systems; the same input gives the same bytes.",
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
    help="Write the report to this file, atomically (complete or not at all). "
    "Default: standard output.",
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
    from tarazy.engine.input import cache, loading
    from tarazy.engine.reports import batch, streaming
    from tarazy.engine.verdict.evaluating import edition_for

    catalogue = cache.load_catalogue()
    problems: list[InputError] = []
    doctrines = None
    try:
        doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    except InputError as exc:
        problems.append(exc)
    bills = []
    try:
        paths = batch.expand(files)
    except InputError as exc:
        problems.append(exc)
        paths = []
    if output is not None:
        try:  # a device, FIFO, link or an input bill is never replaced by the report
            batch.check_output_target(output, [p for p in paths if str(p) != batch.STDIN])
        except InputError as exc:
            problems.append(exc)
    for f in paths:  # all input first, every file's problems together: no half output
        try:
            if str(f) == batch.STDIN:
                document = batch.read_stdin(sys.stdin.buffer)
                bills.append(loading.load_bill(batch.STDIN_NAME, catalogue, document))
            else:
                bills.append(loading.load_bill(f, catalogue))
        except InputError as exc:
            problems.append(exc)
    cases: list[model.Case] = []
    try:
        cases = cache.load_cases(cases_dir, catalogue)
    except InputError as exc:
        problems.append(exc)
    gather(problems)
    assert doctrines is not None
    default_day = as_of.date() if as_of else dt.date.today()
    if as_of is not None and catalogue.edition_on(default_day) is None:
        first = min(e.in_force_from for e in catalogue.editions).isoformat()
        raise click.BadParameter(
            f"no edition of the Constitution was in force on {default_day.isoformat()}; "
            f"expected a date from {first} on",
            param_hint="'--as-of'",
        )
    groups = []
    explain_options: tuple[str, ...] = ()  # so that each explain pointer explains this check
    if doctrines_dir is not None:
        explain_options += ("--doctrines", str(doctrines_dir))
    if cases_dir is not None:
        explain_options += ("--cases", str(cases_dir))
    for bill in bills:
        day = bill.as_of or default_day
        overridden = (
            as_of.date() if as_of is not None and bill.as_of not in (None, as_of.date()) else None
        )
        groups.append(
            streaming.Group(
                bill.path,
                day,
                edition_for(day, catalogue),
                bill.provisions,
                overridden,
                explain_options,
            )
        )
    del bills
    import gc

    gc.freeze()  # the loaded input lives to the end: no collection need walk it again
    from tarazy.engine.reports import provenance

    stamp = provenance.stamp(doctrines, cases_dir)
    total = sum(len(g.provisions) for g in groups)
    to_terminal = output is None and batch.isatty(sys.stdout)
    progress = batch.Progress(total, sys.stderr, report_on_terminal=to_terminal)
    if output is not None:
        with batch.atomic_output(output) as target:
            report = streaming.Report(target.write, fmt, catalogue, lang, stamp, doctrines)
            report.progress = progress.advance
            try:
                outcomes = streaming.run(groups, report, doctrines, catalogue, jobs, cases)
            finally:
                progress.finish()
        raise SystemExit(batch.exit_status(outcomes, fail_on))
    out = sys.stdout
    report = streaming.Report(out.write, fmt, catalogue, lang, stamp, doctrines)
    report.progress = progress.advance
    try:
        try:
            outcomes = streaming.run(groups, report, doctrines, catalogue, jobs, cases)
        finally:
            progress.finish()
        out.flush()
    except BrokenPipeError:
        # The reader left (`tarazy check big.yaml | head`): stop quietly, with the status a
        # shell gives a process killed by SIGPIPE - never a verdict's.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        raise SystemExit(EXIT_BROKEN_PIPE) from None
    raise SystemExit(batch.exit_status(outcomes, fail_on))


@main.command()
@click.option(
    "--provisions",
    "count",
    type=click.IntRange(min=1, max=200_000),
    required=True,
    help="How many provisions to write (at most 200,000: about 115 MB of YAML, within the "
    "128 MiB a bill file may have).",
)
@click.option(
    "--seed", type=int, default=1, show_default=True, help="The same seed, the same bill."
)
@click.option(
    "--as-of",
    "as_of",
    type=CalendarDate(),
    default=None,
    help="The bill's 'as_of' date, YYYY-MM-DD. Default: none (the check's --as-of applies).",
)
def generate(count: int, seed: int, as_of: dt.datetime | None) -> None:
    """Write a synthetic bill of N provisions to standard output, for load tests.

    About three provisions in five are a decided case's provision with one to three facts
    changed, the rest are drawn field by field from the bill format's vocabularies; each
    has a unique id, a title and a citation. See engine/verification/synthetic.py.
    """
    from tarazy.engine.input import cache, loading
    from tarazy.engine.verification import synthetic

    catalogue = cache.load_catalogue()
    seeds = [c.provision for c in loading.load_cases([], catalogue)]
    out = sys.stdout
    synthetic.write_bill(
        out,
        synthetic.provisions(count, seed, catalogue, seeds),
        f"Synthetic bill of {count} provisions (seed {seed})",
        as_of.date().isoformat() if as_of else None,
    )
    out.flush()


CASE_PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
CASES = cases_option(
    "Directory of case files. Default: the decided cases bundled with tarazy. "
    "Case files or directories given as arguments take its place."
)


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


@main.command()
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


@main.command()
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
    import attrs

    from tarazy.engine.analysis import precedent
    from tarazy.engine.reports import reporting

    doctrines, replays = _load_replays(paths, cases_dir, doctrines_dir)
    conflicts = precedent.inconsistencies(replays, doctrines)
    compared = precedent.comparable_pairs(replays, doctrines)
    if fmt == "json":
        data = {
            "cases": len(replays),
            "comparable_pairs": compared,
            "inconsistencies": [attrs.asdict(c) for c in conflicts],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(
            f"{len(replays)} cases; {compared} (conforming, non-conforming) effect pairs "
            "comparable through some doctrine."
        )
        if compared == 0:
            click.echo(
                "No pair of cases is comparable (the same right and kind of measure, through a "
                "violation doctrine that decided one of them): nothing was checked."
            )
        else:
            click.echo(reporting.consistency_text(conflicts))
    if conflicts:
        raise SystemExit(EXIT_FAIL)
    if compared == 0:
        raise SystemExit(EXIT_OPEN)


@main.command()
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
    if edition not in catalogue.edition_ids:
        raise click.BadParameter(
            f"expected one of: {', '.join(catalogue.edition_ids)}", param_hint="--edition"
        )
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


@main.command()
@FORMAT
@click.option(
    "--edition",
    type=click.Choice(["1995-2022", "2026"]),
    default=None,
    help="Show one edition only. Default: both, side by side.",
)
@LANG
def rights(fmt: str, edition: str | None, lang: str) -> None:
    """List the rights catalogue: each right's article per edition of the Constitution and
    whether that edition lets it be restricted at all."""
    from tarazy.engine.input import cache

    catalogue = cache.load_catalogue()
    editions = [edition] if edition else list(catalogue.edition_ids)
    if fmt == "json":
        data = {
            "editions": [
                {
                    "id": e.id,
                    "title": e.title.get(lang),
                    "restriction_clause": f"Art. {e.restriction_clause}",
                    "in_force_from": e.in_force_from.isoformat(),
                    "in_force_to": e.in_force_to.isoformat() if e.in_force_to else None,
                }
                for e in catalogue.editions
                if e.id in editions
            ],
            "rights": [
                {
                    "id": r.id,
                    "name": r.name.get(lang),
                    "editions": {
                        u.edition: {
                            "article": u.article,
                            "never_restrictable": u.never_restrictable,
                            "name": r.name_under(u.edition).get(lang),
                            "source": u.source,
                            **({"note": u.note} if u.note else {}),
                        }
                        for u in r.editions
                        if u.edition in editions
                    },
                }
                for r in catalogue.rights
            ],
            "aims": [
                {
                    "id": a.id,
                    "name": a.name.get(lang),
                    "admitted": [
                        {
                            "edition": x.edition,
                            "article": x.article,
                            **({"rights": list(x.rights)} if x.rights else {}),
                        }
                        for x in a.admitted
                        if x.edition in editions
                    ],
                }
                for a in catalogue.aims
            ],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    header = f"{'right':32}" + "".join(f"{e:>16}" for e in editions) + "  name"
    lines = [header, "-" * len(header)]
    for r in catalogue.rights:
        cells = ""
        for e in editions:
            u = r.under(e)
            cells += f"{(u.article + (' never' if u.never_restrictable else '')) if u else '—':>16}"
        lines.append(f"{r.id:32}{cells}  {r.name.get(lang)}")
    lines.append("")
    lines.append("'never': the edition's restriction clause lists the right as never restrictable")
    lines.append("(Art. 39(3) of 1995-2022, Art. 41(3) of 2026). Admitted aims:")
    for a in catalogue.aims:
        admitted = [
            f"{x.edition} Art. {x.article}" + (f" for {', '.join(x.rights)}" if x.rights else "")
            for x in a.admitted
            if x.edition in editions
        ]
        lines.append(f"  {a.id:28} {'; '.join(admitted) or 'not admitted'}")
    click.echo("\n".join(lines))


@main.group()
def doctrine() -> None:
    """Inspect doctrine files."""


@doctrine.command("list")
@FORMAT
@DOCTRINES
@LANG
def doctrine_list(fmt: str, doctrines_dir: Path | None, lang: str) -> None:
    """List the doctrines: id, stage, outcome, the rulings each comes from."""
    from tarazy.engine import model
    from tarazy.engine.input import cache
    from tarazy.engine.model.labels import ruling_label

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    ordered = sorted(doctrines.doctrines, key=lambda d: (list(model.STAGES).index(d.stage), d.id))
    if fmt == "json":
        data = [
            {
                "id": d.id,
                "title": d.title.get(lang),
                "stage": d.stage,
                "outcome": d.outcome,
                "rulings": list(d.rulings),
                "effective": d.effective.isoformat(),
                "basis": {
                    b.edition: {"articles": list(b.articles), "status": b.status} for b in d.basis
                },
                "file": d.location.file if d.location else None,
            }
            for d in ordered
        ]
        click.echo(json.dumps({"doctrines": data}, ensure_ascii=False, indent=2))
        return
    for d in ordered:
        rulings = ", ".join(ruling_label(r) for r in d.rulings) or "text of the clause"
        click.echo(f"{d.id:40} {d.stage:16} {d.outcome:10} {rulings}")
        click.echo(f"{'':40} {d.title.get(lang)}")


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
    from tarazy.engine.verdict.evaluating import Evaluator

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    examples = loading.load_doctrine_examples(doctrines_dir, catalogue, doctrines)
    # with the case base, as verify and check see a provision: an example's `verdict` is the
    # verdict of the whole set
    cases = cache.load_cases(cases_dir, catalogue)
    rows = []
    with Evaluator(doctrines, catalogue, cases=cases) as evaluator:
        for ex in examples:
            wrong = examplecheck.mismatch(evaluator.evaluate(ex.provision, ex.as_of), ex)
            rows.append((ex, wrong))
    failed = [(ex, wrong) for ex, wrong in rows if wrong is not None]
    untested = [d for d in doctrines.ids if d not in {ex.doctrine for ex in examples}]
    if fmt == "json":
        data = {
            "examples": len(rows),
            "failed": [
                {
                    "doctrine": ex.doctrine,
                    "where": str(ex.location),
                    "why": ex.why,
                    "expected": wrong[0],
                    "got": wrong[1],
                }
                for ex, wrong in failed
            ],
            "doctrines_without_examples": untested,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from tarazy.engine.analysis import failures

        for ex, wrong in failed:
            click.echo(failures.example_failure(ex, wrong[1], wrong[0]))
        if untested:
            click.echo("doctrines without examples: " + ", ".join(untested))
        click.echo(f"{len(rows)} examples, {len(failed)} failed")
    if failed:
        raise SystemExit(EXIT_FAIL)
    if untested:  # a doctrine nothing checks is not a pass
        raise SystemExit(EXIT_OPEN)


@main.command()
@CASES
@DOCTRINES
@click.option(
    "--examples",
    "max_examples",
    type=click.IntRange(min=1),
    default=None,
    help="Generated examples per property (default: the profile's - 2000 for deep, 150 for "
    "ci). Finite sets (the decided cases, the doctrine examples) are always checked in full.",
)
@click.option(
    "--seed",
    type=int,
    default=None,
    help="Seed for the generated examples, to repeat a run. Default: a fresh seed, printed in "
    "the report.",
)
@click.option(
    "--profile",
    type=click.Choice(["deep", "ci"]),
    default="deep",
    show_default=True,
    help="deep: many examples from a seed; ci: the bounded, derandomized set pytest runs.",
)
@click.option(
    "--property",
    "names",
    multiple=True,
    type=click.Choice(PROPERTY_NAMES),
    help="Check only this property (repeatable). Default: all.",
)
@FORMAT
def verify(
    cases_dir: Path | None,
    doctrines_dir: Path | None,
    max_examples: int | None,
    seed: int | None,
    profile: str,
    names: Sequence[str],
    fmt: str,
) -> None:
    """Prove the doctrines consistent with the decided cases and with themselves.

    \b
    Properties (each a documented function in engine/verification/verifying.py):
      doctrine_tests   the examples next to each doctrine hold
      replay           every decided case gets its holding, for the Court's reasons
      precedent        a fortiori from every decided case, and leave-one-out
      monotonicity     less restrictive never turns conforming into non-conforming
      irrelevance      labels, effect order and doctrine load order change nothing
      absolute_rights  denying a never-restrictable right never conforms
      differential     durable_rules agrees with an independent interpreter
      edition_change   a new edition changes verdicts only through doctrines whose
                       basis it changed; provisions straddling every difference between
                       the editions are checked against the catalogue
      case_base        no two decided cases contradict each other
      coverage         every doctrine branch is witnessed true and false by a case or
                       an example, and every doctrine has examples
      rulings          a violation cites a ruling held not to conform, a concern one
                       upheld with recommendations or in an interpretation
      adequacy         every doctrine is needed by a case or a property

    A failure prints the shrunk provision as a bill file to paste into `tarazy check` and
    the two sources that disagree. Exit status 1 when any property fails.
    """
    import random

    from tarazy.engine.input import cache, loading
    from tarazy.engine.reports import reporting
    from tarazy.engine.verification import verifying

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    cases = loading.load_cases([cases_dir] if cases_dir else [], catalogue, doctrines)
    examples = loading.load_doctrine_examples(doctrines_dir, catalogue, doctrines)
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
    chosen = list(names) or None
    with (
        verifying.context(catalogue, doctrines, cases, seed, examples) as ctx,
        click.progressbar(
            length=_budget(ctx, chosen, profile, max_examples), label="verifying", file=sys.stderr
        ) as bar,
    ):
        results = verifying.verify(
            ctx, chosen, profile, max_examples, seed, tick=lambda: bar.update(1)
        )
    if fmt == "json":
        click.echo(reporting.verify_json(results, seed, profile), nl=False)
    else:
        click.echo(reporting.verify_text(results, seed, profile, doctrines, len(cases)), nl=False)
    if any(r.status == "failed" for r in results):
        raise SystemExit(EXIT_FAIL)


def _budget(
    ctx: verifying.Context, names: Sequence[str] | None, profile: str, max_examples: int | None
) -> int:
    """An estimate of the examples to check, for the progress bar."""
    from tarazy.engine.verification import verifying

    per = max_examples or verifying.PROFILES[profile]["max_examples"]
    total = 0
    for prop in (*verifying.PROPERTIES, verifying.ADEQUACY):
        if names and prop.name not in names:
            continue
        total += len(prop.items(ctx)) if prop.items else 0
        total += per if prop.strategy else 0
    return total


@main.command()
@click.argument("kind", type=click.Choice(["bill", "doctrine", "examples", "case", "catalogue"]))
def schema(kind: str) -> None:
    """Print the JSON Schema of a file format: bill, doctrine, examples (the examples next to
    a doctrine, doctrines/tests/<id>.yaml), case or catalogue."""
    from tarazy.engine.input import cache, schemas

    catalogue = cache.load_catalogue()
    makers: dict[str, Callable[[Catalogue], schemas.Schema]] = {
        "bill": schemas.bill_schema,
        "doctrine": schemas.doctrine_schema,
        "examples": schemas.doctrine_examples_schema,
        "case": schemas.case_schema,
        "catalogue": lambda c: schemas.catalogue_schema(c.edition_ids),
    }
    click.echo(json.dumps(makers[kind](catalogue), ensure_ascii=False, indent=2))


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

    catalogue = cache.load_catalogue()
    paths = linting.doctrine_files(list(files))
    findings = linting.lint(paths, catalogue, cases_dir)
    render = linting.json_report if fmt == "json" else linting.text_report
    click.echo(render(findings, len(paths)), nl=False)
    if any(f.severity == "error" for f in findings):
        raise SystemExit(EXIT_FAIL)


@doctrine.command("show")
@click.argument("doctrine_id", metavar="ID")
@DOCTRINES
@CASES
@click.option(
    "--lang",
    type=click.Choice(["en", "ru", "kk"]),
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


@main.command()
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
    render = coverage_.json_report if fmt == "json" else coverage_.text_report
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


@main.command()
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
    from tarazy.engine.input import cache, loading
    from tarazy.engine.reports import batch, justifying, provenance, reporting
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
        if str(file) == batch.STDIN:
            document = batch.read_stdin(sys.stdin.buffer)
            bill = loading.load_bill(batch.STDIN_NAME, catalogue, document)
        else:
            bill = loading.load_bill(file, catalogue)
    except InputError as exc:
        problems.append(exc)
    try:
        cases = cache.load_cases(cases_dir, catalogue)
    except InputError as exc:
        problems.append(exc)
    gather(problems)
    assert doctrines is not None and bill is not None
    chosen = list(bill.provisions)
    if provision_id is not None:
        chosen = [p for p in bill.provisions if p.id == provision_id]
        if not chosen:
            known = ", ".join(p.id for p in bill.provisions)
            raise InputError(
                f"no provision '{provision_id}' in the bill; expected one of: {known}", str(file)
            )
    default_day = as_of.date() if as_of else dt.date.today()
    day = bill.as_of or default_day
    if catalogue.edition_on(day) is None:
        first = min(e.in_force_from for e in catalogue.editions).isoformat()
        raise click.BadParameter(
            f"no edition of the Constitution was in force on {day.isoformat()}; "
            f"expected a date from {first} on",
            param_hint="'--as-of'",
        )
    edition = edition_for(day, catalogue)
    with Evaluator(doctrines, catalogue, cases=cases) as evaluator:
        trees = [
            justifying.explain_provision(evaluator, p, day, edition, lang, bill.path)
            for p in chosen
        ]
    stamp = provenance.stamp(doctrines, cases_dir)
    if fmt == "json":
        overridden = bill.as_of is not None and as_of is not None and bill.as_of != as_of.date()
        head: dict[str, Any] = {
            "tarazy": stamp | {"edition": edition},
            # the --as-of the bill's own as_of overrode, as in check's JSON (None: it did not)
            "as_of_overridden": as_of.date().isoformat() if as_of and overridden else None,
        }
        sys.stdout.write(justifying.explanation_json(trees, head))
    else:
        text = justifying.explanation_text(trees)
        if bill.as_of is not None and as_of is not None and bill.as_of != as_of.date():
            text = (
                f"note: the bill's own as_of ({day.isoformat()}) overrides --as-of "
                f"({as_of.date().isoformat()})\n" + text
            )
        sys.stdout.write(text + "\n" + reporting.stamp_text(stamp, [edition], lang) + "\n")
    outcomes = {t["outcome"] for t in trees}
    if "does_not_conform" in outcomes:
        raise SystemExit(EXIT_FAIL)
    if "open" in outcomes:
        raise SystemExit(EXIT_OPEN)


if __name__ == "__main__":  # pragma: no cover
    main()
