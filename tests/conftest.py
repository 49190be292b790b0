"""Shared fixtures: the repository's doctrines and catalogue, and a compiled evaluator.

Tests read the repository's own doctrines/ and cases/ (not an installed copy), so a change
to a doctrine file is what the tests see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tarazy.engine.input import loading
from tarazy.engine.model import DoctrineSet, Provision
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.verdict.evaluating import Evaluator

REPO = Path(__file__).resolve().parent.parent
DOCTRINES = REPO / "doctrines"
CASES = REPO / "cases"
EXAMPLES = REPO / "examples"
OLD = dt.date(2023, 6, 1)  # under the 1995-2022 edition
NEW = dt.date(2026, 11, 1)  # under the 2026 edition


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return loading.load_catalogue()


@pytest.fixture(scope="session")
def doctrines(catalogue: Catalogue) -> DoctrineSet:
    return loading.load_doctrines(DOCTRINES, catalogue)


@pytest.fixture(scope="session")
def evaluator(doctrines: DoctrineSet, catalogue: Catalogue) -> Iterator[Evaluator]:
    with Evaluator(doctrines, catalogue) as ev:
        yield ev


def write(tmp_path: Path, text: str, name: str = "bill.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def provision(
    catalogue: Catalogue, tmp_path: Path, instrument: str = "law", /, **effect: Any
) -> Provision:
    """A one-effect provision built through the real loader (so it is validated)."""
    import json

    body = {"id": "p", "instrument": instrument, "effects": [effect]}
    path = write(tmp_path, json.dumps(body), "provision.yaml")  # JSON is YAML
    return loading.load_bill(path, catalogue).provisions[0]
