"""The properties over the doctrine set itself: every condition branch is witnessed
(coverage), every ruling a doctrine cites was decided the way its outcome says (rulings),
and which doctrines no case or example tells apart."""

from __future__ import annotations

import itertools

from tarazy.engine.verification.context import Context, Problem


def branch_coverage(ctx: Context, _item: None) -> Problem | None:
    """Coverage: every condition branch of every doctrine - `when`, `unless`, `open_when`
    and each alternative of an `any` list - is witnessed true and false by the decided cases
    and the doctrine examples (engine/analysis/coverage.py), and every doctrine has examples of its
    own; an exception no case or example reaches is a change nothing checks."""
    from tarazy.engine.analysis import coverage

    own = {e.doctrine for e in ctx.examples}
    bare = [d for d in ctx.doctrines.ids if d not in own]
    if bare:
        return Problem(
            f"doctrine {bare[0]} has no examples (doctrines/tests/{bare[0]}.yaml)",
            (f"doctrine {bare[0]}: no example", "coverage: every doctrine has examples"),
        )
    found = coverage.coverage(ctx.doctrines, ctx.cases, ctx.examples, ctx.catalogue)
    missing = [b for b in found if not b.covered]
    if missing:
        b = missing[0]
        return Problem(
            f"{len(missing)} branch(es) not witnessed both ways; first: {b.file}:{b.line}: "
            f"{b.doctrine} {b.label}: never witnessed {' or '.join(b.missing)}",
            (
                f"doctrine {b.doctrine} {b.label}: {b.text}",
                f"cases and examples: witnessed true by {len(b.true)}, false by {len(b.false)}",
            ),
        )
    return None


_ALLOWED_HOLDINGS = {
    "violation": ("does_not_conform",),
    "concern": ("conforms_with_recommendations", "conforms_in_interpretation"),
}


def ruling_outcomes(ctx: Context, doctrine_id: str) -> Problem | None:
    """Outcomes follow the rulings: a violation doctrine cites a ruling held not to conform
    (or upheld only in an interpretation, whose case models the literal reading the
    interpretation cured, or upheld where the doctrine itself passes: the Court stated the
    rule and found it met); a concern doctrine cites a ruling upheld with recommendations or
    in an interpretation. A doctrine resting on the text (`rulings: []`) is exempt."""
    doctrine = ctx.doctrines.get(doctrine_id)
    cited = [c for c in ctx.cases if c.id in doctrine.rulings]
    if not doctrine.rulings or not cited:
        return None  # rests on the text, or its rulings have no case file (lint reports it)
    for case in cited:
        if case.holding in _ALLOWED_HOLDINGS[doctrine.outcome]:
            return None
        if doctrine.outcome == "violation":
            if case.holding == "conforms_in_interpretation" and case.models_reading == "literal":
                return None
            replayed = next(r for r in ctx.replays if r.case.id == case.id)
            if any(p.doctrine == doctrine_id for p in replayed.verdict.passed):
                return None
    holdings = ", ".join(f"{c.id}: {c.holding}" for c in cited)
    wanted = " or ".join(_ALLOWED_HOLDINGS[doctrine.outcome])
    return Problem(
        f"{doctrine_id} is a {doctrine.outcome}, yet no ruling it cites was held {wanted}",
        (f"doctrine {doctrine_id}: {doctrine.outcome}", f"rulings cited: {holdings}"),
    )


def indistinct(ctx: Context) -> list[str]:
    """Pairs of doctrines at one stage that no decided case and no example tells apart: each
    does the same (fires, passes, is open, does not apply) on every effect of every one."""
    from tarazy.engine.verdict.evaluating import doctrine_status

    rows: dict[str, list[str]] = {d: [] for d in ctx.doctrines.ids}
    verdicts = [r.verdict for r in ctx.replays] + [
        ctx.verdict(e.provision, e.as_of) for e in ctx.examples
    ]
    for verdict in verdicts:
        for d in ctx.doctrines.ids:
            rows[d].append(doctrine_status(verdict, d))
    pairs = []
    for a, b in itertools.combinations(ctx.doctrines.ids, 2):
        da, db = ctx.doctrines.get(a), ctx.doctrines.get(b)
        if da.stage == db.stage and rows[a] == rows[b]:
            pairs.append(f"{a} and {b}")
    return pairs
