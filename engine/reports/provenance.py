"""What a report was made with: the tarazy version and content hashes of the doctrine set
and of the case base, so that a report can be reproduced (and two reports compared).

A content hash is the first 16 hex digits of SHA-256 over the directory's ``*.yaml`` and
``*.yml`` files in name order, each as its name, a NUL, its bytes and a NUL: the same
files give the same hash wherever the directory is (the doctrine set's own ``digest`` is
computed the same way by the loader)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from tarazy.engine.input.cache import BUNDLED_CASES
from tarazy.engine.model import DoctrineSet


def version() -> str:
    """The installed tarazy's version ("unknown" when it is not installed)."""
    from importlib import metadata

    try:
        return metadata.version("tarazy")
    except metadata.PackageNotFoundError:
        return "unknown"


def content_hash(folder: str | Path) -> str:
    """The content hash of one directory of YAML files (see the module)."""
    where = Path(folder)
    digest = hashlib.sha256()
    for f in sorted([*where.glob("*.yaml"), *where.glob("*.yml")], key=lambda p: p.name):
        digest.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def stamp(doctrines: DoctrineSet, cases_dir: str | Path | None) -> dict[str, Any]:
    """``{"version", "doctrines", "cases"}``: the version, the doctrine set's content hash,
    the case base's (the bundled cases when ``cases_dir`` is None)."""
    return {
        "version": version(),
        "doctrines": doctrines.digest,
        "cases": content_hash(cases_dir if cases_dir is not None else BUNDLED_CASES),
    }
