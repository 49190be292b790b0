"""Case files -> ``Case``: one decided ruling of the Court each, with the provision it
decided."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tarazy.engine.input import schemas
from tarazy.engine.input.bills import provision_at
from tarazy.engine.input.catalogues import load_catalogue
from tarazy.engine.input.files import (
    BUNDLED_CASES,
    date_at,
    read_named,
    stem_clashes,
    yaml_files,
)
from tarazy.engine.model import Case, DoctrineSet, Location, Remedy, conditions
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError, gather

__all__ = ["case_files", "load_case", "load_cases"]


def load_case(
    file: str | Path, catalogue: Catalogue | None = None, doctrines: DoctrineSet | None = None
) -> Case:
    """One case file. With ``doctrines``, every ``relied_on`` id must name one of them."""
    catalogue = catalogue or load_catalogue()
    doc, data = read_named(file, schemas.case_schema(catalogue), "case")
    day = date_at(data["date"], doc, ["date"])
    edition = catalogue.edition(data["constitution"])
    if not edition.in_force_on(day):
        raise doc.error(
            f"the {edition.id} edition was not in force on {day.isoformat()}; expected the "
            "edition the case was decided under",
            ["constitution"],
        )
    if doctrines is not None:
        for i, ref in enumerate(data["relied_on"]):
            if ref not in doctrines.ids:
                raise doc.error(
                    conditions.unknown_message(ref, list(doctrines.ids), "doctrine reference")
                    + f" in {doctrines.source}",
                    ["relied_on", i],
                )
    remedy = data.get("remedy") or {}
    reading = data.get("models_reading")
    if data["holding"] == "conforms_in_interpretation" and reading is None:
        raise doc.error(
            "a conforms_in_interpretation case must say which reading it models; expected "
            "models_reading: literal or interpreted",
            ["holding"],
        )
    expected = data.get("expected_engine") or {}
    return Case(
        id=data["id"],
        court=data["court"],
        number=str(data["number"]),
        date=day,
        title=data["title"],
        source=data["source"],
        constitution=data["constitution"],
        holding=data["holding"],
        relied_on=tuple(data["relied_on"]),
        # ASSUMPTION (cases/README.md): a case file that states no clarity records a rule the
        # Court raised no point of legal certainty about - taken as clear.
        provision=provision_at(data["provision"], doc, ["provision"], {"clarity": "clear"}),
        remedy=Remedy(remedy.get("text"), remedy.get("deadline_months")),
        assumptions=tuple(data.get("assumptions", ())),
        petitioner=data.get("petitioner"),
        scope=data.get("scope"),
        notes=data.get("notes"),
        models_reading=reading,
        open_reason=expected.get("reason"),
        location=Location(doc.file, 1),
    )


def case_files(directory: str | Path | None = None) -> list[Path]:
    """The case files (``*.yaml``, ``*.yml``) of a directory, sorted (the bundled cases
    by default); InputError when it is not a directory."""
    folder = Path(directory) if directory is not None else BUNDLED_CASES
    if not folder.is_dir():
        raise InputError("expected a directory of case files", str(folder))
    return yaml_files(folder)


def load_cases(
    paths: Sequence[str | Path] = (),
    catalogue: Catalogue | None = None,
    doctrines: DoctrineSet | None = None,
) -> list[Case]:
    """Case files and directories of case files (the bundled cases when none is given),
    sorted by id; ids must be unique."""
    catalogue = catalogue or load_catalogue()
    files: list[Path] = []
    for path in paths or [BUNDLED_CASES]:
        p = Path(path)
        if p.is_dir():
            found = case_files(p)
            if not found:
                raise InputError("no case files (*.yaml or *.yml) in this directory", str(p))
            stem_clashes(found, "case")
            files += found
        else:
            files.append(p)  # a missing or unreadable file is reported by the reader
    cases: list[Case] = []
    problems: list[InputError] = []
    for f in files:
        try:
            cases.append(load_case(f, catalogue, doctrines))
        except InputError as exc:
            problems.append(exc)
    gather(problems)
    seen: dict[str, Case] = {}
    for case in cases:
        if case.id in seen:
            first = seen[case.id].location
            raise InputError(
                f"duplicate case id '{case.id}' (also in {first.file if first else '?'})",
                case.location.file if case.location else None,
                1,
            )
        seen[case.id] = case
    return sorted(cases, key=lambda c: c.id)
