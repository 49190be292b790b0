"""Standard output that never loses the tail of a write in silence.

Under ``python -u`` or ``PYTHONUNBUFFERED=1`` (CI runners and containers often set it),
``sys.stdout`` is a text wrapper straight over a raw ``FileIO``. A raw write may write only
part of its bytes - a pipe whose reader closes mid-write returns the count it took (SIGPIPE
is ignored by Python) - and the text wrapper drops the return value: the rest of the text is
lost and no ``BrokenPipeError`` is ever raised. ``tarazy explain big.yaml | head`` wrote its
whole report in one write, so the write "succeeded" and the command exited with the
verdict's status instead of 141 (measured: 1 with ``PYTHONUNBUFFERED=1``, 141 without).
Commands that write in many pieces (``check``) hit the error on the next piece.

``whole_writes`` puts a buffered writer back between the text wrapper and the descriptor,
flushed after every write so that output is as unbuffered as the user asked: a buffered
writer retries partial writes, and a closed pipe raises ``BrokenPipeError`` (``EPIPE``),
which the command line turns into status 141.
"""

from __future__ import annotations

import io
import sys
from typing import Any

__all__ = ["whole_writes"]


class _FlushedWriter(io.BufferedWriter):
    """A buffered writer flushed after every write: whole writes, no delay."""

    def write(self, data: Any) -> int:
        written = super().write(data)
        self.flush()
        return written


def whole_writes() -> None:
    """Replace ``sys.stdout`` when it writes through a raw file (``-u``,
    ``PYTHONUNBUFFERED``) with the same stream over a ``_FlushedWriter`` on the same
    descriptor (not closed with it); otherwise - buffered, or not a file (click's test
    runner) - leave it as it is."""
    stdout = sys.stdout
    raw = getattr(stdout, "buffer", None)
    if not isinstance(raw, io.RawIOBase) or not isinstance(stdout, io.TextIOWrapper):
        return
    try:
        fd = stdout.fileno()
    except (OSError, ValueError):
        return
    stdout.flush()
    sys.stdout = io.TextIOWrapper(
        _FlushedWriter(io.FileIO(fd, "w", closefd=False)),
        encoding=stdout.encoding,
        errors=stdout.errors,
        line_buffering=stdout.line_buffering,
        write_through=True,
    )
