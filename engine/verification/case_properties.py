"""The properties over the decided cases and the doctrine examples: the examples hold,
every case replays to its holding, a fortiori from every precedent (and each case forced by
the rest), and no two decided cases contradict each other."""

from __future__ import annotations

import attrs

from tarazy.engine.analysis import examplecheck, precedent, replaying
from tarazy.engine.model import Case, DoctrineExample, Provision
from tarazy.engine.model.labels import ruling_label
from tarazy.engine.verification.context import Context, Problem, outcome_text


def doctrine_tests(ctx: Context, example: DoctrineExample) -> Problem | None:
    """Doctrine examples: each example written next to a doctrine (doctrines/tests/) gets
    from that doctrine what the example says - it fires, it passes, or it does not apply -
    and, where the example states a `verdict`, the whole set (with the case base) gives it."""
    verdict = ctx.verdict(example.provision, example.as_of)
    wrong = examplecheck.mismatch(verdict, example)
    if wrong is not None:
        expected, got = wrong
        verdict_wrong = expected.startswith("verdict")
        who = "the doctrines give" if verdict_wrong else example.doctrine
        whose = f"the example of {example.doctrine}" if verdict_wrong else "its example"
        return Problem(
            f"{who} {got.replace('_', ' ')} where {whose} at "
            f"{example.location} expects: {expected.replace('_', ' ')}",
            (f"doctrines: {got}", f"example ({example.why}): {expected}"),
            example.provision,
            example.as_of,
        )
    return None


def replay(ctx: Context, case: Case) -> Problem | None:
    """Replay: the case evaluates to its recorded holding (by the match table), and every
    doctrine the Court relied on applies to it."""
    r = replaying.replay(case, ctx.evaluator)
    if r.open:  # a known open result, with its reason, recorded in the case file
        return None
    if r.match in ("mismatch", "uncovered") or r.not_applied:
        return Problem(
            f"{case.id}: {r.note}",
            (
                f"doctrines: {outcome_text(r.verdict)}",
                f"case {ruling_label(case.id)} [{case.id}]: held {case.holding}, relying on "
                + ", ".join(case.relied_on),
            ),
            case.provision,
            case.date,
        )
    return None


@attrs.frozen
class Precedent:
    """One decided case, one doctrine it was decided by, one effect that doctrine read."""

    case: Case
    doctrine: str
    effect: int
    side: precedent.Side


def precedents(ctx: Context) -> list[Precedent]:
    """Every (decided case, relied-on doctrine, effect) the doctrine applied to, with the
    case's side (valid or invalid): the precedents a fortiori moves from. Effects 0-based."""
    found = []
    for r in ctx.replays:
        side = precedent.side(r.case.holding)
        if side is None:
            continue
        for doctrine in r.case.relied_on:
            if doctrine not in ctx.doctrines.ids:
                continue
            for effect in precedent.applied_effects(r.verdict, doctrine):
                found.append(Precedent(r.case, doctrine, effect, side))
    return found


def _precedent_check(ctx: Context, p: Precedent, provision: Provision, how: str) -> Problem | None:
    # The case itself is left out of the case base: what a fortiori tests is whether the
    # doctrines (and the other cases) carry its result, not whether it carries itself.
    verdict = ctx.evaluator.evaluate(
        provision, p.case.date, p.case.constitution, exclude_case=p.case.id
    )
    label = f"precedent {ruling_label(p.case.id)} [{p.case.id}]"
    if p.side == "invalid" and verdict.outcome != "does_not_conform":
        return Problem(
            f"a provision {how} {p.case.id} (held not to conform) is not found to violate",
            (f"doctrines: {outcome_text(verdict)}", f"{label} ({how} it): does_not_conform"),
            provision,
            p.case.date,
        )
    doctrine = ctx.doctrines.get(p.doctrine)
    own = next(r for r in ctx.replays if r.case.id == p.case.id).verdict
    fired_on_case = any(f.doctrine == p.doctrine and f.effect == p.effect for f in own.findings)
    if p.side == "invalid" and doctrine.outcome == "violation" and fired_on_case:
        # per stage: the stage the deciding doctrine sits at fails on the moved effect
        status = verdict.stages[p.effect].status(doctrine.stage)
        if status != "fails":
            return Problem(
                f"a provision {how} {p.case.id} (held not to conform) does not fail the "
                f"{doctrine.stage} stage {p.doctrine} decided it at ({status})",
                (
                    f"doctrines: {doctrine.stage} {status} -> {outcome_text(verdict)}",
                    f"{label} ({how} it): {doctrine.stage} fails",
                ),
                provision,
                p.case.date,
            )
    if p.side == "valid":
        failing = [r.stage for r in verdict.stages[p.effect].stages if r.status == "fails"]
        if failing:
            return Problem(
                f"a provision {how} {p.case.id} (held to conform) fails the "
                f"{', '.join(failing)} stage",
                (
                    f"doctrines: {', '.join(failing)} fails -> {outcome_text(verdict)}",
                    f"{label} ({how} it): no stage fails",
                ),
                provision,
                p.case.date,
            )
    if p.side == "valid":
        violations = sorted(
            f.doctrine
            for f in verdict.findings
            if f.outcome == "violation" and f.doctrine in p.case.relied_on
        )
        if violations:
            return Problem(
                f"a provision {how} {p.case.id} (held to conform) violates "
                + ", ".join(violations),
                (f"doctrine {violations[0]}: does_not_conform", f"{label} ({how} it): conforms"),
                provision,
                p.case.date,
            )
    return None


def a_fortiori(ctx: Context, example: tuple[Precedent, Provision]) -> Problem | None:
    """Precedential constraint: a provision at least as restrictive as a case held not to
    conform, on every dimension the deciding doctrine reads, does not conform; one at most
    as restrictive as a case held to conform draws no violation from the doctrines that
    decided it."""
    p, provision = example
    dims = [d.id for d in precedent.doctrine_dimensions(ctx.doctrines.get(p.doctrine))]
    word = "at least" if p.side == "invalid" else "at most"
    how = f"{word} as restrictive (on: {', '.join(dims) or 'no dimension'}) as"
    return _precedent_check(ctx, p, provision, how)


def forced_by_the_rest(ctx: Context, case: Case) -> Problem | None:
    """Leave-one-out: remove a case; whatever the remaining cases force for it (a case on
    the same side that it is at least as far beyond, on the dimensions of a doctrine that
    decided that case and applies to both), the doctrines give it."""
    mine = next(r for r in ctx.replays if r.case.id == case.id)
    for other in ctx.replays:
        side = precedent.side(other.case.holding)
        if other.case.id == case.id or side is None:
            continue
        for doctrine_id in other.case.relied_on:  # the reasons that decided the other case
            if doctrine_id not in ctx.doctrines.ids:
                continue
            doctrine = ctx.doctrines.get(doctrine_id)
            dims = precedent.doctrine_dimensions(doctrine)
            if side == "invalid":  # the effects the doctrine decided: where it fired
                theirs = sorted(
                    {f.effect for f in other.verdict.findings if f.doctrine == doctrine.id}
                )
            else:
                theirs = precedent.applied_effects(other.verdict, doctrine.id)
            for eo in theirs:
                for em in precedent.applied_effects(mine.verdict, doctrine.id):
                    a = (case.provision, case.provision.effects[em])
                    b = (other.case.provision, other.case.provision.effects[eo])
                    if (a[1].right, a[1].kind) != (b[1].right, b[1].kind):
                        continue  # not on point (general doctrines apply to every effect)
                    up = side == "invalid" and precedent.at_least_as_restrictive(a, b, dims)
                    down = side == "valid" and precedent.at_least_as_restrictive(b, a, dims)
                    if not (up or down):
                        continue
                    violates = any(
                        f.doctrine == doctrine.id and f.outcome == "violation"
                        for f in mine.verdict.findings
                    )
                    if (up and mine.verdict.outcome != "does_not_conform") or (down and violates):
                        forced = "does_not_conform" if up else "conforms"
                        return Problem(
                            f"the other cases force {forced} for {case.id}; the doctrines "
                            "do not give it",
                            (
                                f"doctrines: {outcome_text(mine.verdict)}",
                                f"precedent {ruling_label(other.case.id)} [{other.case.id}] "
                                f"through {doctrine.id}: {forced}",
                            ),
                            case.provision,
                            case.date,
                        )
    return None


def case_base(ctx: Context, _item: None) -> Problem | None:
    """Case-base consistency: no decided case held to conform is at least as restrictive as
    one held not to conform, through a doctrine applying to both (checked exhaustively)."""
    conflicts = precedent.inconsistencies(ctx.replays, ctx.doctrines)
    if conflicts:
        c = conflicts[0]
        return Problem(
            f"{len(conflicts)} pair(s) of decided cases cannot both stand; first: {c.valid} "
            f"and {c.invalid} through {c.doctrine}",
            (
                f"{ruling_label(c.valid)} [{c.valid}]: conforms",
                f"{ruling_label(c.invalid)} [{c.invalid}] (no more restrictive on: "
                f"{', '.join(c.dimensions)}): does_not_conform",
            ),
        )
    return None
