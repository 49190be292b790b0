"""``tarazy doctrine new ID``: commented skeletons of a doctrine, its examples and the case
file of the ruling it comes from; and the JSON Schemas shipped with the package that their
first line points editors at (``# yaml-language-server: $schema=...``).

The schemas are written from ``tarazy schema KIND`` into ``engine/data/schemas/KIND.json``
(package data, shipped without a build step); ``tests/test_new.py`` checks that the shipped
files equal what ``tarazy schema`` prints, so a change to a format that forgets them fails.

A skeleton does not load until its ``TODO`` values are filled: a doctrine left half-written
in the doctrines folder must stop every command with the file and line to fill, never
change a verdict in silence.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tarazy.engine.input import schemas
from tarazy.engine.model import jsonout
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "data" / "schemas"
SCHEMA_KINDS = ("bill", "doctrine", "examples", "case", "catalogue")


def schema_text(kind: str, catalogue: Catalogue) -> str:
    """The JSON Schema of a file format, exactly as ``tarazy schema KIND`` prints it."""
    makers: dict[str, Callable[[Catalogue], schemas.Schema]] = {
        "bill": schemas.bill_schema,
        "doctrine": schemas.doctrine_schema,
        "examples": schemas.doctrine_examples_schema,
        "case": schemas.case_schema,
        "catalogue": lambda c: schemas.catalogue_schema(c.edition_ids),
    }
    return jsonout.document(makers[kind](catalogue))


def write_schema_files(catalogue: Catalogue, folder: Path = SCHEMA_DIR) -> list[Path]:
    """(Re)write the shipped schema files; for maintainers after a format change."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMA_KINDS:
        path = folder / f"{kind}.json"
        path.write_text(schema_text(kind, catalogue), encoding="utf-8")
        written.append(path)
    return written


def schema_line(kind: str, target: Path) -> str:
    """The first line of a file written to ``target``: its schema, by a path relative to the
    file's folder (an editor resolves it wherever the package is installed)."""
    schema = SCHEMA_DIR / f"{kind}.json"
    try:
        where = os.path.relpath(schema, target.resolve().parent)
    except ValueError:  # another drive (Windows): an absolute URI
        where = schema.as_uri()
    return f"# yaml-language-server: $schema={Path(where).as_posix()}\n"


def doctrine_text(
    doctrine_id: str, ruling: str | None, stage: str, outcome: str, date: str | None
) -> str:
    """The commented skeleton of a doctrine file."""
    rulings = f"[{ruling}]" if ruling else "[]   # rests on the text of Art. TODO"
    return f"""\
# {doctrine_id}: one rule drawn from {ruling or "the text of the Constitution"}.
# Fill every TODO, then:
#   tarazy doctrine lint  &&  tarazy doctrine show {doctrine_id}  &&  tarazy doctrine test
# Conditions are data, never code: a mapping is AND, a list of values means one of them,
# {{gt: N}} {{ge: N}} {{lt: N}} {{le: N}} compare numbers, {{has_any: [...]}} {{has_all: [...]}}
# {{has_none: [...]}} test lists (safeguards, aims), and all: / any: / not: nest.
# `tarazy schema doctrine` lists every field and value; `tarazy rights` the rights.
id: {doctrine_id}
title:
  en: TODO the rule in one line
  ru: TODO
  kk: TODO   # optional; lint warns when it is missing
# legality | absolute_rights | legitimate_aim | necessity | balance | equality | certainty
stage: {stage}
# violation: the provision does not conform; concern: it conforms, with a recommendation
outcome: {outcome}
rulings: {rulings}
effective: {date or "TODO"}   # the date of the ruling (YYYY-MM-DD)
basis:
  # the articles the ruling rests on, under the edition it was decided under ...
  "1995-2022":
    articles: [TODO]   # e.g. ["33(4)", "39(1)"]
  # ... and their counterparts in the 2026 text; status: same | changed | lapsed
  "2026":
    articles: [TODO]
    status: same
    note: TODO how the 2026 text carries (or changes) the basis
# The facts of one effect the rule reaches (what the Court decided, no wider).
when:
  right: TODO   # a right id (tarazy rights)
  # denial | condition | ban | deprivation | procedural_limit | differentiation | sanction
  kind: TODO
# Optional. The exception: where it holds the stage passes on this doctrine.
# unless:
#   safeguards: {{has_any: [judicial_review]}}
# Optional. The facts the rule needs are not stated: the stage stays open with the question.
# open_when:
#   duration: until_condition
# question:
#   en: TODO
#   ru: TODO
# Optional. General doctrines of the same stage this special rule displaces where it applies.
# specialises: [never-restrictable-rights]
# Optional. The dimensions on which a provision can be more or less restrictive.
# dimensions: [duration]
reason:
  # placeholders in braces are filled from the provision: {{effect_number}}, {{right_name}},
  # {{right_article}}, {{addressees}}, {{duration_text}} ... (see doctrines/README.md)
  en: >-
    TODO Effect {{effect_number}} ... ({{right_article}}) ...
  ru: >-
    TODO
remedy:
  en: TODO what would make the provision conform
  ru: TODO
not_decided: >-
  TODO what the ruling did not decide, so that the doctrine is not read wider than it is
"""


def examples_text(doctrine_id: str, date: str | None) -> str:
    """The commented skeleton of a doctrine's examples file."""
    day = date or "TODO"
    return f"""\
# Examples for the doctrine {doctrine_id}: what it must do with one provision, and why.
# expect: fires | open (it applies, but the facts it needs are not stated) | passes (it
# applies and its exception holds) | does_not_apply. Write at least one of each boundary:
# the ruling itself (fires), a provision its exception saves (passes), one just outside it.
doctrine: {doctrine_id}
examples:
  - why: TODO the ruling itself
    as_of: {day}
    instrument: law
    expect: fires
    effect: {{right: TODO, kind: TODO}}
  - why: TODO what the ruling did not decide
    as_of: {day}
    instrument: law
    expect: does_not_apply
    effect: {{right: TODO, kind: TODO}}
"""


def case_text(ruling: str, doctrine_id: str) -> str:
    """The commented skeleton of the case file of a ruling."""
    year, number = ruling.split("-")[3], int(ruling.split("-")[4])
    return f"""\
# The ruling {ruling}: the provision the Court reviewed, described by its facts, and what the
# Court held. Every fact the sources do not state goes into `assumptions`.
# `tarazy replay cases/{ruling}.yaml` replays it against the doctrines.
id: {ruling}
court: Constitutional Court of the Republic of Kazakhstan
number: {number}-НП
date: TODO   # YYYY-MM-DD, from the ruling's own header ({year})
title: TODO the provision reviewed, in one line
source: >-
  TODO the official text read (Әділет id) and what was read of it
constitution: "1995-2022"   # the edition the case was decided under
# does_not_conform | conforms | conforms_in_interpretation | conforms_with_recommendations
holding: TODO
relied_on: [{doctrine_id}]
remedy:
  text: TODO what the Court ordered or recommended
assumptions:
  - TODO every fact filled in that the sources do not state
provision:
  id: TODO
  title: TODO
  citation: {{act: TODO, article: TODO}}
  instrument: law
  effects:
    - right: TODO
      kind: TODO
"""


def new_doctrine(
    doctrine_id: str,
    doctrines_dir: Path,
    cases_dir: Path,
    ruling: str | None,
    stage: str,
    outcome: str,
) -> list[Path]:
    """Write the skeletons (doctrine, examples, and the case file of the ruling where there
    is none yet). Refuses, before writing anything, to overwrite a file."""
    import re

    if not re.fullmatch(schemas.ID_PATTERN.strip("^$"), doctrine_id):
        raise InputError(
            f"'{doctrine_id}' is not a doctrine id; expected letters, digits, '.', '_' and '-', "
            "e.g. special-service-ban-minor-misconduct"
        )
    if ruling is not None and not re.fullmatch(schemas.CASE_ID_PATTERN.strip("^$"), ruling):
        raise InputError(f"'{ruling}' is not a case id; expected e.g. KZ-CC-NR-2025-80")
    doctrine_file = doctrines_dir / f"{doctrine_id}.yaml"
    examples_file = doctrines_dir / "tests" / f"{doctrine_id}.yaml"
    case_file = cases_dir / f"{ruling}.yaml" if ruling else None
    date = None
    if case_file is not None and case_file.exists():
        from tarazy.engine.input.loading import (
            load_case,  # the case exists: its date is the doctrine's
        )

        try:
            date = load_case(case_file).date.isoformat()
        except InputError:
            date = None
        case_file = None  # never overwritten, and not needed
    plan = [(doctrine_file, "doctrine"), (examples_file, "examples")]
    if case_file is not None:
        plan.append((case_file, "case"))
    for path, _ in plan:
        for other in (path.with_suffix(".yaml"), path.with_suffix(".yml")):
            if other.exists():
                raise InputError(
                    "this file exists; tarazy doctrine new never overwrites", str(other)
                )
    texts = {
        doctrine_file: doctrine_text(doctrine_id, ruling, stage, outcome, date),
        examples_file: examples_text(doctrine_id, date),
    }
    if case_file is not None and ruling is not None:
        texts[case_file] = case_text(ruling, doctrine_id)
    for path, _ in plan:  # every folder must be (or become) a directory: checked first
        for parent in (path.parent, *path.parent.parents):
            if parent.exists() and not parent.is_dir():
                raise InputError("expected a directory here, found a file", str(parent))
    written: list[Path] = []
    try:
        for path, kind in plan:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as out:  # "x": never over a file made since
                written.append(path)
                out.write(schema_line(kind, path) + texts[path])
    except OSError as exc:  # nothing half-written: what this call wrote is taken back
        for path in written:
            path.unlink(missing_ok=True)
        raise InputError(f"cannot write the skeleton: {exc.strerror or exc}", str(path)) from None
    return [p for p, _ in plan]
