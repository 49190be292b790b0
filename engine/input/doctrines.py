"""Doctrine files -> ``DoctrineSet``, the examples beside them, and the doctrines of a
baseline (a folder, or the same folder at a git revision).

Each doctrine file passes its schema, then the checks a schema cannot express: condition
fields and values (``conditions.parse`` against ``facts.field_registry``), placeholders of
its texts, dimensions, and references between doctrines (``specialises``, ``carried_by``).
Names renamed since 0.2 still load: the condition field ``basis`` (now ``trigger``, a
FieldSpec alias) and the placeholders ``{basis}`` and ``{basis_text}`` (rewritten to
``{trigger}`` and ``{trigger_text}`` on load, ``facts.TEMPLATE_ALIASES``).
"""

from __future__ import annotations

import difflib
import hashlib
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import attrs

from tarazy.engine.input import schemas
from tarazy.engine.input.bills import provision_at
from tarazy.engine.input.catalogues import load_catalogue
from tarazy.engine.input.files import (
    BUNDLED_DOCTRINES,
    PLACEHOLDER,
    YAML_SUFFIXES,
    date_at,
    edition_in_force,
    read_named,
    stem_clashes,
    texts,
    yaml_files,
)
from tarazy.engine.input.yamlfile import read, read_bytes
from tarazy.engine.model import (
    Doctrine,
    DoctrineExample,
    DoctrineSet,
    EditionBasis,
    Location,
    Texts,
    conditions,
)
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError, gather
from tarazy.engine.model.facts import TEMPLATE_ALIASES, TEMPLATE_EXTRAS, field_registry
from tarazy.engine.rules import limits

__all__ = [
    "doctrines_at",
    "examples_of",
    "load_doctrine",
    "load_doctrine_examples",
    "load_doctrines",
]


def load_doctrine(file: str | Path, catalogue: Catalogue | None = None) -> Doctrine:
    """One doctrine file, checked against its schema and the field registry; InputError
    (file:line) for the first problem. References to other doctrines are checked by
    ``load_doctrines``, which sees the whole set."""
    catalogue = catalogue or load_catalogue()
    doc, data = read_named(file, schemas.doctrine_schema(catalogue), "doctrine")
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
    # Older names of fields and placeholders load, and are rewritten to the new ones.
    renamed = {**TEMPLATE_ALIASES}
    renamed.update({old: spec.name for spec in fields.values() for old in spec.aliases})
    allowed = set(fields) | set(TEMPLATE_EXTRAS) | set(renamed)
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
        title=texts(data["title"]),
        stage=data["stage"],
        outcome=data["outcome"],
        basis=basis,
        rulings=tuple(data["rulings"]),
        effective=date_at(data["effective"], doc, ["effective"]),
        when=parsed["when"],
        unless=parsed.get("unless"),
        reason=_renamed(texts(data["reason"]), renamed),
        remedy=_renamed(texts(data["remedy"]), renamed),
        dimensions=tuple(data.get("dimensions", ())),
        not_decided=data.get("not_decided"),
        open_when=parsed.get("open_when"),
        question=_renamed(texts(data["question"]), renamed) if "question" in data else None,
        specialises=tuple(data.get("specialises", ())),
        location=Location(doc.file, 1),
    )


def _renamed(text: Texts, renamed: Mapping[str, str]) -> Texts:
    """``text`` with each placeholder of an older name (``{basis_text}``) under its new one."""

    def one(value: str) -> str:
        return PLACEHOLDER.sub(lambda m: "{" + renamed.get(m.group(1), m.group(1)) + "}", value)

    return Texts(one(text.en), one(text.ru), one(text.kk) if text.kk is not None else None)


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
    stem_clashes(files, "doctrine")
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
    stem_clashes(files, "doctrine examples")
    problems: list[InputError] = []
    for file in files:
        try:
            examples += examples_of(file, catalogue, doctrines)
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


def examples_of(
    file: Path, catalogue: Catalogue, doctrines: DoctrineSet | None
) -> list[DoctrineExample]:
    """The examples of one ``tests/<doctrine id>.yaml`` file, each a one-effect provision
    (id ``<doctrine>-<n>``, n from 1) and what the doctrine must do with it; with
    ``doctrines``, the doctrine named must be one of the set."""
    examples: list[DoctrineExample] = []
    doc, data = read_named(
        file, schemas.doctrine_examples_schema(catalogue), "doctrine examples", "doctrine"
    )
    if doctrines is not None and data["doctrine"] not in doctrines.ids:
        raise doc.error(
            conditions.unknown_message(data["doctrine"], list(doctrines.ids), "doctrine"),
            ["doctrine"],
        )
    for i, item in enumerate(data["examples"]):
        path: list[str | int] = ["examples", i]
        day = date_at(item["as_of"], doc, [*path, "as_of"])
        edition_in_force(day, catalogue, doc, [*path, "as_of"])
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
                provision=provision_at(body, doc, path),
                location=Location(doc.file, doc.line_of(path)),
                verdict=item.get("verdict"),
            )
        )
    return examples


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
