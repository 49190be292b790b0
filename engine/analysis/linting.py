"""``tarazy doctrine lint``: what is wrong, or suspect, in doctrine files, with file and line.

Errors (the doctrine is wrong; exit status 1):

* anything the loader refuses (schema, unknown fields, values, rights, placeholders,
  durable_rules' size limits) — every file is read, none stops the others;
* a ``specialises`` or ``carried_by`` naming no doctrine, a ruling naming no case file;
* a ``when`` that can never hold; an ``unless`` that always holds where the doctrine
  applies (it can never fire) or never does (a dead exception);
* a doctrine with no examples (``tests/<id>.yaml`` beside it), or examples that do not load.

Warnings (worth a look; exit status 0 when there is nothing else):

* an ``open_when`` that never holds where the doctrine applies, or always does (it only
  frames the question, as equality-objective-justification does by design);
* two doctrines at the same stage that can both apply to one effect with different results
  (one fires where the other passes, or a violation where the other a concern) and neither
  ``specialises`` the other: the priority rule settles it, silently;
* a doctrine whose ``when`` is reached only where another's is (it is subsumed), neither
  specialising the other; general doctrines (a ``when`` reading only the kind of effect)
  cover every effect at their stage by design and are not reported as subsuming;
* a placeholder naming a number that may not be stated where its text is used;
* a missing Kazakh (kk) text; no ruling (``rulings: []``) unless its line says the doctrine
  ``rests on the text``; no ``not_decided``.

Questions about conditions are decided by enumeration (``valuespace``), with
``reference.holds`` — the independent interpreter — as the meaning of a condition.

The reports (text and JSON) are ``engine/reports/lint_report.py``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from pathlib import Path

from tarazy.engine.analysis import messagecheck, overlaps, valuespace
from tarazy.engine.analysis.lintfinding import Linted, LintFinding, at
from tarazy.engine.input import loading
from tarazy.engine.input.yamlfile import read
from tarazy.engine.model import conditions
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import FieldSpec
from tarazy.engine.model.errors import InputError
from tarazy.engine.model.facts import TEMPLATE_EXTRAS, FactValue, field_registry
from tarazy.engine.rules.reference import holds

__all__ = ["LintFinding", "doctrine_files", "lint"]


def doctrine_files(paths: Sequence[Path]) -> list[Path]:
    """The files to lint: each file given, each ``*.yaml`` in each directory given; the
    bundled doctrines when none is given."""
    if not paths:
        return loading.yaml_files(loading.BUNDLED_DOCTRINES)
    files: list[Path] = []
    for p in paths:
        if not p.exists():
            raise InputError("no such file or directory; expected doctrine files", str(p))
        found = loading.yaml_files(p) if p.is_dir() else [p]
        if not found:  # never fall back to the bundled set: nothing given is nothing linted
            raise InputError("no doctrine files (*.yaml or *.yml) in this directory", str(p))
        files += found
    return files


def lint(
    paths: Sequence[Path], catalogue: Catalogue, cases_dir: Path | None = None
) -> list[LintFinding]:
    """Every finding in the doctrine files (see the module), sorted by file and line."""
    fields = field_registry(catalogue)
    found: list[LintFinding] = []
    linted: list[Linted] = []
    for f in doctrine_files(paths):
        try:
            linted.append(Linted(loading.load_doctrine(f, catalogue), read(f), f))
        except InputError as exc:
            first = [_from_input(p, f, "load") for p in exc.problems]
            seen = {(x.file, x.line) for x in first}
            found += first
            found += [x for x in _more_load_problems(f, catalogue) if (x.file, x.line) not in seen]
    # The neighbours a doctrine is checked against: the other doctrines of its folder.
    neighbours: dict[str, Linted] = {}
    for folder in sorted({x.file.resolve().parent for x in linted}):
        for f in loading.yaml_files(folder):
            try:
                other = loading.load_doctrine(f, catalogue)
                neighbours.setdefault(other.id, Linted(other, read(f), f))
            except InputError:
                continue  # reported if it is linted; otherwise not this run's business
    for x in linted:
        neighbours[x.doctrine.id] = x
    rulings = {p.stem for p in loading.case_files(cases_dir)}
    for x in linted:
        found += _references(x, neighbours, rulings)
        found += _texts(x)
        found += _examples(x, catalogue, neighbours)
        found += _conditions(x, fields, catalogue)
    ids = {x.doctrine.id for x in linted}
    for a, b in itertools.combinations(sorted(neighbours.values(), key=_key), 2):
        if a.doctrine.id in ids or b.doctrine.id in ids:
            found += overlaps.pair(a, b, fields, catalogue)
    found += [
        LintFinding(
            p.file, p.line, "error" if p.severity == "error" else "warning", p.code, p.message
        )
        for p in messagecheck.check(catalogue)
    ]
    return sorted(set(found))


def _more_load_problems(file: Path, catalogue: Catalogue) -> list[LintFinding]:
    """The loader stops a file at its first bad condition or placeholder; lint reads each
    condition and each text on its own, so every one of them is reported."""
    try:
        doc = read(file)
    except InputError:
        return []
    data = doc.data if isinstance(doc.data, Mapping) else {}
    fields = field_registry(catalogue)
    out: list[LintFinding] = []
    for key in ("when", "unless", "open_when"):
        if key not in data:
            continue
        try:
            conditions.parse(data[key], fields)
        except conditions.ConditionError as exc:
            where = doc.line_of([key, *exc.path])
            out.append(LintFinding(str(file), where, "error", "load", f"in '{key}': {exc.message}"))
    allowed = set(fields) | set(TEMPLATE_EXTRAS)
    for key in ("reason", "remedy", "question"):
        texts = data.get(key)
        if not isinstance(texts, Mapping):
            continue
        for lang, text in texts.items():
            if not isinstance(text, str):
                continue
            for name in loading.PLACEHOLDER.findall(text):
                if name not in allowed:
                    msg = conditions.unknown_message(name, sorted(allowed), "placeholder")
                    line = doc.line_of([key, lang])
                    out.append(
                        LintFinding(str(file), line, "error", "load", f"{msg} in {key}.{lang}")
                    )
    return out


def _key(x: Linted) -> str:
    return x.doctrine.id


def _from_input(problem: InputError, file: Path, code: str) -> LintFinding:
    return LintFinding(problem.file or str(file), problem.line or 1, "error", code, problem.message)


# --------------------------------------------------------------------------- references


def _references(x: Linted, known: Mapping[str, Linted], rulings: set[str]) -> list[LintFinding]:
    d = x.doctrine
    out: list[LintFinding] = []
    others = sorted(i for i in known if i != d.id)
    for i, ref in enumerate(d.specialises):
        general = known.get(ref)
        if general is None or ref == d.id:
            msg = conditions.unknown_message(ref, others, "doctrine in specialises")
            out.append(at(x, ["specialises", i], "error", "unknown-doctrine", msg))
        elif general.doctrine.stage != d.stage:
            msg = (
                f"'{ref}' is at stage {general.doctrine.stage}, this doctrine at {d.stage}; "
                "expected a general doctrine of the same stage"
            )
            out.append(at(x, ["specialises", i], "error", "specialises-stage", msg))
    for basis in d.basis:
        for i, ref in enumerate(basis.carried_by):
            if ref not in known or ref == d.id:
                msg = conditions.unknown_message(ref, others, "doctrine in carried_by")
                path: list[str | int] = ["basis", basis.edition, "carried_by", i]
                out.append(at(x, path, "error", "unknown-doctrine", msg))
    for i, ruling in enumerate(d.rulings):
        if ruling not in rulings:
            msg = (
                f"ruling '{ruling}' names no case file in the case base; expected "
                f"cases/{ruling}.yaml (tarazy doctrine new writes a skeleton)"
            )
            out.append(at(x, ["rulings", i], "error", "unknown-ruling", msg))
    if not d.rulings and not _rests_on_text(x):
        out.append(
            at(
                x,
                ["rulings"],
                "warning",
                "no-ruling",
                "no ruling: name the ruling it comes from, or say on the line "
                "'rulings: []  # rests on the text of ...'",
            )
        )
    if not d.not_decided:
        out.append(
            at(
                x,
                ["id"],
                "warning",
                "no-not-decided",
                "no not_decided: say what the rulings did not decide, so the doctrine is not "
                "read wider than they are",
            )
        )
    return out


def _rests_on_text(x: Linted) -> bool:
    line = x.doc.line_of(["rulings"])
    try:
        text = x.file.read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, IndexError, UnicodeDecodeError):
        return False
    return "rests on the text" in text


def _texts(x: Linted) -> list[LintFinding]:
    d = x.doctrine
    out: list[LintFinding] = []
    for key, texts in (
        ("title", d.title),
        ("reason", d.reason),
        ("remedy", d.remedy),
        ("question", d.question),
    ):
        if texts is not None and not texts.kk:
            msg = f"no Kazakh (kk) text for {key}; reports in kk show the ru text behind [ru]"
            out.append(at(x, [key], "warning", "no-kk", msg))
    return out


def _examples(x: Linted, catalogue: Catalogue, known: Mapping[str, Linted]) -> list[LintFinding]:
    folder = x.file.parent / "tests"
    files = [folder / f"{x.doctrine.id}{s}" for s in loading.YAML_SUFFIXES]
    present = [f for f in files if f.exists()]
    if not present:
        msg = (
            f"no examples: expected {folder.name}/{x.doctrine.id}.yaml beside the doctrine "
            "(what it must do with a provision that fires it, one its exception saves, one it "
            "does not reach)"
        )
        return [at(x, ["id"], "error", "no-examples", msg)]
    from tarazy.engine.model import DoctrineSet

    dset = DoctrineSet(tuple(k.doctrine for k in known.values()), "lint", "lint")
    out = []
    for f in present:
        try:
            loading.examples_of(f, catalogue, dset)
        except InputError as exc:
            out += [_from_input(p, f, "examples") for p in exc.problems]
    return out


# --------------------------------------------------------------------------- conditions


def _conditions(
    x: Linted, fields: Mapping[str, FieldSpec], catalogue: Catalogue
) -> list[LintFinding]:
    d = x.doctrine
    conds = (d.when, d.unless, d.open_when)
    try:
        combos = overlaps.combinations(conds, fields, catalogue, overlaps.editions_applying(d))
    except valuespace.TooLarge as exc:
        msg = f"conditions too large to check by enumeration ({exc}); not decided"
        return [at(x, ["when"], "warning", "undecided", msg)]
    applies = [f for f in combos if holds(d.when, f)]
    if not applies:
        return [at(x, ["when"], "error", "never-holds", "'when' can never hold")]
    out: list[LintFinding] = []
    if d.open_when is not None:
        opened = [holds(d.open_when, f) for f in applies]
        if all(opened):
            msg = (
                "'open_when' holds wherever 'when' does: the doctrine only frames the question "
                "and never settles the stage itself (the case base may)"
            )
            out.append(at(x, ["open_when"], "warning", "always-open", msg))
        elif not any(opened):
            msg = "'open_when' never holds where 'when' does: the question is never put"
            out.append(at(x, ["open_when"], "warning", "never-open", msg))
    settled = [f for f in applies if d.open_when is None or not holds(d.open_when, f)]
    if d.unless is not None and settled:
        saved = [holds(d.unless, f) for f in settled]
        if all(saved):
            msg = "'unless' holds wherever the doctrine applies: it can never fire"
            out.append(at(x, ["unless"], "error", "unless-always", msg))
        elif not any(saved):
            msg = "'unless' never holds where the doctrine applies: a dead exception"
            out.append(at(x, ["unless"], "error", "unless-never", msg))
    out += _placeholders(x, fields, applies)
    return out


def _placeholders(
    x: Linted, fields: Mapping[str, FieldSpec], applies: Sequence[Mapping[str, FactValue]]
) -> list[LintFinding]:
    d = x.doctrine
    out: list[LintFinding] = []
    for key, texts, when_used in (
        ("reason", d.reason, d.outcome),
        ("remedy", d.remedy, d.outcome),
        ("question", d.question, "open"),
    ):
        if texts is None:
            continue
        names = {
            n for t in (texts.en, texts.ru, texts.kk or "") for n in loading.PLACEHOLDER.findall(t)
        }
        for name in sorted(names):
            spec = fields.get(name)
            if spec is None or spec.type != "number":
                continue
            used = [f for f in applies if overlaps.state(d, f) == when_used]
            if any(f.get(name, None) is None for f in used):
                msg = (
                    f"placeholder '{{{name}}}' in {key} names a number the provision may not "
                    f"state where the text is used; require it in the condition "
                    f"(e.g. {name}: {{ge: 0}}) or use a text placeholder"
                )
                out.append(at(x, [key], "warning", "placeholder-unstated", msg))
    return out
