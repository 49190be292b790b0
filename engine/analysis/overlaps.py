"""Two doctrines at one stage, compared over every combination of the facts both read
(``valuespace``, with ``reference.holds`` as the meaning of a condition): a conflict the
priority rule settles silently, or one ``when`` subsumed by another. For ``tarazy doctrine
lint``; also what each doctrine does with one combination of facts (``state``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from tarazy.engine.analysis import valuespace
from tarazy.engine.analysis.lintfinding import Linted, LintFinding, at
from tarazy.engine.model import Doctrine, conditions
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import Condition, FieldSpec
from tarazy.engine.model.facts import FactValue
from tarazy.engine.rules.reference import holds


def editions_applying(d: Doctrine) -> list[str]:
    """The editions under which the doctrine's basis applies (not lapsed)."""
    return [b.edition for b in d.basis if b.applies]


def state(d: Doctrine, facts: Mapping[str, FactValue]) -> str | None:
    """What a doctrine does with these facts: None (does not apply), open, passes, or its
    outcome (violation, concern) when it fires."""
    if not holds(d.when, facts):
        return None
    if d.open_when is not None and holds(d.open_when, facts):
        return "open"
    if d.unless is not None and holds(d.unless, facts):
        return "passes"
    return d.outcome


def combinations(
    conds: Sequence[Condition | None],
    fields: Mapping[str, FieldSpec],
    catalogue: Catalogue,
    editions: Sequence[str],
) -> list[dict[str, FactValue]]:
    """Every combination of the values the conditions ``conds`` read, under the editions
    ``editions`` (``valuespace.combinations``). Raises ``valuespace.TooLarge`` beyond its bound."""
    return list(valuespace.combinations(conds, fields, catalogue, editions))


def _general(d: Doctrine) -> bool:
    return conditions.fields_read(d.when) <= {"kind"}


def _show(facts: Mapping[str, FactValue], names: Iterable[str]) -> str:
    parts = []
    for n in sorted(names):
        v = facts.get(n)
        if isinstance(v, frozenset):
            shown = "[" + ", ".join(sorted(v)) + "]"
        elif isinstance(v, bool):
            shown = str(v).lower()
        elif v is None:
            shown = "not stated"
        else:
            shown = f"{v:g}" if isinstance(v, float) else str(v)
        parts.append(f"{n}={shown}")
    return ", ".join(parts)


def pair(
    a: Linted, b: Linted, fields: Mapping[str, FieldSpec], catalogue: Catalogue
) -> list[LintFinding]:
    """The findings on two doctrines at one stage: a conflict (one fires where the other
    passes, or a violation where the other a concern) neither ``specialises`` away, and a
    ``when`` subsumed by the other's (general doctrines excepted). Lines are 1-based."""
    da, db = a.doctrine, b.doctrine
    if da.stage != db.stage or da.id in db.specialises or db.id in da.specialises:
        return []
    editions = [e for e in editions_applying(da) if e in editions_applying(db)]
    if not editions:
        return []
    conds = (da.when, da.unless, da.open_when, db.when, db.unless, db.open_when)
    try:
        combos = combinations(conds, fields, catalogue, editions)
    except valuespace.TooLarge as exc:
        msg = f"overlap with '{db.id}' not decided: too many combinations to enumerate ({exc})"
        return [at(a, ["when"], "warning", "undecided", msg)]
    out: list[LintFinding] = []
    read = set().union(*(conditions.fields_read(c) for c in conds if c is not None))
    for f in combos:
        sa, sb = state(da, f), state(db, f)
        if sa is None or sb is None or sa == sb or "open" in (sa, sb):
            continue
        msg = (
            f"conflicts with '{db.id}' ({b.file.name}) at stage {da.stage}: where "
            f"{_show(f, read)}, '{da.id}' {_says(sa)} and '{db.id}' {_says(sb)}; the priority "
            f"rule settles it ({_rule(sa, sb)}) - if one is the special rule, declare it with "
            "specialises"
        )
        out.append(at(a, ["when"], "warning", "conflict", msg))
        break
    wa = [holds(da.when, f) for f in combos]
    wb = [holds(db.when, f) for f in combos]
    a_in_b = all(y for x_, y in zip(wa, wb, strict=True) if x_)
    b_in_a = all(x_ for x_, y in zip(wa, wb, strict=True) if y)
    if a_in_b and b_in_a and not (_general(da) and _general(db)):
        msg = f"'when' holds exactly where '{db.id}''s does ({b.file.name}): the same reach"
        out.append(at(a, ["when"], "warning", "subsumed", msg))
    elif a_in_b and not b_in_a and not _general(db):
        out.append(at(a, ["when"], "warning", "subsumed", _subsumed_by(db.id, b.file.name)))
    elif b_in_a and not a_in_b and not _general(da):
        out.append(at(b, ["when"], "warning", "subsumed", _subsumed_by(da.id, a.file.name)))
    return out


def _subsumed_by(general: str, file: str) -> str:
    return (
        f"subsumed by '{general}' ({file}): every effect this 'when' reaches, its 'when' "
        f"reaches too; if this is the special rule, say specialises: [{general}]"
    )


def _rule(sa: str, sb: str) -> str:
    if "violation" in (sa, sb):
        return "the violation fails the stage"
    return "the pass settles the stage; the concern rides along"


def _says(state: str) -> str:
    return {"passes": "passes", "violation": "fires (violation)", "concern": "fires (concern)"}[
        state
    ]
