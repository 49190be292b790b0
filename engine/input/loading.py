"""YAML files → the model. The only module that reads tarazy's input files.

Each file is read with line numbers (``yamlfile``), checked against its published JSON
Schema (``schemas``), then built into attrs classes with the checks a schema cannot
express (duplicate ids, condition fields, template placeholders, references). Every
problem is one ``InputError`` naming file, line and what was expected.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import re
import subprocess
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import attrs
import jsonschema
import jsonschema.validators
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match

from tarazy.engine.input import schemas
from tarazy.engine.input.yamlfile import Document, read, read_bytes
from tarazy.engine.model import (
    DURATION_UNITS,
    Addressees,
    Bill,
    Case,
    Citation,
    Doctrine,
    DoctrineExample,
    DoctrineSet,
    Duration,
    EditionBasis,
    Effect,
    Location,
    Provision,
    Remedy,
    Texts,
    conditions,
)
from tarazy.engine.model.catalogue import (
    Admission,
    Aim,
    Catalogue,
    Edition,
    Right,
    RightUnderEdition,
)
from tarazy.engine.model.errors import InputError, gather
from tarazy.engine.model.facts import TEMPLATE_EXTRAS, field_registry
from tarazy.engine.rules import limits

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


def _stem_clashes(files: Sequence[Path], what: str) -> None:
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


# --------------------------------------------------------------------------- validation


def _pattern(
    validator: Any, pattern: str, instance: object, schema: schemas.Schema
) -> Iterable[jsonschema.ValidationError]:
    """``pattern`` as the published (ECMA-262) schemas mean it: Python's ``$`` also matches
    before a final newline, so ``"a-id\\n"`` would pass an id pattern; here it does not."""
    if isinstance(instance, str) and (
        not re.search(pattern, instance) or (pattern.endswith("$") and instance.endswith("\n"))
    ):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, {"pattern": _pattern}
)


def _validate(doc: Document, schema: schemas.Schema, what: str) -> None:
    """Every schema problem of the file (up to ``MAX_REPORTED``), in the order of lines."""
    validator = _Validator(schema, format_checker=FormatChecker())
    errors = sorted(
        validator.iter_errors(doc.data),
        key=lambda e: (doc.line_of(e.absolute_path), -len(e.absolute_path)),
    )
    problems = []
    for error in errors:
        message, path = _explain(error)
        problems.append(doc.error(f"{what}: {message}", path))
    gather(problems)


def _explain(error: jsonschema.ValidationError) -> tuple[str, list[str | int]]:
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    field = _field_name(path)
    got = conditions.describe_value(error.instance)
    kind = error.validator
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        known = list(schema.get("properties", {}))
        extra = [k for k in error.instance if k not in known]
        key = extra[0]
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return (
            f"unknown field '{key}'{hint} (expected one of: {', '.join(known)})",
            [*path, key],
        )
    if kind == "required":
        missing = str(error.message).split("'")[1]
        return f"missing field '{missing}'" + (f" in {field}" if field else ""), path
    if "propertyNames" in error.schema_path and isinstance(error.instance, str):
        allowed = [str(v) for v in schema.get("enum", [])]
        close = difflib.get_close_matches(error.instance, allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return (
            f"unknown key '{error.instance}' in '{field}'{hint} "
            f"(expected one of: {', '.join(allowed)})",
            [*path, error.instance],
        )
    if kind == "enum":
        allowed = [
            str(v) if v is not None else "null" for v in cast(list[Any], error.validator_value)
        ]
        close = (
            difflib.get_close_matches(str(error.instance), allowed, n=1)
            if isinstance(error.instance, str)
            else []
        )
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return (
            f"unknown value {got} for '{field}'{hint} (expected one of: {', '.join(allowed)})",
            path,
        )
    expected = schema.get("x-expected")
    if kind in ("oneOf", "anyOf") and error.context and isinstance(error.instance, dict):
        # A value of the right shape for one alternative (a mapping where a mapping is
        # allowed) is explained by that alternative's own problem: "unknown field 'x'",
        # never "expected ... a mapping, got a mapping".
        # An alternative that fails on the value's own shape (a type, or a constant such as
        # "indefinite") says nothing; one that fails inside the mapping says what is wrong.
        same_shape = [
            e
            for e in error.context
            if not (not e.relative_path and e.validator in ("type", "const", "enum"))
        ]
        # Of several mapping alternatives, the one whose required keys the value has is the
        # one the writer meant ({hours: "forty"} is the hours alternative, not "days").
        alternatives = schema.get(kind, [])
        meant = {
            i
            for i, alt in enumerate(alternatives)
            if isinstance(alt, dict)
            and alt.get("required")
            and all(k in error.instance for k in alt["required"])
        }
        if meant:
            same_shape = [e for e in same_shape if e.schema_path and e.schema_path[0] in meant]
        inner = best_match(same_shape) if same_shape else None
        if inner is not None:
            return _explain(inner)
    if kind in ("oneOf", "anyOf", "const", "pattern", "format") and expected:
        return f"expected {expected} for '{field}', got {got}", path
    if kind == "type":
        wanted = error.validator_value
        names = {
            "object": "a mapping",
            "array": "a list",
            "string": "text",
            "number": "a number",
            "integer": "a whole number",
            "boolean": "true or false",
            "null": "null",
        }
        wanted_list = wanted if isinstance(wanted, list) else [wanted]
        shown = " or ".join(names.get(str(w), str(w)) for w in wanted_list)
        return f"expected {shown} for '{field}', got {got}", path
    if kind == "minItems":
        return f"expected {expected or 'a non-empty list'} for '{field}'", path
    if kind == "minProperties":
        return f"'{field}' must not be empty", path
    if kind == "uniqueItems":
        return f"'{field}' lists the same value twice", path
    if kind in ("minimum", "exclusiveMinimum"):
        bound = "at least" if kind == "minimum" else "greater than"
        return f"'{field}' must be {bound} {error.validator_value}, got {got}", path
    if kind == "minLength":
        return f"'{field}' must not be empty", path
    return f"'{field}': {error.message}", path


def _field_name(path: Iterable[str | int]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "the file"


# --------------------------------------------------------------------------- catalogue


def _texts(data: Mapping[str, Any]) -> Texts:
    return Texts(en=data["en"], ru=data["ru"], kk=data.get("kk"))


def _date(value: str, doc: Document, path: list[str | int]) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise doc.error(f"expected a date YYYY-MM-DD, got '{value}'", path) from None


@functools.cache
def _default_catalogue() -> Catalogue:
    return load_catalogue(CATALOGUE_FILE)


def load_catalogue(file: str | Path | None = None) -> Catalogue:
    """The rights catalogue (the bundled one unless a file is given)."""
    if file is None:
        return _default_catalogue()
    doc = read(file)
    _validate(doc, schemas.catalogue_schema(), "catalogue")
    data = cast(dict[str, Any], doc.data)
    editions = tuple(
        Edition(
            id=e["id"],
            title=_texts(e["title"]),
            in_force_from=_date(e["in_force_from"], doc, ["editions", i]),
            in_force_to=(
                _date(e["in_force_to"], doc, ["editions", i]) if e.get("in_force_to") else None
            ),
            restriction_clause=e["restriction_clause"],
            source=e["source"],
        )
        for i, e in enumerate(data["editions"])
    )
    # Second pass with edition ids known, so a misspelt edition key is caught too.
    _validate(doc, schemas.catalogue_schema(tuple(e.id for e in editions)), "catalogue")
    rights = tuple(
        Right(
            id=r["id"],
            name=_texts(r["name"]),
            editions=tuple(
                RightUnderEdition(
                    edition=ed,
                    article=entry["article"],
                    never_restrictable=entry["never_restrictable"],
                    source=entry["source"],
                    name=_texts(entry["name"]) if "name" in entry else None,
                    note=entry.get("note"),
                )
                for ed, entry in r["editions"].items()
            ),
        )
        for r in data["rights"]
    )
    right_ids = {r.id for r in rights}
    aims = []
    for i, a in enumerate(data["aims"]):
        admissions = []
        for j, entry in enumerate(a["admitted"]):
            for k, right in enumerate(entry.get("rights", ())):
                if right not in right_ids:
                    raise doc.error(
                        conditions.unknown_message(right, sorted(right_ids), "right"),
                        ["aims", i, "admitted", j, "rights", k],
                    )
            admissions.append(
                Admission(entry["edition"], entry["article"], tuple(entry.get("rights", ())))
            )
        aims.append(Aim(a["id"], _texts(a["name"]), tuple(admissions), a["source"]))
    for what, ids, key in (
        ("right", [r.id for r in rights], "rights"),
        ("aim", [a.id for a in aims], "aims"),
    ):
        seen: set[str] = set()
        for i, item_id in enumerate(ids):
            if item_id in seen:
                raise doc.error(f"duplicate {what} id '{item_id}'", [key, i, "id"])
            seen.add(item_id)
    instruments = tuple((k, _texts(v)) for k, v in data["instruments"].items())
    return Catalogue(editions, rights, tuple(aims), instruments)


# --------------------------------------------------------------------------- provisions


def _provision(
    data: Mapping[str, Any],
    doc: Document,
    path: list[str | int],
    clarity: str | None = None,
) -> Provision:
    """One provision; ``clarity`` is the default for effects that do not state theirs (a
    decided case's: ``clear`` where the Court raised no point of legal certainty)."""
    citation = data.get("citation") or {}
    for part, value in citation.items():
        if isinstance(value, str) and "\n" in value:
            raise doc.error(
                f"citation {part} spans lines; expected it on one line (a '|' block keeps "
                "the line break: write the text after the colon instead)",
                [*path, "citation", part],
            )
    effects = []
    for i, e in enumerate(data["effects"]):
        epath = [*path, "effects", i]
        addressees = e.get("addressees")
        if isinstance(addressees, Mapping):
            who = Addressees(
                addressees.get("label"), addressees.get("category"), addressees.get("breadth")
            )
        else:
            who = Addressees(label=addressees)
        duration = e.get("duration")
        if duration is None:
            span = Duration()
        elif duration == "indefinite":
            span = Duration("indefinite")
        elif any(unit in duration for unit in DURATION_UNITS):
            unit = next(u for u in DURATION_UNITS if u in duration)
            span = Duration.term(float(duration[unit]), unit)
        else:
            span = Duration("until_condition", until=duration["until"])
        effects.append(
            Effect(
                right=e["right"],
                kind=e["kind"],
                addressees=who,
                basis=e.get("basis"),
                duration=span,
                aims=tuple(e.get("aims", ())),
                legal_ground=e.get("legal_ground", "express"),
                safeguards=tuple(e.get("safeguards", ())),
                grounds_of_distinction=tuple(e.get("grounds_of_distinction", ())),
                political_grounds=e.get("political_grounds", False),
                magnitude=tuple(sorted((k, float(v)) for k, v in e.get("magnitude", {}).items())),
                sector=e.get("sector"),
                trigger_severity=e.get("trigger_severity"),
                clarity=e.get("clarity", clarity),
                justification=e.get("justification"),
                requirement=e.get("requirement"),
                delegated_to=e.get("delegated_to"),
                ordered_by=e.get("ordered_by"),
                location=Location(doc.file, doc.line_of(epath)),
            )
        )
    return Provision(
        id=str(data["id"]),
        instrument=data["instrument"],
        effects=tuple(effects),
        title=data.get("title"),
        citation=Citation(
            act=citation.get("act"),
            article=_opt_str(citation.get("article")),
            paragraph=_opt_str(citation.get("paragraph")),
            subparagraph=_opt_str(citation.get("subparagraph")),
        ),
        text=data.get("text"),
        location=Location(doc.file, doc.line_of(path)),
    )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def load_bill(
    file: str | Path, catalogue: Catalogue | None = None, document: Document | None = None
) -> Bill:
    """A bill file (``provisions:``) or a single-provision file (a mapping with ``effects``);
    ``document``, when given, is the bill already read (standard input), named ``file``."""
    catalogue = catalogue or load_catalogue()
    doc = document if document is not None else read(file)
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error(
            f"expected a bill (a mapping with 'provisions') or a single provision, "
            f"got {conditions.describe_value(data)}"
        )
    if "effects" in data and "provisions" not in data:
        _validate(doc, schemas.provision_schema(catalogue), "provision")
        return Bill((_provision(data, doc, []),), doc.file)
    if "provisions" not in data:
        raise doc.error(
            "expected 'provisions:' (a bill) or 'effects:' (a single provision) at the top level"
        )
    bill_schema = schemas.bill_schema(catalogue)["oneOf"][0]
    if isinstance(data.get("provisions"), list) and not data["provisions"]:
        raise doc.error("the bill has no provisions; expected at least one", ["provisions"])
    _validate(doc, bill_schema, "bill")
    meta = data.get("bill") or {}
    provisions = []
    first_line: dict[str, int] = {}
    for i, p in enumerate(data["provisions"]):
        path: list[str | int] = ["provisions", i]
        pid = str(p["id"])
        if pid in first_line:
            raise doc.error(
                f"duplicate provision id '{pid}' (first used on line {first_line[pid]}); "
                "expected ids unique within the file",
                [*path, "id"],
            )
        first_line[pid] = doc.line_of([*path, "id"])
        provisions.append(_provision(p, doc, path))
    as_of = _date(meta["as_of"], doc, ["bill", "as_of"]) if "as_of" in meta else None
    if as_of is not None:
        _edition_in_force(as_of, catalogue, doc, ["bill", "as_of"])
    return Bill(tuple(provisions), doc.file, meta.get("title"), as_of)


def _edition_in_force(
    day: dt.date, catalogue: Catalogue, doc: Document, path: list[str | int]
) -> None:
    if catalogue.edition_on(day) is None:
        first = min(e.in_force_from for e in catalogue.editions)
        raise doc.error(
            f"no edition of the Constitution was in force on {day.isoformat()}; expected a "
            f"date from {first.isoformat()} on",
            path,
        )


# --------------------------------------------------------------------------- doctrines


def _read_named(
    file: str | Path, schema: schemas.Schema, what: str, key: str = "id"
) -> tuple[Document, dict[str, Any]]:
    """Read and validate a file whose ``key`` must equal its file name (without .yaml)."""
    doc = read(file)
    _validate(doc, schema, what)
    data = cast(dict[str, Any], doc.data)
    stem = Path(file).stem
    if data[key] != stem:
        raise doc.error(
            f"{what} {key} '{data[key]}' does not match its file name '{Path(file).name}'; "
            f"expected {key}: {stem}",
            [key],
        )
    return doc, data


def load_doctrine(file: str | Path, catalogue: Catalogue | None = None) -> Doctrine:
    catalogue = catalogue or load_catalogue()
    doc, data = _read_named(file, schemas.doctrine_schema(catalogue), "doctrine")
    fields = field_registry(catalogue)
    parsed: dict[str, conditions.Condition] = {}
    for key in ("when", "unless", "open_when"):
        if key in data:
            try:
                parsed[key] = conditions.parse(data[key], fields)
            except conditions.ConditionError as exc:
                raise doc.error(f"in '{key}': {exc.message}", [key, *exc.path]) from None
            try:  # refused here, so `doctrine list` and `check` agree on what loads
                limits.check_condition(parsed[key])
            except limits.LimitError as exc:
                raise doc.error(
                    f"in '{key}': {exc}; expected a condition with fewer nested any/all "
                    "alternatives (see README, Robustness)",
                    [key],
                ) from None
    allowed = set(fields) | set(TEMPLATE_EXTRAS)
    if ("open_when" in data) != ("question" in data):
        key = "open_when" if "open_when" in data else "question"
        raise doc.error(
            "'open_when' and 'question' go together: the question is what the drafter must "
            "answer when the facts the doctrine needs are not stated",
            [key],
        )
    for key in ("reason", "remedy", "question"):
        for lang, text in data.get(key, {}).items():
            for name in PLACEHOLDER.findall(text):
                if name not in allowed:
                    close = difflib.get_close_matches(name, sorted(allowed), n=1)
                    hint = f"; did you mean '{{{close[0]}}}'?" if close else ""
                    raise doc.error(
                        f"unknown placeholder '{{{name}}}' in {key}.{lang}{hint} "
                        "(expected a field name or one of: " + ", ".join(TEMPLATE_EXTRAS) + ")",
                        [key, lang],
                    )
    from tarazy.engine.model.dimensions import (
        DIMENSIONS,  # the ordered dimensions verification knows
    )

    for i, dim in enumerate(data.get("dimensions", [])):
        if dim not in DIMENSIONS:
            raise doc.error(
                conditions.unknown_message(dim, list(DIMENSIONS), "dimension"), ["dimensions", i]
            )
    basis = tuple(
        EditionBasis(
            edition=ed,
            articles=tuple(b["articles"]),
            status=b.get("status", "same"),
            note=b.get("note"),
            carried_by=tuple(b.get("carried_by", ())),
        )
        for ed, b in data["basis"].items()
    )
    return Doctrine(
        id=data["id"],
        title=_texts(data["title"]),
        stage=data["stage"],
        outcome=data["outcome"],
        basis=basis,
        rulings=tuple(data["rulings"]),
        effective=_date(data["effective"], doc, ["effective"]),
        when=parsed["when"],
        unless=parsed.get("unless"),
        reason=_texts(data["reason"]),
        remedy=_texts(data["remedy"]),
        dimensions=tuple(data.get("dimensions", ())),
        not_decided=data.get("not_decided"),
        open_when=parsed.get("open_when"),
        question=_texts(data["question"]) if "question" in data else None,
        specialises=tuple(data.get("specialises", ())),
        location=Location(doc.file, 1),
    )


def load_doctrines(
    directory: str | Path | None = None, catalogue: Catalogue | None = None
) -> DoctrineSet:
    """Every ``*.yaml`` doctrine in a directory (the bundled doctrines by default)."""
    catalogue = catalogue or load_catalogue()
    folder = Path(directory) if directory is not None else BUNDLED_DOCTRINES
    if not folder.is_dir():
        raise InputError("expected a directory of doctrine files", str(folder))
    files = yaml_files(folder)
    if not files:
        raise InputError("no doctrine files (*.yaml or *.yml) in this directory", str(folder))
    _stem_clashes(files, "doctrine")
    digest = hashlib.sha256()
    loaded: list[Doctrine] = []
    problems: list[InputError] = []
    for f in files:
        try:
            digest.update(f.name.encode() + b"\0" + read_bytes(f) + b"\0")
            loaded.append(load_doctrine(f, catalogue))
        except InputError as exc:
            problems.append(exc)
    gather(problems)  # every bad doctrine file, not only the first
    doctrines = tuple(loaded)
    ids = [d.id for d in doctrines]
    by_id = {d.id: d for d in doctrines}
    for doctrine, file in zip(doctrines, files, strict=True):
        for i, ref in enumerate(doctrine.specialises):
            general = by_id.get(ref)
            if general is None or ref == doctrine.id:
                raise read(file).error(
                    conditions.unknown_message(
                        ref, [x for x in ids if x != doctrine.id], "doctrine in specialises"
                    ),
                    ["specialises", i],
                )
            if general.stage != doctrine.stage:
                raise read(file).error(
                    f"'{ref}' is at stage {general.stage}, this doctrine at {doctrine.stage}; "
                    "expected a general doctrine of the same stage",
                    ["specialises", i],
                )
        for basis in doctrine.basis:
            for i, ref in enumerate(basis.carried_by):
                if ref not in ids or ref == doctrine.id:
                    raise read(file).error(
                        conditions.unknown_message(
                            ref, [x for x in ids if x != doctrine.id], "doctrine in carried_by"
                        ),
                        ["basis", basis.edition, "carried_by", i],
                    )
    return DoctrineSet(doctrines, str(folder), digest.hexdigest()[:16])


def load_doctrine_examples(
    directory: str | Path | None = None,
    catalogue: Catalogue | None = None,
    doctrines: DoctrineSet | None = None,
) -> tuple[DoctrineExample, ...]:
    """The examples next to the doctrines: ``tests/<doctrine id>.yaml`` in the doctrines
    directory. Each names a doctrine of the set and what it must do with a provision."""
    catalogue = catalogue or load_catalogue()
    folder = (Path(directory) if directory is not None else BUNDLED_DOCTRINES) / "tests"
    examples: list[DoctrineExample] = []
    files = yaml_files(folder) if folder.is_dir() else []
    _stem_clashes(files, "doctrine examples")
    problems: list[InputError] = []
    for file in files:
        try:
            examples += _examples_of(file, catalogue, doctrines)
        except InputError as exc:
            problems.append(exc)
    gather(problems)
    if not examples:
        raise InputError(
            "no doctrine examples: expected tests/<doctrine id>.yaml beside the doctrines "
            "(a run with nothing to check must not pass)",
            str(folder),
        )
    return tuple(examples)


def _examples_of(
    file: Path, catalogue: Catalogue, doctrines: DoctrineSet | None
) -> list[DoctrineExample]:
    examples: list[DoctrineExample] = []
    doc, data = _read_named(
        file, schemas.doctrine_examples_schema(catalogue), "doctrine examples", "doctrine"
    )
    if doctrines is not None and data["doctrine"] not in doctrines.ids:
        raise doc.error(
            conditions.unknown_message(data["doctrine"], list(doctrines.ids), "doctrine"),
            ["doctrine"],
        )
    for i, item in enumerate(data["examples"]):
        path: list[str | int] = ["examples", i]
        day = _date(item["as_of"], doc, [*path, "as_of"])
        _edition_in_force(day, catalogue, doc, [*path, "as_of"])
        body = {
            "id": f"{data['doctrine']}-{i + 1}",
            "instrument": item.get("instrument", "law"),
            "effects": [item["effect"]],
        }
        examples.append(
            DoctrineExample(
                doctrine=data["doctrine"],
                why=item["why"],
                as_of=day,
                expect=item["expect"],
                provision=_provision(body, doc, path),
                location=Location(doc.file, doc.line_of(path)),
                verdict=item.get("verdict"),
            )
        )
    return examples


# --------------------------------------------------------------------------- cases


def load_case(
    file: str | Path, catalogue: Catalogue | None = None, doctrines: DoctrineSet | None = None
) -> Case:
    """One case file. With ``doctrines``, every ``relied_on`` id must name one of them."""
    catalogue = catalogue or load_catalogue()
    doc, data = _read_named(file, schemas.case_schema(catalogue), "case")
    day = _date(data["date"], doc, ["date"])
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
        provision=_provision(data["provision"], doc, ["provision"], clarity="clear"),
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
            _stem_clashes(found, "case")
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


def doctrines_at(
    ref: str, directory: str | Path | None = None, catalogue: Catalogue | None = None
) -> DoctrineSet:
    """The doctrines of a baseline: a directory of doctrine files, or the same directory as
    committed at a git revision (branch, tag or commit) of the repository holding it."""
    if Path(ref).is_dir():
        return load_doctrines(ref, catalogue)
    folder = (Path(directory) if directory is not None else BUNDLED_DOCTRINES).resolve()

    def git(*args: str, where: Path = folder) -> str:
        try:
            done = subprocess.run(
                ["git", "-C", str(where), *args], capture_output=True, text=True, check=False
            )
        except FileNotFoundError:
            raise InputError(
                "git is not installed; give a directory of doctrines instead", ref
            ) from None
        if done.returncode != 0:
            raise InputError(
                f"expected a directory of doctrines or a git revision of {folder}: "
                + (done.stderr.strip().splitlines() or ["no such revision"])[-1],
                ref,
            )
        return done.stdout

    top = Path(git("rev-parse", "--show-toplevel").strip()).resolve()
    rel = folder.relative_to(top).as_posix()
    git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    names = [
        n
        for n in git("ls-tree", "--name-only", f"{ref}:{rel}", where=top).splitlines()
        if n.endswith(YAML_SUFFIXES)
    ]
    if not names:
        raise InputError(f"no doctrine files in {rel} at this revision", ref)
    with tempfile.TemporaryDirectory(prefix="tarazy-baseline-") as tmp:
        for name in names:
            Path(tmp, name).write_text(
                git("show", f"{ref}:{rel}/{name}", where=top), encoding="utf-8"
            )
        loaded = load_doctrines(tmp, catalogue)
    return attrs.evolve(loaded, source=f"{rel} at {ref}")
