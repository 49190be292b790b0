"""Batch comfort for `tarazy check`: inputs from a directory or standard input, a report
written atomically to a file, and the exit status a CI run asks for (``--fail-on``).

Nothing here evaluates anything; ``tarazy check`` (cli/check.py) calls these around
``streaming``."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, BinaryIO

from tarazy.engine.input.yamlfile import MAX_BYTES, Document, parse
from tarazy.engine.model import Bill, Case, DoctrineSet, Provision, exitstatus
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError, gather
from tarazy.engine.model.messages import message

STDIN = "-"
STDIN_NAME = "<stdin>"

# What each --fail-on level makes a non-zero exit status of (a ladder: each level fails on
# what the one before it fails on, and more), with the status: 1 does not conform, 3 open,
# 5 conforms only with concerns.
FAIL_ON: dict[str, tuple[str, ...]] = {
    "violations": ("does_not_conform",),
    "open": ("does_not_conform", "open"),
    "concerns": ("does_not_conform", "open", "conforms_with_concerns"),
}
STATUS_OF = exitstatus.OF_OUTCOME


def expand(paths: Sequence[Path]) -> list[Path]:
    """The bill files to check: each path as given, a directory as its ``*.yaml`` and
    ``*.yml`` entries (sorted by name, not recursive), ``-`` as standard input (once).
    InputError for a directory with no bill file in it, or ``-`` given twice."""
    found: list[Path] = []
    stdin_seen = False
    for path in paths:
        if str(path) == STDIN:
            if stdin_seen:
                raise InputError("standard input ('-') can be read only once", STDIN_NAME)
            stdin_seen = True
            found.append(path)
        elif path.is_dir():
            entries = sorted(
                (
                    p
                    for p in path.iterdir()
                    if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")
                ),
                key=lambda p: p.name,
            )
            if not entries:
                raise InputError("no bill files (*.yaml or *.yml) in this directory", str(path))
            found += entries
        else:
            found.append(path)
    return found


def read_stdin(stream: BinaryIO) -> Document:
    """A bill read from standard input, named ``<stdin>`` in every message (the same size
    limit and UTF-8 check as a file)."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"the input is larger than {MAX_BYTES // 1024 // 1024} MiB", STDIN_NAME)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (byte {exc.start})", STDIN_NAME, line) from None
    return parse(text, STDIN_NAME)


def chosen_provisions(bill: Bill, provision_id: str | None, file: str) -> list[Provision]:
    """The provisions of ``bill`` a command works on: all of them, or the one with
    ``provision_id`` (InputError naming ``file`` and the ids there are, when none has it)."""
    if provision_id is None:
        return list(bill.provisions)
    chosen = [p for p in bill.provisions if p.id == provision_id]
    if not chosen:
        known = ", ".join(p.id for p in bill.provisions)
        raise InputError(
            f"no provision '{provision_id}' in the bill; expected one of: {known}", file
        )
    return chosen


def overridden_as_of(bill: Bill, option: dt.date | None) -> dt.date | None:
    """The ``--as-of`` day a bill's own ``as_of`` overrides (reports say so), or None when
    the option was not given, the bill has no ``as_of``, or the two are the same day."""
    return option if option is not None and bill.as_of not in (None, option) else None


def read_bill(path: Path, catalogue: Catalogue, stdin: BinaryIO) -> Bill:
    """The bill at ``path``, or read from ``stdin`` when ``path`` is ``-`` (then named
    ``<stdin>`` in every message). InputError with file and line for a bill that cannot be
    used."""
    from tarazy.engine.input import loading

    if str(path) == STDIN:
        return loading.load_bill(STDIN_NAME, catalogue, read_stdin(stdin))
    return loading.load_bill(path, catalogue)


def read_inputs(
    files: Sequence[Path],
    catalogue: Catalogue,
    doctrines_dir: Path | None,
    cases_dir: Path | None,
    stdin: BinaryIO,
    output: Path | None = None,
) -> tuple[DoctrineSet, list[Bill], list[Case]]:
    """Everything ``tarazy check`` reads - the doctrines, every bill of ``files`` (as
    ``expand`` lists them; ``-`` from ``stdin``) and the case base - read and checked before
    anything is written, and an ``output`` target that may be replaced.

    Raises ``InputError`` naming every problem of every file together (``InputErrors`` when
    there are several), so a run stops with all of them or writes a whole report."""
    from tarazy.engine.input import cache

    problems: list[InputError] = []
    doctrines = None
    try:
        doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    except InputError as exc:
        problems.append(exc)
    try:
        paths = expand(files)
    except InputError as exc:
        problems.append(exc)
        paths = []
    if output is not None:
        try:  # a device, FIFO, link or an input bill is never replaced by the report
            check_output_directory(output)
            check_output_target(output, [p for p in paths if str(p) != STDIN])
            if any(str(p) == STDIN for p in paths):
                refuse_stdin_target(output, stdin)
        except InputError as exc:
            problems.append(exc)
    bills = []
    for path in paths:  # every file's problems together: no half output
        try:
            bills.append(read_bill(path, catalogue, stdin))
        except InputError as exc:
            problems.append(exc)
    cases: list[Case] = []
    try:
        cases = cache.load_cases(cases_dir, catalogue)
    except InputError as exc:
        problems.append(exc)
    gather(problems)
    assert doctrines is not None
    return doctrines, bills, cases


def check_output_target(target: Path, inputs: Sequence[Path] = ()) -> None:
    """Refuse an ``--output`` that is not a regular file or a new name: a device, FIFO,
    directory or symbolic link would be replaced by the renamed report (as root, that
    replaces /dev/null), and an input file would be overwritten by its own report.
    InputError (exit 2) before anything is read or written."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(f"cannot write the report here: {exc.strerror}", str(target)) from None
    if stat.S_ISLNK(info.st_mode):
        raise InputError(
            "expected a regular file to write the report to, found a symbolic link; "
            "name the file itself",
            str(target),
        )
    if not stat.S_ISREG(info.st_mode):
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "a device, FIFO or socket"
        raise InputError(
            f"expected a regular file to write the report to, found {kind}", str(target)
        )
    for given in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(given, target):
                raise InputError(
                    "the report would overwrite an input bill; choose another file",
                    str(target),
                )


def stdin_identity(stream: object) -> tuple[int, int] | None:
    """``(st_dev, st_ino)`` of the regular file standard input (``stream``, or file
    descriptor 0 when ``stream`` has no descriptor of its own) is read from - the shell's
    ``< bill.yaml`` - or ``None`` when it is a terminal, a pipe, a socket or closed."""
    try:
        fileno = getattr(stream, "fileno", None)
        fd = fileno() if callable(fileno) else 0
        info = os.fstat(fd)
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_dev, info.st_ino


def refuse_stdin_target(target: Path, stdin: object, lang: str = "en") -> None:
    """InputError (exit 2, nothing written) when ``target`` is the file standard input is
    read from (``tarazy check - -o bill.yaml < bill.yaml``): compared by identity (device
    and inode), so a hard link or a symbolic link to it is the same file. A ``target``
    that does not exist yet, or a standard input that is not a regular file, is no
    conflict."""
    source = stdin_identity(stdin)
    if source is None:
        return
    try:
        info = os.stat(target)  # follows a symbolic link to the input
    except OSError:
        return
    if (info.st_dev, info.st_ino) == source:
        raise InputError(
            message(
                "the output would overwrite the file standard input is read from; "
                "write to another file",
                lang,
            ),
            str(target),
        )


def check_output_directory(target: Path, amended: bool = False, lang: str = "en") -> None:
    """InputError (exit 2) when the directory ``target`` would be written in is missing,
    is not a directory or cannot be written to - checked before any work, so a long run
    does not end in a file that cannot be written. ``amended``: the file is the amended
    bill of ``tarazy fix --write`` (the message says so), else a report."""
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.exists():
        reason = message("the directory {directory} does not exist", lang, directory=directory)
    elif not directory.is_dir():
        reason = message("{directory} is not a directory", lang, directory=directory)
    elif not os.access(directory, os.W_OK | os.X_OK):
        reason = message("the directory {directory} is not writable", lang, directory=directory)
    else:
        return
    if amended:
        text = message("cannot write the amended bill here: {reason}", lang, reason=reason)
    else:
        text = message("cannot write the report here: {reason}", lang, reason=reason)
    raise InputError(text, str(target))


@contextlib.contextmanager
def _cleanup_on_termination() -> Iterator[None]:
    """SIGTERM and SIGHUP raise SystemExit (143, 129) while the report is written, so the
    temporary file is removed as on any other interruption (the main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``target`` complete or not at all: written to a
    temporary file in the same directory, flushed to disk, then renamed over ``target``
    (``os.replace``). On any error, or an interruption (Ctrl-C, SIGTERM, SIGHUP), the
    temporary file is removed and ``target`` is left as it was. InputError when the
    directory cannot take the file or the target is not a regular file."""
    directory = target.parent if str(target.parent) else Path(".")
    check_output_target(target)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"cannot write the report here: {exc.strerror}", str(target)) from None
    try:
        # mkstemp makes the file private (0600): give it the mode a new file gets (or the
        # mode of the report it replaces)
        try:
            mode = os.stat(target).st_mode & 0o7777
        except OSError:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.chmod(temp, mode)
        with _cleanup_on_termination(), os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
            os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def exit_status(counts: Mapping[str, int], fail_on: str) -> int:
    """The exit status for the outcomes counted: the status of the worst outcome that
    ``fail_on`` fails on (1 does not conform, 3 open, 5 with concerns), else 0."""
    for outcome in FAIL_ON[fail_on]:
        if counts.get(outcome):
            return STATUS_OF[outcome]
    return 0


class Progress:
    """A progress line on a terminal for a long check: ``checked N of M provisions``,
    redrawn in place at most about a hundred times, cleared at the end. Silent unless
    ``stream`` is a terminal and the report itself does not go to that terminal (only
    ``--output`` or a redirected standard output), and for fewer than ``minimum``
    provisions."""

    def __init__(self, total: int, stream: IO[str], report_on_terminal: bool, minimum: int = 1000):
        self.total, self.stream, self.done = total, stream, 0
        self.active = total >= minimum and not report_on_terminal and isatty(stream)
        self._step = max(1, total // 100)

    def advance(self) -> None:
        """One provision more is checked."""
        self.done += 1
        if self.active and (self.done % self._step == 0 or self.done == self.total):
            self._draw(f"tarazy: checked {self.done} of {self.total} provisions")

    def finish(self) -> None:
        """Clear the line (the report, or the exit status, says the rest)."""
        if self.active:
            self._draw("")

    def _draw(self, text: str) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stream.write("\r\x1b[2K" + text)
            self.stream.flush()


def isatty(stream: IO[str]) -> bool:
    """Whether ``stream`` is a terminal (``False`` for a closed or unusual stream)."""
    try:
        return bool(stream.isatty())
    except (OSError, ValueError, AttributeError):
        return False
