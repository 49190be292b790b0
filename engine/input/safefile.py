"""One input file read safely: a regular file, at most ``MAX_BYTES``, never a FIFO or a
device (which could hang the run) - every problem one ``InputError`` naming the file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tarazy.engine.model.errors import InputError

__all__ = ["MAX_BYTES", "read_bytes"]

MAX_BYTES = 128 * 1024 * 1024
"""The largest file read (128 MiB): a bill of 100,000 provisions is about 57 MB (``tarazy
generate``); a bigger file is refused before it is parsed, so /dev/zero-like inputs cannot
grow memory without bound. Large files are read by libyaml (``fastyaml``); a file that falls
back to the reference reader meets its bounds on aliases, depth and values as well."""


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, for the message; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, what in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return what
    return "not a regular file"


def read_bytes(file: str | Path) -> bytes:
    """The bytes of one regular file, at most ``MAX_BYTES``; never opens a FIFO or device.

    The file type is checked with ``os.stat`` before opening and again on the open
    descriptor (opened non-blocking), so a FIFO, a device, a directory or a dangling link is
    one ``InputError`` and never a hang."""
    name = str(file)
    try:
        info = os.stat(file)
    except FileNotFoundError:
        if os.path.islink(file):
            raise InputError(
                f"a symbolic link to a missing file ({os.readlink(file)})", name
            ) from None
        raise InputError("no such file", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    what = _kind_of(info.st_mode)
    if what == "a directory":
        raise InputError("expected a YAML file, found a directory", name)
    if what is not None:
        raise InputError(f"expected a regular YAML file, found {what}", name)
    if info.st_size > MAX_BYTES:
        raise InputError(f"the file is larger than {MAX_BYTES // 1024 // 1024} MiB", name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(file, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    try:
        what = _kind_of(os.fstat(fd).st_mode)  # replaced between stat and open
        if what is not None:
            raise InputError(f"expected a regular YAML file, found {what}", name)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise InputError(f"the file is larger than {MAX_BYTES // 1024 // 1024} MiB", name)
    return b"".join(chunks)
