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
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

import attrs

from tarazy.engine import model
from tarazy.engine.model import Duration, Provision, StageResult, Verdict, conditions
from tarazy.engine.model.dimensions import DIMENSIONS
from tarazy.engine.verdict.casebase import CATEGORY_FIELDS, PASS_DIMENSIONS, doctrine_dimensions
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

KEYS: tuple[str, ...] = (
    "safeguards",
    "legal_ground",
    "delegated_to",
    "instrument",
    "ordered_by",
    "duration",
    "magnitude",
    "addressees.breadth",
    "trigger_severity",
    "clarity",
    "aims",
)
"""The facts a fix may change, as bill-file keys, in the order ties are broken (rule 5)."""

# Condition fields (engine/model/facts.py) → the key a fix changes to move them.
_FIELD_KEY: dict[str, str] = {
    "safeguards": "safeguards",
    "legal_ground": "legal_ground",
    "delegated_to": "delegated_to",
    "instrument": "instrument",
    "instrument_is_law": "instrument",
    "ordered_by": "ordered_by",
    "duration": "duration",
    "duration_years": "duration",
    "duration_hours": "duration",
    "addressees_breadth": "addressees.breadth",
    "trigger_severity": "trigger_severity",
    "clarity": "clarity",
    "aims": "aims",
    "aims_stated": "aims",
    "has_admitted_aim": "aims",
    "has_inadmissible_aim": "aims",
    **{name: "magnitude" for name in model.MAGNITUDES},
}

NOT_CONTROLLED: dict[str, str] = {
    "right": "the right affected",
    "right_never_restrictable": "the right affected, which the Constitution puts beyond "
    "restriction",
    "kind": "what the effect does to the right",
    "basis": "what triggers the effect",
    "sector": "the field the provision governs",
    "requirement": "what the condition requires",
    "grounds_of_distinction": "the ground the difference in treatment turns on",
    "political_grounds": "that it turns on political views, which the restriction clause "
    "forbids in any form",
    "justification": "the justification, which is the legal conclusion itself",
}
"""Facts no fix changes, with the words the report uses for them (the module says why)."""


@attrs.frozen
class Change:
    """One change to a provision's facts, in bill-file syntax.

    ``effect`` is 0-based (None for a fact of the provision: ``instrument``); ``key`` a
    bill-file key (``safeguards``, ``duration``, ``addressees.breadth``,
    ``magnitude.fee_percent`` …); ``before`` and ``after`` the values as a bill file writes
    them (None: not stated). ``steps`` is how far along the dimension it moves."""

    effect: int | None
    key: str
    before: Any
    after: Any
    steps: int


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
    reason: str | None = None  # no_controllable_fact | no_dimension | none_cures
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


# --------------------------------------------------------------------------- bill values


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _duration_value(duration: Duration) -> Any:
    if duration.kind == "indefinite":
        return "indefinite"
    if duration.kind == "fixed":
        assert duration.amount is not None
        return {duration.unit: _number(duration.amount)}
    if duration.kind == "until_condition":
        return {"until": duration.until}
    return None


def bill_value(provision: Provision, effect: int | None, key: str) -> Any:
    """The value of ``key`` (a ``KEYS`` entry, or ``magnitude.NAME``) as a bill file writes
    it, for effect ``effect`` (0-based; None for ``instrument``); None when not stated."""
    if key == "instrument":
        return provision.instrument
    assert effect is not None
    e = provision.effects[effect]
    if key in ("safeguards", "aims"):
        return list(getattr(e, key))
    if key == "duration":
        return _duration_value(e.duration)
    if key == "addressees.breadth":
        return e.addressees.breadth
    if key.startswith("magnitude."):
        found = e.magnitude_of(key.split(".", 1)[1])
        return None if found is None else _number(found)
    return getattr(e, key)


# --------------------------------------------------------------------------- atomic moves


@attrs.frozen
class _Atom:
    """One atomic change: ``apply`` gives the provision changed; ``rank`` breaks ties."""

    effect: int
    key: str  # a KEYS entry, or magnitude.NAME
    steps: int
    rank: tuple[int, int]  # (KEYS position, value position)
    apply: Callable[[Provision], Provision]
    value: Any  # for the pair rule (two safeguards are two different atoms of one key)


def _with_effect(provision: Provision, index: int, **changes: Any) -> Provision:
    effects = list(provision.effects)
    effects[index] = attrs.evolve(effects[index], **changes)
    return attrs.evolve(provision, effects=tuple(effects))


def _linear_moves(
    current: Any, order: Sequence[Any]
) -> list[tuple[Any, int]]:  # (value, steps), least change first
    """The values before ``current`` in ``order`` (least restrictive first), nearest first."""
    if current not in order:
        return []
    at = list(order).index(current)
    return [(order[i], at - i) for i in range(at - 1, -1, -1)]


_FIXED_TERMS = tuple(v for v in DIMENSIONS["duration"].values(None) if v.kind == "fixed")


def _duration_moves(current: Duration) -> list[tuple[Duration, int]]:
    """Fixed terms shorter than ``current``, the longest (the least change) first. An
    open-ended duration (indefinite, until a condition, not time-bound) may take any."""
    terms = sorted(_FIXED_TERMS, key=lambda d: -(d.years or 0.0))
    if current.kind == "fixed":
        assert current.years is not None
        terms = [t for t in terms if (t.years or 0.0) < current.years]
    return [(t, i + 1) for i, t in enumerate(terms)]


def _atoms(provision: Provision, index: int, keys: Iterable[str]) -> list[_Atom]:
    effect = provision.effects[index]
    wanted = set(keys)
    atoms: list[_Atom] = []

    def add(key: str, steps: int, position: int, value: Any, apply: Callable[..., Any]) -> None:
        base = key.split(".", 1)[0] if key.startswith("magnitude.") else key
        atoms.append(_Atom(index, key, steps, (KEYS.index(base), position), apply, value))

    if "safeguards" in wanted:
        for pos, safeguard in enumerate(model.SAFEGUARDS):
            if safeguard not in effect.safeguards:
                add(
                    "safeguards",
                    1,
                    pos,
                    safeguard,
                    lambda p, s=safeguard: _with_effect(
                        p, index, safeguards=tuple(sorted({*p.effects[index].safeguards, s}))
                    ),
                )
    if "legal_ground" in wanted:
        for value, steps in _linear_moves(effect.legal_ground, tuple(model.LEGAL_GROUNDS)):
            add(
                "legal_ground",
                steps,
                steps,
                value,
                lambda p, v=value: _with_effect(p, index, legal_ground=v),
            )
    if "delegated_to" in wanted:
        order = (None, *model.BYLAW_INSTRUMENTS)
        for value, steps in _linear_moves(effect.delegated_to, order):
            add(
                "delegated_to",
                steps,
                steps,
                value,
                lambda p, v=value: _with_effect(p, index, delegated_to=v),
            )
    if "instrument" in wanted:
        for value, steps in _linear_moves(provision.instrument, tuple(model.INSTRUMENTS)):
            add("instrument", steps, steps, value, lambda p, v=value: attrs.evolve(p, instrument=v))
    if "ordered_by" in wanted and effect.ordered_by != "court":
        add("ordered_by", 1, 0, "court", lambda p: _with_effect(p, index, ordered_by="court"))
    if "duration" in wanted:
        for value, steps in _duration_moves(effect.duration):
            add(
                "duration",
                steps,
                steps,
                value,
                lambda p, v=value: _with_effect(p, index, duration=v),
            )
    if "magnitude" in wanted:
        for name in model.MAGNITUDES:
            current = effect.magnitude_of(name)
            if current is None:
                continue  # a magnitude not stated is not lessened by stating one
            dim = DIMENSIONS[name]
            smaller = [v for v in dim.values(current) if dim.compare(v, current) == -1]
            smaller.sort(key=lambda v: abs(v - current))
            for steps, value in enumerate(smaller, start=1):
                add(
                    f"magnitude.{name}",
                    steps,
                    steps,
                    value,
                    lambda p, n=name, v=value: DIMENSIONS[n].set(p, index, v),
                )
    if "addressees.breadth" in wanted:
        for value, steps in _linear_moves(
            effect.addressees.breadth, tuple(model.ADDRESSEE_BREADTHS)
        ):
            add(
                "addressees.breadth",
                steps,
                steps,
                value,
                lambda p, v=value: DIMENSIONS["addressees_breadth"].set(p, index, v),
            )
    if "trigger_severity" in wanted:
        order = tuple(reversed(model.TRIGGER_SEVERITIES))  # the most serious first
        for value, steps in _linear_moves(effect.trigger_severity, order):
            add(
                "trigger_severity",
                steps,
                steps,
                value,
                lambda p, v=value: _with_effect(p, index, trigger_severity=v),
            )
    if "clarity" in wanted:
        for value, steps in _linear_moves(effect.clarity, tuple(model.CLARITIES)):
            add(
                "clarity", steps, steps, value, lambda p, v=value: _with_effect(p, index, clarity=v)
            )
    if "aims" in wanted and len(effect.aims) > 1:
        # ASSUMPTION: an aim is dropped only while another stays stated. Dropping the only
        # stated aim would leave a provision with no stated purpose (the aim stage open), and
        # replacing it with an admitted aim would relabel the provision, not amend it.
        for pos, aim in enumerate(effect.aims):
            add(
                "aims",
                1,
                pos,
                aim,
                lambda p, a=aim: _with_effect(
                    p, index, aims=tuple(x for x in p.effects[index].aims if x != a)
                ),
            )
    return atoms


def _changes(original: Provision, amended: Provision, atoms: Sequence[_Atom]) -> tuple[Change, ...]:
    """The changes ``atoms`` make, one per bill key, in bill syntax (before → after)."""
    seen: dict[tuple[int | None, str], int] = {}
    for atom in atoms:
        key = atom.key
        effect: int | None = None if key == "instrument" else atom.effect
        seen[(effect, key)] = seen.get((effect, key), 0) + atom.steps
    return tuple(
        Change(effect, key, bill_value(original, effect, key), bill_value(amended, effect, key), s)
        for (effect, key), s in sorted(
            seen.items(), key=lambda kv: (kv[0][0] if kv[0][0] is not None else -1, kv[0][1])
        )
    )


# --------------------------------------------------------------------------- the search


def _fails(verdict: Verdict) -> set[tuple[int, str]]:
    return {(t.effect, r.stage) for t in verdict.stages for r in t.stages if r.status == "fails"}


def _open(verdict: Verdict) -> set[tuple[int, str]]:
    return {(t.effect, r.stage) for t in verdict.stages for r in t.stages if r.status == "open"}


def _result(verdict: Verdict, effect: int, stage: str) -> StageResult:
    return next(r for r in verdict.stages[effect].stages if r.stage == stage)


def _deciding_fields(
    evaluator: Evaluator, verdict: Verdict, effect: int, result: StageResult
) -> tuple[set[str], bool]:
    """The condition fields the source that failed the stage reads, and whether that source
    reads any dimension of degree at all (False: a case whose reasoning names none)."""
    fields: set[str] = set()
    if result.source == "doctrine":
        for doctrine_id in result.doctrines:
            doctrine = evaluator.doctrines.get(doctrine_id)
            for condition in (doctrine.when, doctrine.unless, doctrine.open_when):
                fields |= conditions.fields_read(condition)
            for dim in doctrine.dimensions:
                fields |= set(DIMENSIONS[dim].fields)
        return fields, True
    # precedent: the dimensions the deciding cases' relied-on violation doctrines read
    reasoned = False
    for case_id in result.cases:
        case = _case(evaluator, case_id)
        for ref in case.relied_on if case else ():
            try:
                doctrine = evaluator.doctrines.get(ref)
            except KeyError:
                continue
            if doctrine.outcome == "violation" and doctrine.stage == result.stage:
                dims = doctrine_dimensions(doctrine)
                reasoned = reasoned or bool(dims)
                for read in dims:
                    fields |= set(read.fields)
    if not reasoned:
        # the case base compared every dimension (PASS_DIMENSIONS): the Court's reasoning,
        # as encoded, reads none, so no change of degree answers it
        fields = {f for d in PASS_DIMENSIONS for f in d.fields}
    return fields, reasoned


def _case(evaluator: Evaluator, case_id: str) -> model.Case | None:
    # CaseBase has no lookup by id; its entries (one per case effect) carry the case.
    for entry in evaluator.case_base._entries:
        if entry.case.id == case_id:
            return entry.case
    return None


def _key_of(field: str) -> str | None:
    return _FIELD_KEY.get(field)


@attrs.frozen
class _Candidate:
    atoms: tuple[_Atom, ...]
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
    atoms = sorted(_atoms(provision, effect, keys), key=lambda a: (a.steps, a.rank))
    evaluations = 0
    found: list[_Candidate] = []

    def evaluate(chosen: tuple[_Atom, ...]) -> None:
        nonlocal evaluations
        amended = provision
        for atom in chosen:
            amended = atom.apply(amended)
        if amended == provision:
            return
        if provision.effects[effect].aims and not amended.effects[effect].aims:
            return  # two aims dropped that were all the aims stated (see _atoms)
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

    for atom in atoms:
        evaluate((atom,))
    bound_hit = False
    if not any(c.status == "passes" for c in found):
        pairs = [
            (a, b)
            for a, b in itertools.combinations(atoms, 2)
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


def _uncured_why(
    provision: Provision, effect: int, fields: set[str], evaluator: Evaluator, edition: str
) -> tuple[tuple[str, str], ...]:
    """The uncontrolled facts the deciding source reads, with the effect's value of each."""
    from tarazy.engine.model.facts import effect_facts

    facts = effect_facts(provision, provision.effects[effect], edition, evaluator.catalogue)
    out = []
    if "right_never_restrictable" in fields:
        fields = fields - {"right"}  # the effect's label names the right already
    for field in sorted(fields, key=lambda f: list(NOT_CONTROLLED).index(f)):
        value = facts.get(field)
        if isinstance(value, frozenset):
            shown = ", ".join(sorted(value)) or "none"
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        else:
            shown = str(value)
        out.append((field, shown))
    return tuple(out)


def _fix_one(
    evaluator: Evaluator, base: Verdict, effect: int, stage: str, lang: str, max_pairs: int
) -> tuple[Fix, Provision, Verdict, int]:
    result = _result(base, effect, stage)
    deciding = result.doctrines if result.source == "doctrine" else result.cases
    fields, reasoned = _deciding_fields(evaluator, base, effect, result)
    keys = sorted({k for f in fields if (k := _key_of(f))}, key=KEYS.index)
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
        why = _uncured_why(base.provision, effect, category, evaluator, base.edition)
        why = tuple((f, v) for f, v in why if v not in ("none", "unspecified"))
        return (
            Fix(**common, status="not_curable", reason="no_dimension", why=why),
            base.provision,
            base,
            0,
        )
    if not keys:
        why = _uncured_why(base.provision, effect, uncontrolled, evaluator, base.edition)
        return (
            Fix(**common, status="not_curable", reason="no_controllable_fact", why=why),
            base.provision,
            base,
            0,
        )
    found, evaluations, bound_hit = _search(evaluator, base, effect, stage, keys, lang, max_pairs)
    moved = {a.key.split(".", 1)[0] for a in _atoms(base.provision, effect, keys)}
    common["unmoved"] = tuple(k for k in keys if k not in moved)
    if not found:
        # what the way out (the exception) would need and no fix changes
        needed: set[str] = set()
        for doctrine_id in result.doctrines:
            needed |= conditions.fields_read(evaluator.doctrines.get(doctrine_id).unless)
        needed &= set(NOT_CONTROLLED)
        why = _uncured_why(base.provision, effect, needed, evaluator, base.edition)
        fix = Fix(
            **common,
            status="not_curable",
            reason="none_cures",
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
        alternatives.append(_changes(base.provision, other.provision, other.atoms))
    after = _result(best.verdict, effect, stage)
    fix = Fix(
        **common,
        status="passes" if best.status == "passes" else "open",
        changes=_changes(base.provision, best.provision, best.atoms),
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
