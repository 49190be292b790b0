"""Replaying decided cases: each case's provision is evaluated under the edition it was
decided under, on its date, and the outcome is compared with the Court's holding.

The match table (docs/design.md, "Replay and the match table"):

====================================  ==============================================
holding                               engine outcome that matches
====================================  ==============================================
does_not_conform                      does_not_conform
conforms                              conforms, conforms_with_concerns
conforms_with_recommendations         conforms_with_concerns (conforms: weak match)
conforms_in_interpretation            conforms_with_concerns, does_not_conform (the
                                      literal reading has the flaw the interpretation
                                      cures; conforms: weak match)
any                                   open is never a match: "uncovered"
====================================  ==============================================

A match whose relied-on doctrines did not all apply (fire or pass) is only a weak match:
the right answer for a reason the Court did not give.

The table above is lenient. The strict count asks only whether the engine's outcome is the
Court's operative outcome category (``STRICT``): "does not conform" for an invalidation,
"conforms" for a plain upholding, "conforms with concerns" for an upholding with
recommendations or in the Court's interpretation. A case file that models the literal reading
of a provision the Court saved by interpretation (``models_reading: literal``) can match
leniently (the literal reading has the flaw) but never strictly, and says so.

A case whose file marks the engine's result as a known open one (``expected_engine: open``,
with the reason) does not fail the replay when it is a mismatch or uncovered; it is counted
apart, and pytest reports it as an expected failure (xfail, strict: a pass fails the run so
that the mark is removed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from tarazy.engine.model import Case, DoctrineSet, Verdict
from tarazy.engine.verdict.evaluating import Evaluator

Match = Literal["match", "weak_match", "mismatch", "uncovered"]
MATCHES: tuple[Match, ...] = ("match", "weak_match", "mismatch", "uncovered")

_TABLE: dict[str, dict[str, Match]] = {
    "does_not_conform": {"does_not_conform": "match"},
    "conforms": {"conforms": "match", "conforms_with_concerns": "match"},
    "conforms_with_recommendations": {
        "conforms_with_concerns": "match",
        "conforms": "weak_match",
    },
    "conforms_in_interpretation": {
        "conforms_with_concerns": "match",
        "does_not_conform": "match",
        "conforms": "weak_match",
    },
}


STRICT: dict[str, str] = {
    "does_not_conform": "does_not_conform",
    "conforms": "conforms",
    "conforms_with_recommendations": "conforms_with_concerns",
    "conforms_in_interpretation": "conforms_with_concerns",
}


def strict_match(holding: str, outcome: str) -> bool:
    """The engine's outcome is the Court's operative outcome category (the strict count)."""
    return STRICT[holding] == outcome


def match_outcome(holding: str, outcome: str) -> Match:
    """How an engine outcome compares with the Court's holding, by the match table."""
    if outcome == "open":
        return "uncovered"
    return _TABLE[holding].get(outcome, "mismatch")


@attrs.frozen
class Replay:
    """One decided case replayed: the verdict the doctrines give it on its date, under the
    edition it was decided under, and how that verdict compares with the Court's holding
    (``match``: match, weak_match, mismatch or uncovered)."""

    case: Case
    verdict: Verdict
    match: Match
    not_applied: tuple[str, ...]  # relied-on doctrines that neither fired nor passed

    @property
    def applied(self) -> frozenset[str]:
        """Doctrines that applied to the case: fired, passed or left a stage open."""
        return applied_doctrines(self.verdict)

    @property
    def strict(self) -> bool:
        """The engine's outcome is the Court's outcome category."""
        return strict_match(self.case.holding, self.verdict.outcome)

    @property
    def open(self) -> bool:
        """A mismatch or an uncovered case the case file marks as a known open result."""
        return self.case.open_reason is not None and self.match in ("mismatch", "uncovered")

    @property
    def failing(self) -> bool:
        """A mismatch or an uncovered case that is not marked as a known open result."""
        return self.match in ("mismatch", "uncovered") and not self.open

    @property
    def note(self) -> str:
        """One line saying why the replay came out as it did (a known open result, a stage
        nothing settles, a different outcome), for reports; empty for a plain match."""
        if self.open:
            return f"known open result ({self.match}): {self.case.open_reason}"
        if self.case.open_reason is not None:
            return "marked as a known open result, yet it matches: remove the mark"
        if self.match == "uncovered":
            effects = ", ".join(str(i + 1) for i in self.verdict.unassessed)
            return f"a stage stays open (effects {effects}): nothing settles it"
        if self.match == "mismatch":
            return f"the Court held {self.case.holding}; the doctrines give {self.verdict.outcome}"
        if self.not_applied:
            return "relied-on doctrine(s) did not apply: " + ", ".join(self.not_applied)
        if self.match == "weak_match":
            return f"{self.verdict.outcome} is a weaker answer than {self.case.holding}"
        return ""


def applied_doctrines(verdict: Verdict) -> frozenset[str]:
    """Doctrines that applied to any effect: fired (defeated or not), passed, or opened."""
    return (
        verdict.fired
        | {p.doctrine for p in verdict.passed}
        | {p.doctrine for p in verdict.opened}
        | {
            d.doctrine
            for d in verdict.defeated
            if d.by == "violation" and not d.doctrine.startswith("precedent:")
        }
    )


def replay(case: Case, evaluator: Evaluator, leave_one_out: bool = False) -> Replay:
    """Evaluate a case's provision under its edition on its date and compare the outcome
    with the holding. With ``leave_one_out`` the case itself is left out of the case base,
    so the verdict is what the doctrines and the other cases support."""
    exclude = case.id if leave_one_out else None
    verdict = evaluator.evaluate(case.provision, case.date, case.constitution, exclude_case=exclude)
    match = match_outcome(case.holding, verdict.outcome)
    applied = applied_doctrines(verdict)
    not_applied = tuple(d for d in case.relied_on if d not in applied)
    if match == "match" and not_applied:
        match = "weak_match"
    return Replay(case, verdict, match, not_applied)


def replay_all(
    cases: Iterable[Case], evaluator: Evaluator, leave_one_out: bool = False
) -> list[Replay]:
    """``replay`` for every case, in the order given."""
    return [replay(c, evaluator, leave_one_out) for c in cases]


def summary(replays: Sequence[Replay]) -> dict[str, int]:
    """Lenient counts by match (the first five keys), the strict count, and the known open
    results among the mismatched and uncovered."""
    counts = {m: sum(1 for r in replays if r.match == m) for m in MATCHES}
    return {
        "total": len(replays),
        "matched": counts["match"],
        "weak_matched": counts["weak_match"],
        "mismatched": counts["mismatch"],
        "uncovered": counts["uncovered"],
        "strict_matched": sum(1 for r in replays if r.strict),
        "open": sum(1 for r in replays if r.open),
    }


def failed(replays: Sequence[Replay]) -> bool:
    """A replay fails on a mismatch, an uncovered case, or a case whose relied-on doctrine
    stopped applying (the right answer, but no longer for the Court's reasons) - unless the
    case file marks the result as a known open one."""
    return any(r.failing or (r.not_applied and not r.open) for r in replays)


# --------------------------------------------------------------------------- flips


@attrs.frozen
class Flip:
    """A case whose replay changes between two doctrine sets (baseline → current)."""

    case: Case
    before: Replay
    after: Replay
    started: tuple[str, ...]  # doctrines that apply now and did not before
    stopped: tuple[str, ...]  # doctrines that applied before and do not now
    changed_files: tuple[str, ...]  # of those, doctrines whose file differs


def flips(
    before: Sequence[Replay], after: Sequence[Replay], old: DoctrineSet, new: DoctrineSet
) -> list[Flip]:
    """Cases whose outcome or match changes from the baseline doctrines to the current."""
    changed = changed_doctrines(old, new)
    result = []
    for b, a in zip(before, after, strict=True):
        assert b.case.id == a.case.id
        if (b.verdict.outcome, b.match) == (a.verdict.outcome, a.match):
            continue
        was, now = _roles(b), _roles(a)
        started = tuple(f"{d} ({now[d]})" for d in sorted(now) if was.get(d) != now[d])
        stopped = tuple(f"{d} ({was[d]})" for d in sorted(was) if now.get(d) != was[d])
        moved = {d for d in (*was, *now) if was.get(d) != now.get(d)}
        result.append(Flip(b.case, b, a, started, stopped, tuple(sorted(moved & changed))))
    return result


def _roles(r: Replay) -> dict[str, str]:
    """Doctrine id -> what it did in a replay (fires, or passes)."""
    roles = {p.doctrine: "passes" for p in r.verdict.passed}
    roles.update({d: "fires" for d in r.verdict.fired})
    return roles


def changed_doctrines(old: DoctrineSet, new: DoctrineSet) -> set[str]:
    """Ids of doctrines added, removed or edited between two sets."""
    before = {d.id: d for d in old.doctrines}
    after = {d.id: d for d in new.doctrines}
    ids = set(before) | set(after)
    return {i for i in ids if before.get(i) != after.get(i)}
