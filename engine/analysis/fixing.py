"""Computed fixes: the smallest change to a provision's facts that makes a failing stage pass.

``tarazy fix`` (issue 14, item 2). For every stage that fails on an effect of a provision,
the search looks for the smallest change to the facts **a drafter controls**, **along the
dimensions the deciding source reads**, that makes the stage pass when the amended provision
is evaluated again against everything (every doctrine and the whole case base):

* *the deciding source's facts*: for a stage a doctrine fails, the fields its ``when``,
  ``unless`` and ``open_when`` read and the fields of its declared ``dimensions``; for a stage
  a decided case fails, the fields of the dimensions that case's reasoning reads
  (``PrecedentStep.dimensions``). Nothing else is changed;
* *facts a drafter controls* (``KEYS``): safeguards, the legal ground, what a law leaves to a
  by-law, the rank of the act, who orders a measure (only towards a court), the duration
  (only a fixed term, shorter than the present one), magnitudes (only smaller, or larger for
  ``calls_per_month``), the breadth of the addressees (only narrower), the severity of the
  triggering misconduct (only more serious), clarity (only clearer), and dropping a stated
  aim while another stays stated. Never changed (``NOT_CONTROLLED``): the right itself, what
  the effect does to it (``kind``: a denial that became a "procedural limit" would be a
  different provision, and no candidate ``kind`` could be defended as a drafting change of
  degree), the trigger, sector and requirement (they say what the provision is about), the
  grounds of a distinction, whether it turns on political views (forbidden in any form, so
  there is no degree to lessen), and ``justification`` (the legal conclusion itself);
* *only less restrictive moves*, each along its dimension's order
  (``engine/model/dimensions.py``); a duration "until a condition ends" is never offered (the
  condition would have to be invented).

**The ordering (which fix is "smallest")**, documented once here and applied in this order:

1. a change that makes the stage *pass* beats one that leaves it *open* (the latter is
   offered only when no change makes it pass, and reported as leaving the stage open);
2. fewer atomic changes (adding one safeguard is one change; adding two is two);
3. fewer steps along the dimensions, summed (a step is one value along the dimension's
   order of candidates, starting from the present value: indefinite → 10 years is one step,
   → 5 years two; ``legal_ground`` none → express is two);
4. fewer stages made open that were not open before;
5. the order of ``KEYS`` (procedural guarantees and the legal basis first, then who orders,
   then the measure's own degree, then aims), then the order of the values in their
   vocabulary.

Singles are tried first, all of them; then pairs (two atomic changes to different keys, two
safeguards added, or two aims dropped), in the order above, up to ``MAX_PAIR_EVALUATIONS`` per
stage (a search that stops there says so). A candidate that makes any stage of any effect fail
that did not fail before is rejected. Where a provision fails several stages, they are fixed in
turn (effect, then stage order), each on the provision as amended by the fixes before it, so
the fixes together give one amended provision, evaluated once more at the end.

Where nothing along the dimensions cures a stage, the answer says so and why: the facts
that decide it are ones no amendment of degree changes (``NOT_CONTROLLED``), or a deciding
case's reasoning reads no dimension at all (a case on equality: distinguishing it on some
unrelated dimension would be a formal escape, not a cure), or the facts tried do not cure it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, Literal

import attrs

from tarazy.engine.analysis.fixmoves import (
    FIELD_KEY,
    KEYS,
    NOT_CONTROLLED,
    Atom,
    Change,
    atoms,
    bill_value,
    changes,
    deciding_fields,
    uncontrolled_facts,
)
from tarazy.engine.model import Provision, StageResult, Verdict, conditions
from tarazy.engine.verdict.casebase import CATEGORY_FIELDS
from tarazy.engine.verdict.evaluating import STAGE_ORDER, Evaluator

__all__ = [
    "KEYS",
    "MAX_PAIR_EVALUATIONS",
    "NOT_CONTROLLED",
    "Change",
    "Fix",
    "ProvisionFixes",
    "bill_value",
    "fixes_for",
]

MAX_PAIR_EVALUATIONS = 600
"""At most this many pairs of changes are evaluated for one failing stage (then the search
says it stopped at the bound). Singles are never bounded: there are at most a few dozen."""

FixStatus = Literal["passes", "open", "not_curable", "cured_before"]


@attrs.frozen
class Fix:
    """What the search found for one failing stage of one effect (0-based ``effect``).

    ``status``: ``passes`` (``changes`` make the stage pass), ``open`` (no change makes it
    pass; ``changes`` take it out of failing and leave it open, with ``questions``),
    ``not_curable`` (nothing along the dimensions cures it: ``why`` names the facts that
    decide it, ``tried`` the keys searched), or ``cured_before`` (a fix for an earlier stage
    cured it). ``source`` and ``deciding`` say what failed the stage (doctrine ids or case
    ids); ``alternatives`` are other changes as small (rules 1-3 of the module), each as
    good; ``newly_open`` the (effect, stage) pairs the fix leaves open that were not;
    ``evaluations`` the provisions evaluated; ``bound_hit`` whether pairs stopped at
    ``MAX_PAIR_EVALUATIONS``."""

    effect: int
    stage: str
    status: FixStatus
    source: str
    deciding: tuple[str, ...]
    changes: tuple[Change, ...] = ()
    alternatives: tuple[tuple[Change, ...], ...] = ()
    newly_open: tuple[tuple[int, str], ...] = ()
    questions: tuple[str, ...] = ()
    why: tuple[tuple[str, str], ...] = ()  # (field, the fact's value) deciding an uncured stage
    reason: str | None = None  # no_controllable_fact | no_dimension | none_cures | bound
    tried: tuple[str, ...] = ()
    unmoved: tuple[str, ...] = ()  # keys tried that had no less restrictive value to take
    evaluations: int = 0
    bound_hit: bool = False


@attrs.frozen
class ProvisionFixes:
    """The fixes for one provision: ``before`` is its verdict, ``after`` the verdict on
    ``amended`` (the provision with every fix applied), ``evaluations`` the amended
    provisions the search evaluated (the verdicts before and after not counted)."""

    before: Verdict
    amended: Provision
    after: Verdict
    fixes: tuple[Fix, ...]
    evaluations: int

    @property
    def changed(self) -> bool:
        """Whether any fix changed the provision."""
        return self.amended != self.before.provision


# --------------------------------------------------------------------------- the search


def _fails(verdict: Verdict) -> set[tuple[int, str]]:
    return {(t.effect, r.stage) for t in verdict.stages for r in t.stages if r.status == "fails"}


def _open(verdict: Verdict) -> set[tuple[int, str]]:
    return {(t.effect, r.stage) for t in verdict.stages for r in t.stages if r.status == "open"}


def _result(verdict: Verdict, effect: int, stage: str) -> StageResult:
    return next(r for r in verdict.stages[effect].stages if r.stage == stage)


@attrs.frozen
class _Candidate:
    atoms: tuple[Atom, ...]
    provision: Provision
    verdict: Verdict
    status: str  # of the target stage
    newly_open: tuple[tuple[int, str], ...]

    def order(self) -> tuple[Any, ...]:
        return (
            0 if self.status == "passes" else 1,
            len(self.atoms),
            sum(a.steps for a in self.atoms),
            len(self.newly_open),
            tuple(a.rank for a in self.atoms),
        )


def _search(
    evaluator: Evaluator,
    base: Verdict,
    effect: int,
    stage: str,
    keys: Sequence[str],
    lang: str,
    max_pairs: int,
) -> tuple[list[_Candidate], int, bool]:
    """Every acceptable candidate found for one stage (best first), the evaluations made,
    and whether the pairs stopped at the bound."""
    provision = base.provision
    failing = _fails(base)
    opened = _open(base)
    moves = sorted(atoms(provision, effect, keys), key=lambda a: (a.steps, a.rank))
    evaluations = 0
    found: list[_Candidate] = []

    def evaluate(chosen: tuple[Atom, ...]) -> None:
        nonlocal evaluations
        amended = provision
        for atom in chosen:
            amended = atom.apply(amended)
        if amended == provision:
            return
        if provision.effects[effect].aims and not amended.effects[effect].aims:
            return  # two aims dropped that were all the aims stated (see fixmoves.atoms)
        verdict = evaluator.evaluate(amended, base.as_of, base.edition, lang)
        evaluations += 1
        if _fails(verdict) - failing:
            return  # a fix must not make another stage fail
        status = _result(verdict, effect, stage).status
        if status not in ("passes", "open", "not_applicable"):
            return
        newly = tuple(sorted(_open(verdict) - opened - {(effect, stage)}))
        found.append(
            _Candidate(
                chosen,
                amended,
                verdict,
                "passes" if status == "not_applicable" else status,
                newly,
            )
        )

    for atom in moves:
        evaluate((atom,))
    bound_hit = False
    if not any(c.status == "passes" for c in found):
        pairs = [
            (a, b)
            for a, b in itertools.combinations(moves, 2)
            if a.key != b.key or (a.key in ("safeguards", "aims") and a.value != b.value)
        ]
        pairs.sort(key=lambda ab: (ab[0].steps + ab[1].steps, sorted((ab[0].rank, ab[1].rank))))
        best_pass: int | None = None
        for count, (a, b) in enumerate(pairs):
            if count >= max_pairs:
                bound_hit = True
                break
            steps = a.steps + b.steps
            if best_pass is not None and steps > best_pass:
                break  # every later pair is a larger change than a pair that passes
            first, second = sorted((a, b), key=lambda x: x.rank)
            before = len(found)
            evaluate((first, second))
            if len(found) > before and found[-1].status == "passes" and best_pass is None:
                best_pass = steps
    found.sort(key=lambda c: c.order())
    return found, evaluations, bound_hit


def _fix_one(
    evaluator: Evaluator, base: Verdict, effect: int, stage: str, lang: str, max_pairs: int
) -> tuple[Fix, Provision, Verdict, int]:
    result = _result(base, effect, stage)
    deciding = result.doctrines if result.source == "doctrine" else result.cases
    fields, reasoned = deciding_fields(evaluator, result)
    keys = sorted({k for f in fields if (k := FIELD_KEY.get(f))}, key=KEYS.index)
    uncontrolled = {f for f in fields if f in NOT_CONTROLLED}
    common: dict[str, Any] = {
        "effect": effect,
        "stage": stage,
        "source": result.source,
        "deciding": deciding,
    }
    if not reasoned:
        # what puts the effect on point with the case: its category, which no fix changes
        category = {f for f in CATEGORY_FIELDS if f in NOT_CONTROLLED}
        why = uncontrolled_facts(base.provision, effect, category, evaluator, base.edition)
        why = tuple((f, v) for f, v in why if v not in ("none", "unspecified"))
        return (
            Fix(**common, status="not_curable", reason="no_dimension", why=why),
            base.provision,
            base,
            0,
        )
    if not keys:
        why = uncontrolled_facts(base.provision, effect, uncontrolled, evaluator, base.edition)
        return (
            Fix(**common, status="not_curable", reason="no_controllable_fact", why=why),
            base.provision,
            base,
            0,
        )
    found, evaluations, bound_hit = _search(evaluator, base, effect, stage, keys, lang, max_pairs)
    moved = {a.key.split(".", 1)[0] for a in atoms(base.provision, effect, keys)}
    common["unmoved"] = tuple(k for k in keys if k not in moved)
    if not found:
        # what the way out (the exception) would need and no fix changes
        needed: set[str] = set()
        for doctrine_id in result.doctrines:
            needed |= conditions.fields_read(evaluator.doctrines.get(doctrine_id).unless)
        needed &= set(NOT_CONTROLLED)
        why = uncontrolled_facts(base.provision, effect, needed, evaluator, base.edition)
        fix = Fix(
            **common,
            status="not_curable",
            # at the bound, "none cures" is not known: say the search stopped instead
            reason="bound" if bound_hit else "none_cures",
            why=why,
            tried=tuple(keys),
            evaluations=evaluations,
            bound_hit=bound_hit,
        )
        return fix, base.provision, base, evaluations
    best = found[0]
    size = best.order()[:3]
    alternatives = []
    seen_keys = {tuple(a.key for a in best.atoms)}
    for other in found[1:]:
        if other.order()[:3] != size:
            continue
        these = tuple(a.key for a in other.atoms)
        if these in seen_keys and these != ("safeguards",):
            continue  # the nearest value of a key stands for the others
        seen_keys.add(these)
        alternatives.append(changes(base.provision, other.provision, other.atoms))
    after = _result(best.verdict, effect, stage)
    fix = Fix(
        **common,
        status="passes" if best.status == "passes" else "open",
        changes=changes(base.provision, best.provision, best.atoms),
        alternatives=tuple(alternatives),
        newly_open=best.newly_open,
        questions=after.questions if best.status == "open" else (),
        tried=tuple(keys),
        evaluations=evaluations,
        bound_hit=bound_hit,
    )
    return fix, best.provision, best.verdict, evaluations


def fixes_for(
    verdict: Verdict,
    evaluator: Evaluator,
    lang: str = "en",
    max_pair_evaluations: int = MAX_PAIR_EVALUATIONS,
) -> ProvisionFixes:
    """The fixes for every failing stage of ``verdict`` (as ``Evaluator.evaluate`` gave it,
    with ``evaluator``'s doctrines and case base), in effect and stage order, each computed on
    the provision as amended by the fixes before it (see the module for the search and its
    ordering). Questions are in ``lang``. The verdict on the amended provision is ``after``;
    a provision that fails nothing gets no fixes. Raises what ``Evaluator.evaluate`` raises."""
    units = sorted(_fails(verdict), key=lambda u: (u[0], STAGE_ORDER[u[1]]))
    current, evaluations = verdict, 0
    fixes: list[Fix] = []
    for effect, stage in units:
        if _result(current, effect, stage).status != "fails":
            original = _result(verdict, effect, stage)
            fixes.append(
                Fix(
                    effect,
                    stage,
                    "cured_before",
                    original.source,
                    original.doctrines if original.source == "doctrine" else original.cases,
                )
            )
            continue
        fix, amended, after, spent = _fix_one(
            evaluator, current, effect, stage, lang, max_pair_evaluations
        )
        evaluations += spent
        fixes.append(fix)
        if amended != current.provision:
            current = after
    return ProvisionFixes(verdict, current.provision, current, tuple(fixes), evaluations)
