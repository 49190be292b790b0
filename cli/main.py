"""The `tarazy` command line. Parses arguments and calls the engine; nothing more.

Exit statuses mean the same thing in every command:
  0  all is well (every provision conforms, concerns included)
  1  a provision does not conform (or a check of the rules failed)
  2  bad input: a file, an option or a reference that cannot be used
  3  no provision fails, but at least one stage of one effect is open (settled by no
     doctrine and no decided case); the report lists the open questions
  4  the rule engine returned a result that could not be trusted (a bug; please report)
  5  only with `check --fail-on concerns`: nothing fails or is open, but a concern stands
  130  interrupted (Ctrl-C); 141  the reader closed the pipe (`tarazy check big.yaml | head`)
(engine/model/exitstatus.py names them; InputError and EngineError carry theirs.)

This module holds the group, the top-level guard that turns every failure into one line
and an exit status, and the registration of the commands (at the end); the commands live
in cli/<name>.py, their shared options in cli/options.py.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from tarazy.cli import streams
from tarazy.engine.model import exitstatus
from tarazy.engine.model.errors import EngineError, InputError, InputErrors, one_line

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
        """Invoke the command; a tarazy error exits with the status it carries."""
        try:
            return super().invoke(ctx)
        except InputError as exc:
            for problem in exc.lines() if isinstance(exc, InputErrors) else [str(exc)]:
                _say(f"tarazy: error: {problem}")
            ctx.exit(exc.exit_status)
        except EngineError as exc:
            _say(f"tarazy: rule engine failure: {exc}")
            ctx.exit(exc.exit_status)
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
                sys.exit(exitstatus.INPUT)
            return exitstatus.INPUT
        streams.whole_writes()  # -u / PYTHONUNBUFFERED: a partial write must not pass silently
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else exitstatus.CONFORMS
            sys.stdout.flush()
        except SystemExit as exc:
            code = (
                exc.code
                if isinstance(exc.code, int)
                else exitstatus.CONFORMS
                if exc.code is None
                else exitstatus.ENGINE
            )
            try:
                sys.stdout.flush()
            except OSError as err:
                code = _write_failed(err)
        except click.exceptions.NoArgsIsHelpError as exc:  # `tarazy` alone: the help text
            exc.show()
            code = exitstatus.INPUT
        except _WriteFailed as exc:
            code = _write_failed(exc.error)
        except click.ClickException as exc:
            where = getattr(exc, "ctx", None)
            hint = f" (see '{where.command_path} --help')" if where is not None else ""
            _say(f"tarazy: error: {exc.format_message()}{hint}")
            code = exitstatus.INPUT
        except click.Abort:
            _say("tarazy: interrupted")
            code = exitstatus.INTERRUPTED
        except KeyboardInterrupt:
            _say("tarazy: interrupted")
            code = exitstatus.INTERRUPTED
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
    """The status for an output that could not be written: 141 for a closed pipe, else 2."""
    _silence_stdout()
    if exc.errno == errno.EPIPE:
        # The reader closed the pipe (`tarazy ... | head`): stop quietly with the status a
        # shell gives a process killed by SIGPIPE, as `check` does - never a verdict's.
        return exitstatus.BROKEN_PIPE
    _say(f"tarazy: error: cannot write the output: {exc.strerror or exc}")
    return exitstatus.INPUT


def _internal(exc: BaseException) -> int:
    """Report a bug in one line (its innermost frame, with a hint to report it); status 4."""
    where = ""
    tb = exc.__traceback__
    while tb is not None:
        where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
        tb = tb.tb_next
    _say(f"tarazy: internal error: {type(exc).__name__}: {exc}{where}; {REPORT_HINT}")
    return exitstatus.ENGINE


@click.group(cls=TarazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tarazy")
def main() -> None:
    """tarazy — test provisions of laws against the doctrines of the Constitutional Court of
    the Republic of Kazakhstan.

    \b
    Exit status: 0 conforms (concerns included), 1 does not conform, 2 bad input or
    output that cannot be written, 3 nothing fails but a stage is open (the report lists
    the questions), 4 a result that cannot be trusted or another internal error (please
    report it), 5 (check --fail-on concerns) a concern stands, 130 interrupted, 141 the
    reader closed the pipe.
    """


if __name__ == "__main__":  # pragma: no cover - `python -m tarazy.cli.main`
    # Import this module under its own name, so that every registration below (and any a
    # later change appends after this block) has run before the command line does.
    from tarazy.cli import main as registered

    registered.main()


# ----------------------------------------------------------------------------- the commands
# Each command lives in its own module (cli/<name>.py) and is registered here, one line each;
# new commands are appended at the end.
from tarazy.cli.cases import consistency, replay, survival  # noqa: E402
from tarazy.cli.check import check  # noqa: E402
from tarazy.cli.doctrines import coverage, doctrine  # noqa: E402
from tarazy.cli.explain import explain  # noqa: E402
from tarazy.cli.fix import fix  # noqa: E402
from tarazy.cli.new import new  # noqa: E402
from tarazy.cli.reference import generate, rights, schema  # noqa: E402
from tarazy.cli.verify import verify  # noqa: E402

main.add_command(check)
main.add_command(explain)
main.add_command(replay)
main.add_command(consistency)
main.add_command(survival)
main.add_command(doctrine)
main.add_command(coverage)
main.add_command(verify)
main.add_command(rights)
main.add_command(schema)
main.add_command(generate)
main.add_command(new)
main.add_command(fix)
