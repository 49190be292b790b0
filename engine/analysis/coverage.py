"""``tarazy coverage``: which decided cases and doctrine examples witness each condition
branch of each doctrine true and false (condition coverage, as OPA and Catala report it).

The branches of a doctrine:

* ``when`` as a whole — witnessed on the effects the doctrine could apply to (its basis
  applies under the edition in force and it was in effect on the date);
* ``unless`` and ``open_when`` as a whole — witnessed where ``when`` holds (an exception is
  reached only where the doctrine applies);
* every alternative of an ``any`` list, in any of the three — witnessed where ``when``
  holds: an alternative witnessed true is one that carries its list there; witnessed false,
  one that does not.

A branch is covered when some witness makes it true and some witness makes it false —
except a side no provision can reach (decided over the value space, ``valuespace``): a
general doctrine's ``when`` that holds for every effect owes no "false" witness. The
witnesses are the effects of the decided cases (under the edition the case was decided
under, on its date) and of every doctrine example (on its date), whichever doctrine the
example was written for. Conditions are evaluated by ``reference.holds``, the independent
interpreter (the ``differential`` property keeps it equal to the compiled rules).

The reports (text and JSON) are ``engine/reports/coverage_report.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import attrs

from tarazy.engine.analysis import valuespace
from tarazy.engine.input.yamlfile import read
from tarazy.engine.model import (
    Case,
    Doctrine,
    DoctrineExample,
    DoctrineSet,
    Provision,
    conditions,
)
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import Condition, FieldSpec
from tarazy.engine.model.facts import Facts, effect_facts, field_registry
from tarazy.engine.rules.reference import holds
from tarazy.engine.verdict.evaluating import edition_for


@attrs.frozen
class Witness:
    """One effect of a case or an example, with its facts under the edition applied."""

    name: str  # a case id, or "example <doctrine>#<n>"
    day: dt.date
    edition: str
    facts: Facts


@attrs.frozen
class Branch:
    """One condition branch of one doctrine and the witnesses on each side."""

    doctrine: str
    label: str  # "when", "unless", "when: any[2]", "unless: any[0]", ...
    file: str
    line: int
    text: str  # the branch in one line (conditions.describe)
    true: tuple[str, ...]
    false: tuple[str, ...]
    # whether any provision could make the branch true (false) where it is witnessed,
    # decided over the value space (valuespace); a side no provision can reach is not owed
    can_be_true: bool = True
    can_be_false: bool = True

    @property
    def covered(self) -> bool:
        """Whether every side a provision could take (true, false) has a witness."""
        return (bool(self.true) or not self.can_be_true) and (
            bool(self.false) or not self.can_be_false
        )

    @property
    def missing(self) -> tuple[str, ...]:
        """The sides ("true", "false") no witness shows though a provision could."""
        return tuple(
            side
            for side, names, possible in (
                ("true", self.true, self.can_be_true),
                ("false", self.false, self.can_be_false),
            )
            if possible and not names
        )


def witnesses(
    cases: Sequence[Case], examples: Sequence[DoctrineExample], catalogue: Catalogue
) -> list[Witness]:
    """The effects of every case and every example, each with its facts."""
    found: list[Witness] = []

    def add(name: str, provision: Provision, day: dt.date, edition: str) -> None:
        many = len(provision.effects) > 1
        for i, effect in enumerate(provision.effects):
            label = f"{name} (effect {i + 1})" if many else name
            facts = effect_facts(provision, effect, edition, catalogue)
            found.append(Witness(label, day, edition, facts))

    for case in cases:
        add(case.id, case.provision, case.date, case.constitution)
    for ex in examples:
        add(f"example {ex.provision.id}", ex.provision, ex.as_of, edition_for(ex.as_of, catalogue))
    return found


def _alternatives(
    data: object, path: tuple[str | int, ...]
) -> list[tuple[tuple[str | int, ...], object]]:
    """Every alternative of every ``any`` list in a condition's data, with its path."""
    found: list[tuple[tuple[str | int, ...], object]] = []
    if isinstance(data, Mapping):
        for key, value in data.items():
            if key in ("any", "all") and isinstance(value, list):
                for i, item in enumerate(value):
                    if key == "any":
                        found.append(((*path, key, i), item))
                    found += _alternatives(item, (*path, key, i))
            elif key == "not":
                found += _alternatives(value, (*path, key))
    return found


def _label(path: tuple[str | int, ...]) -> str:
    """("when", "all", 0, "any", 2) -> "when: all[0] > any[2]"."""
    parts: list[str] = []
    rest = path[1:]
    i = 0
    while i < len(rest):
        if rest[i] in ("any", "all") and i + 1 < len(rest):
            parts.append(f"{rest[i]}[{rest[i + 1]}]")
            i += 2
        else:
            parts.append(str(rest[i]))
            i += 1
    return f"{path[0]}: " + " > ".join(parts) if parts else str(path[0])


def branches(doctrine: Doctrine, found: Sequence[Witness], catalogue: Catalogue) -> list[Branch]:
    """The branches of one doctrine (see the module), each with its witnesses."""
    fields = field_registry(catalogue)
    file = doctrine.location.file if doctrine.location else ""
    doc = read(file)
    data = doc.data if isinstance(doc.data, Mapping) else {}
    applicable = [
        w for w in found if doctrine.effective <= w.day and doctrine.applies_under(w.edition)
    ]
    applied = [w for w in applicable if holds(doctrine.when, w.facts)]
    out: list[Branch] = []

    editions = [b.edition for b in doctrine.basis if b.applies]

    def branch(label: str, path: tuple[str | int, ...], cond: Condition, on: list[Witness]) -> None:
        true = tuple(dict.fromkeys(w.name for w in on if holds(cond, w.facts)))
        false = tuple(dict.fromkeys(w.name for w in on if not holds(cond, w.facts)))
        text = conditions.describe(cond)
        guard = None if label == "when" else doctrine.when
        sides = _possible(cond, guard, fields, catalogue, editions)
        line = doc.line_of(path)
        out.append(Branch(doctrine.id, label, file, line, text, true, false, *sides))

    for key, whole, on in (
        ("when", doctrine.when, applicable),
        ("open_when", doctrine.open_when, applied),
        ("unless", doctrine.unless, applied),
    ):
        if whole is None:
            continue
        branch(key, (key,), whole, on)
        for path, item in _alternatives(data.get(key), (key,)):
            cond = conditions.parse(item, fields)
            branch(_label(path), path, cond, applied)
    return out


def _possible(
    cond: Condition,
    guard: Condition | None,
    fields: Mapping[str, FieldSpec],
    catalogue: Catalogue,
    editions: Sequence[str],
) -> tuple[bool, bool]:
    """Whether some provision makes ``cond`` true, and some false, where ``guard`` holds."""
    try:
        combos = valuespace.combinations([cond, guard], fields, catalogue, editions)
        sides = {holds(cond, f) for f in combos if guard is None or holds(guard, f)}
    except valuespace.TooLarge:
        return True, True  # not decided: both sides are owed
    return True in sides, False in sides


def coverage(
    doctrines: DoctrineSet,
    cases: Sequence[Case],
    examples: Sequence[DoctrineExample],
    catalogue: Catalogue,
) -> list[Branch]:
    """Every branch of every doctrine, in file order."""
    found = witnesses(cases, examples, catalogue)
    return [b for d in doctrines.doctrines for b in branches(d, found, catalogue)]


def percent(found: Sequence[Branch]) -> float:
    """The share of branches covered (witnessed true and false), in percent."""
    return 100.0 * sum(b.covered for b in found) / len(found) if found else 100.0
