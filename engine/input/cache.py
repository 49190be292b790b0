"""The parsed catalogue and doctrine sets, cached on disk by content hash.

Reading and validating the catalogue and fifteen doctrine files costs more than a
one-provision check itself; the result depends only on the bytes of those files and on
tarazy's own code. So the built objects are pickled under the user's cache directory
(``$XDG_CACHE_HOME/tarazy``, else ``~/.cache/tarazy``), named by a SHA-256 of:

* tarazy's engine source (every ``engine/*.py``, so a changed class never unpickles into
  a stale shape) and the Python version;
* for the catalogue, its file's bytes; for a doctrine set, its directory (the set records
  where it came from), each file's name and bytes, and the catalogue's own key.

A changed, added or removed file changes the key, so a stale entry is never read; old
entries are left behind (they are small; ``rm -r`` the directory to clean up). The cache is
an optimisation only: an unwritable or missing directory, a corrupt or unreadable entry, or
``TARAZY_NO_CACHE=1`` in the environment mean the files are simply read and validated, as
without it. Assumption (marked here because it is what makes unpickling safe enough): the
cache directory is the user's own; a file planted there by someone else could run code
when unpickled, as could a planted ``.py`` file on their ``PYTHONPATH``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tarazy.engine.model import Case, DoctrineSet
from tarazy.engine.model.catalogue import Catalogue

T = TypeVar("T")
ENGINE = Path(__file__).resolve().parent.parent
# The same paths as loading.CATALOGUE_FILE and loading.BUNDLED_DOCTRINES (a test checks),
# named here so that a cache hit does not import loading - and so jsonschema.
CATALOGUE_FILE = ENGINE / "data" / "catalogue.yaml"
BUNDLED_DOCTRINES = ENGINE.parent / "doctrines"
BUNDLED_CASES = ENGINE.parent / "cases"


def directory() -> Path:
    """Where entries are kept: ``$XDG_CACHE_HOME/tarazy`` or ``~/.cache/tarazy``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tarazy"


@functools.cache
def _code_key() -> bytes:
    digest = hashlib.sha256(sys.version.encode())
    for source in sorted(ENGINE.rglob("*.py")):
        digest.update(
            str(source.relative_to(ENGINE)).encode() + b"\0" + source.read_bytes() + b"\0"
        )
    return digest.digest()


def _cached(kind: str, key: bytes, build: Callable[[], T]) -> T:
    if os.environ.get("TARAZY_NO_CACHE"):
        return build()
    entry = directory() / f"{kind}-{hashlib.sha256(_code_key() + key).hexdigest()[:32]}.pickle"
    try:
        with entry.open("rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]
    except Exception:  # missing, unreadable or corrupt: read the files instead
        pass
    value = build()
    temporary: str | None = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)  # atomic: a reader sees the whole entry or none
    except Exception:  # unwritable, full, or not picklable: the cache is an optimisation
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return value


def _catalogue_key(file: str | Path | None) -> bytes:
    path = Path(file) if file is not None else CATALOGUE_FILE
    return b"catalogue\0" + str(path).encode() + b"\0" + path.read_bytes()


def _load_catalogue(file: str | Path | None) -> Catalogue:
    from tarazy.engine.input import loading  # only on a miss

    return loading.load_catalogue(file)


def _load_doctrines(folder: str | Path | None, catalogue: Catalogue) -> DoctrineSet:
    from tarazy.engine.input import loading  # only on a miss

    return loading.load_doctrines(folder, catalogue)


@functools.cache
def _bundled_catalogue() -> Catalogue:
    return _cached("catalogue", _catalogue_key(None), lambda: _load_catalogue(None))


def load_catalogue(file: str | Path | None = None) -> Catalogue:
    """``loading.load_catalogue``, through the cache. Errors are the loader's own."""
    if file is None:
        return _bundled_catalogue()
    try:
        key = _catalogue_key(file)
    except OSError:
        return _load_catalogue(file)  # the loader reports what is wrong
    return _cached("catalogue", key, lambda: _load_catalogue(file))


def _folder_key(kind: str, where: Path, catalogue_file: str | Path | None) -> bytes | None:
    """The cache key of a folder of data files (the catalogue and every *.yaml/*.yml file's
    name and bytes), or None when the loader should see the folder itself: no such files, a
    FIFO, device, directory or dangling link among them (never opened here: a FIFO blocks),
    or an error reading them. The loader then gives its own message."""
    try:
        files = sorted([*where.glob("*.yaml"), *where.glob("*.yml")]) if where.is_dir() else []
        if not files or not all(f.is_file() for f in files):
            return None
        key = hashlib.sha256(_catalogue_key(catalogue_file))
        key.update(kind.encode() + b"\0" + str(where).encode() + b"\0")
        for f in files:
            key.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    except OSError:
        return None
    return key.digest()


def load_doctrines(
    folder: str | Path | None = None,
    catalogue: Catalogue | None = None,
    catalogue_file: str | Path | None = None,
) -> DoctrineSet:
    """``loading.load_doctrines``, through the cache. ``catalogue`` must be the one read
    from ``catalogue_file`` (the bundled one by default): its key is part of the entry's."""
    catalogue = catalogue or load_catalogue(catalogue_file)
    where = Path(folder) if folder is not None else BUNDLED_DOCTRINES
    key = _folder_key("doctrines", where, catalogue_file)
    if key is None:
        return _load_doctrines(folder, catalogue)
    return _cached("doctrines", key, lambda: _load_doctrines(folder, catalogue))


def _load_cases(folder: str | Path | None, catalogue: Catalogue) -> list[Case]:
    from tarazy.engine.input import loading  # only on a miss

    return loading.load_cases([folder] if folder is not None else [], catalogue)


def load_cases(
    folder: str | Path | None = None,
    catalogue: Catalogue | None = None,
    catalogue_file: str | Path | None = None,
) -> list[Case]:
    """``loading.load_cases`` of one directory (the bundled cases by default), through the
    cache, as ``load_doctrines``."""
    catalogue = catalogue or load_catalogue(catalogue_file)
    where = Path(folder) if folder is not None else BUNDLED_CASES
    key = _folder_key("cases", where, catalogue_file)
    if key is None:
        return _load_cases(folder, catalogue)
    return _cached("cases", key, lambda: _load_cases(folder, catalogue))
