"""What every loader shares: where the bundled files are, which files of a folder are read,
and small readers of values (dates, texts) that report file:line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from tarazy.engine.input import schemas
from tarazy.engine.input.validation import validate
from tarazy.engine.input.yamlfile import Document, read
from tarazy.engine.model import Texts
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError, gather

__all__ = [
    "BUNDLED_CASES",
    "BUNDLED_DOCTRINES",
    "CATALOGUE_FILE",
    "PACKAGE_ROOT",
    "PLACEHOLDER",
    "YAML_SUFFIXES",
    "date_at",
    "edition_in_force",
    "read_named",
    "stem_clashes",
    "texts",
    "yaml_files",
]

PACKAGE_ROOT = Path(__file__).resolve().parents[2]
"""The directory holding engine/ — the repository, or site-packages/tarazy when installed.
doctrines/ and cases/ sit beside engine/ in both layouts."""
BUNDLED_DOCTRINES = PACKAGE_ROOT / "doctrines"
BUNDLED_CASES = PACKAGE_ROOT / "cases"
CATALOGUE_FILE = Path(__file__).resolve().parents[1] / "data" / "catalogue.yaml"

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
YAML_SUFFIXES = (".yaml", ".yml")


def yaml_files(folder: Path) -> list[Path]:
    """The entries of ``folder`` named ``*.yaml`` or ``*.yml`` (not hidden), sorted.

    Every such entry is returned whatever it is — a directory, a FIFO or a dangling link
    named ``x.yaml`` is then reported by the reader, never skipped in silence."""
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise InputError(f"cannot list this directory: {exc.strerror}", str(folder)) from None
    return sorted(p for p in entries if p.suffix in YAML_SUFFIXES and not p.name.startswith("."))


def stem_clashes(files: Sequence[Path], what: str) -> None:
    """``x.yaml`` and ``x.yml`` side by side would be two files for one id."""
    seen: dict[str, Path] = {}
    problems = []
    for f in files:
        if f.stem in seen:
            problems.append(
                InputError(
                    f"two {what} files for '{f.stem}' ({seen[f.stem].name} and {f.name}); "
                    "expected one",
                    str(f),
                )
            )
        seen.setdefault(f.stem, f)
    gather(problems)


def texts(data: Mapping[str, Any]) -> Texts:
    """A ``{en, ru, kk}`` mapping (already schema-valid) as Texts."""
    return Texts(en=data["en"], ru=data["ru"], kk=data.get("kk"))


def date_at(value: str, doc: Document, path: list[str | int]) -> dt.date:
    """``value`` as a date; InputError at ``path`` of ``doc`` unless it is YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise doc.error(f"expected a date YYYY-MM-DD, got '{value}'", path) from None


def read_named(
    file: str | Path, schema: schemas.Schema, what: str, key: str = "id"
) -> tuple[Document, dict[str, Any]]:
    """Read and validate a file whose ``key`` must equal its file name (without .yaml)."""
    doc = read(file)
    validate(doc, schema, what)
    data = cast(dict[str, Any], doc.data)
    stem = Path(file).stem
    if data[key] != stem:
        raise doc.error(
            f"{what} {key} '{data[key]}' does not match its file name '{Path(file).name}'; "
            f"expected {key}: {stem}",
            [key],
        )
    return doc, data


def edition_in_force(
    day: dt.date, catalogue: Catalogue, doc: Document, path: list[str | int]
) -> None:
    """InputError at ``path`` unless an edition of the Constitution was in force on ``day``."""
    if catalogue.edition_on(day) is None:
        first = min(e.in_force_from for e in catalogue.editions)
        raise doc.error(
            f"no edition of the Constitution was in force on {day.isoformat()}; expected a "
            f"date from {first.isoformat()} on",
            path,
        )
