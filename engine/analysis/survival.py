"""Which precedents survive the new Constitution, and why.

Art. 96(3) of the 2026 Constitution keeps the Court's earlier normative resolutions in force
only so far as they do not contradict it. For every decided case this module replays the
case under the edition it was decided under and again under a later edition, and explains
any difference in legal terms: which doctrine stopped (or started) deciding it, and which
fact of the Constitution changed underneath - a right no longer on the never-restrictable
list, an aim newly admitted, a doctrine whose basis lapsed - and what still carries the
result. The same for every doctrine: its basis under each edition and the cases it decides
under each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

import attrs

from tarazy.engine.model import Case, Doctrine, DoctrineSet, Effect, StageResult, Verdict
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.messages import FALLBACK_MARKER, message
from tarazy.engine.model.words import article_label
from tarazy.engine.verdict.evaluating import Evaluator, doctrine_status

Fate = Literal["same", "same_on_other_grounds", "different", "now_open"]


def first_day(catalogue: Catalogue, edition: str) -> dt.date:
    """The day ``edition`` came into force (its ``in_force_from``).

    Raises ``KeyError`` for an edition the catalogue does not have."""
    return catalogue.edition(edition).in_force_from


def edition_changes(effect: Effect, old: str, new: str, catalogue: Catalogue) -> list[str]:
    """What the change of edition does to one effect's edition-dependent facts, in words."""
    notes = []
    right = catalogue.right(effect.right)
    before = right.under(old)
    after = right.under(new)
    old_clause = catalogue.edition(old).restriction_clause
    new_clause = catalogue.edition(new).restriction_clause
    name = right.name.en
    if before and after and before.never_restrictable != after.never_restrictable:
        if before.never_restrictable:
            notes.append(
                f"{name} was never restrictable under {old} (Art. {before.article} with "
                f"Art. {old_clause}(3)); under {new} it (Art. {after.article}) may be restricted "
                f"under Art. {new_clause}(1)"
            )
        else:
            notes.append(
                f"{name} became never restrictable under {new} (Art. {after.article} with "
                f"Art. {new_clause}(3)); under {old} (Art. {before.article}) it was restrictable"
            )
    for aim_id in effect.aims:
        aim = catalogue.aim(aim_id)
        was = aim.admitted_for(old, effect.right)
        now = aim.admitted_for(new, effect.right)
        if (was is None) != (now is None):
            if now:
                notes.append(
                    f"the aim '{aim.name.en}' is admitted under {new} (Art. {now}) but was not "
                    f"under {old}"
                )
            else:
                notes.append(
                    f"the aim '{aim.name.en}' was admitted under {old} (Art. {was}) but is not "
                    f"under {new}"
                )
    return notes


def _decided_by(verdict: Verdict) -> dict[str, str]:
    """Doctrine → what it did (fires / passes), over the whole provision."""
    result: dict[str, str] = {}
    for f in verdict.findings:
        if f.case is None:
            result[f.doctrine] = "fires"
    for d in verdict.defeated:
        if d.by == "violation" and not d.doctrine.startswith("precedent:"):
            result[d.doctrine] = "fires"
    for p in verdict.opened:
        result.setdefault(p.doctrine, "open")
    for p in verdict.passed:
        result.setdefault(p.doctrine, "passes")
    return result


@attrs.frozen
class CaseSurvival:
    """What became of one decided case under a new edition: its verdict before and after,
    its fate, the reasons in legal terms, and the doctrines that decide it under both."""

    case: Case
    before: Verdict
    after: Verdict
    fate: Fate
    reasons: tuple[str, ...]
    carried_by: tuple[str, ...]  # doctrines deciding the case under both editions


@attrs.frozen
class DoctrineSurvival:
    """What became of one doctrine under a new edition: the ids of the decided cases it
    decided (fired, or applied and was relied on) under the old edition and the new."""

    doctrine: Doctrine
    old: str
    new: str
    cases_before: tuple[str, ...]  # cases it decided (fired, or applied and relied on) before
    cases_after: tuple[str, ...]

    @property
    def lost(self) -> tuple[str, ...]:
        """The cases it decided under the old edition but no longer decides."""
        return tuple(c for c in self.cases_before if c not in self.cases_after)

    @property
    def gained(self) -> tuple[str, ...]:
        """The cases it decides under the new edition but did not before."""
        return tuple(c for c in self.cases_after if c not in self.cases_before)


def _explain(
    case: Case, before: Verdict, after: Verdict, doctrines: DoctrineSet, catalogue: Catalogue
) -> list[str]:
    old, new = before.edition, after.edition
    was, now = _decided_by(before), _decided_by(after)
    reasons = []
    for doctrine_id in sorted(set(was) | set(now)):
        if was.get(doctrine_id) == now.get(doctrine_id):
            continue
        doctrine = doctrines.get(doctrine_id)
        basis = doctrine.basis_for(new)
        what_then = was.get(doctrine_id, "does not apply")
        what_now = now.get(doctrine_id, "does not apply")
        why: list[str] = []
        if basis is None or not basis.applies:
            note = basis.note if basis and basis.note else "no basis is given for this edition"
            why.append(f"the doctrine does not apply under {new}: {note}")
        else:
            for effect in case.provision.effects:
                why += [w for w in edition_changes(effect, old, new, catalogue) if w not in why]
        reason = f"{doctrine_id}: {what_then} under {old}, {what_now} under {new}"
        reasons.append(reason + (" - because " + "; ".join(why) if why else ""))
    return reasons


def _settled(result: StageResult) -> str:
    """How a stage ended, in words: "fails by decided case X", "passes by doctrine d", "open"."""
    if result.source == "precedent":
        return f"{result.status} by decided case {', '.join(result.cases)}"
    if result.source == "doctrine":
        return f"{result.status} by doctrine {', '.join(result.doctrines)}"
    return result.status.replace("_", " ")


def _precedent_changes(before: Verdict, after: Verdict, evaluator: Evaluator) -> list[str]:
    """The stages a decided case settled under one edition and not alike under the other,
    with why the case does not bind under the new one (``CaseBase.not_binding``). The
    doctrines' own changes are explained by ``_explain``; this covers what they cannot see:
    a case that decided a stage (often the case itself) and no longer binds."""
    old, new = before.edition, after.edition
    reasons = []
    for then_table, now_table in zip(before.stages, after.stages, strict=True):
        for then, now in zip(then_table.stages, now_table.stages, strict=True):
            if "precedent" not in (then.source, now.source):
                continue
            if (then.status, then.source, then.cases) == (now.status, now.source, now.cases):
                continue
            why = []
            for case_id in then.cases if then.source == "precedent" else ():
                precedent = evaluator.case_base.case(case_id)
                side = "invalid" if then.status == "fails" else "valid"
                note = (
                    evaluator.case_base.not_binding(precedent, new, then.stage, side)
                    if precedent is not None
                    else None
                )
                if note is not None:
                    why.append(f"{case_id} does not bind under {new} ({note})")
            reason = (
                f"effect {then_table.effect + 1}, {then.stage.replace('_', ' ')}: "
                f"{_settled(then)} under {old}, {_settled(now)} under {new}"
            )
            reasons.append(reason + (" - because " + "; ".join(why) if why else ""))
    return reasons


def survive(case: Case, evaluator: Evaluator, new: str, catalogue: Catalogue) -> CaseSurvival:
    """Replay a case under its own edition and again under ``new``."""
    before = evaluator.evaluate(case.provision, case.date, case.constitution)
    day = max(case.date, first_day(catalogue, new))
    after = evaluator.evaluate(case.provision, day, new)
    was, now = _decided_by(before), _decided_by(after)
    carried = tuple(sorted(d for d in was if was[d] == now.get(d)))
    if after.outcome == "open" and before.outcome != "open":
        fate: Fate = "now_open"
    elif after.outcome != before.outcome:
        fate = "different"
    elif was != now:
        fate = "same_on_other_grounds"
    else:
        fate = "same"
    reasons = _explain(case, before, after, evaluator.doctrines, catalogue)
    reasons += _precedent_changes(before, after, evaluator)
    for doctrine_id in carried:  # decided alike under both, on a basis that changed
        basis = evaluator.doctrines.get(doctrine_id).basis_for(new)
        if basis is None or basis.status == "same":
            continue
        effects = {f.effect for f in before.findings if f.doctrine == doctrine_id}
        effects |= {p.effect for p in before.passed if p.doctrine == doctrine_id}
        changes = [
            c
            for i in sorted(effects)
            for c in edition_changes(case.provision.effects[i], before.edition, new, catalogue)
        ]
        if changes:
            reasons.append(
                f"{doctrine_id}: {was[doctrine_id]} under both editions, although "
                + "; ".join(dict.fromkeys(changes))
            )
    return CaseSurvival(case, before, after, fate, tuple(reasons), carried)


def survey(
    cases: Sequence[Case], evaluator: Evaluator, catalogue: Catalogue, new: str = "2026"
) -> tuple[list[CaseSurvival], list[DoctrineSurvival]]:
    """Every case and every doctrine, under the edition each case was decided under and
    under ``new``."""
    results = [survive(c, evaluator, new, catalogue) for c in cases]
    old = "/".join(sorted({r.before.edition for r in results})) or "1995-2022"
    doctrines = []

    def decides(verdict: Verdict, case: Case, doctrine_id: str) -> bool:
        # General doctrines apply to every restricting effect and pass on facts: a doctrine
        # decides a case where it fires, or - for a case upheld - where it applies and the
        # Court relied on it (a struck case is decided only by what fires on it).
        status = doctrine_status(verdict, doctrine_id)
        if status == "fires":
            return True
        upheld = case.holding != "does_not_conform"
        return upheld and status != "does_not_apply" and doctrine_id in case.relied_on

    for doctrine in evaluator.doctrines.doctrines:
        before = tuple(r.case.id for r in results if decides(r.before, r.case, doctrine.id))
        after = tuple(r.case.id for r in results if decides(r.after, r.case, doctrine.id))
        doctrines.append(DoctrineSurvival(doctrine, old, new, before, after))
    return results, doctrines


def basis_warnings(
    verdict: Verdict, doctrines: DoctrineSet, catalogue: Catalogue, lang: str = "en"
) -> tuple[str, ...]:
    """Warnings for a drafter: findings resting on precedents decided under an earlier
    edition whose basis changed under the edition applied (Art. 96(3) keeps them only so
    far as they do not contradict the new text), in ``lang``; the doctrine's note on its
    basis is English only, and is marked ``[en] `` in another language."""
    edition = catalogue.edition(verdict.edition)
    changed = []
    findings = [f for f in verdict.findings if f.case is None]  # precedents: see casebase
    for f in findings:
        doctrine = doctrines.get(f.doctrine)
        basis = doctrine.basis_for(edition.id)
        if (
            basis is not None
            and basis.status == "changed"
            and doctrine.rulings
            and doctrine.effective < edition.in_force_from
        ):
            changed.append((f, basis))
    warnings = []
    steady = {
        f.doctrine
        for f in findings
        if f.outcome == "violation"
        and (b := doctrines.get(f.doctrine).basis_for(edition.id)) is not None
        and b.status == "same"
    }
    for f, basis in changed:
        alone = f.outcome == "violation" and not steady
        lead = message("the verdict rests only on this finding: ", lang) if alone else ""
        if basis.note:
            note = basis.note if lang == "en" else FALLBACK_MARKER + basis.note
        else:
            note = message("see the doctrine", lang)
        warnings.append(
            lead
            + message(
                "{doctrine} (effect {number}) rests on rulings decided before the {edition} "
                "Constitution ({rulings}), and its basis changed under it: {note} {clause} keeps "
                "earlier rulings in force only so far as they do not contradict the new text.",
                lang,
                doctrine=f.doctrine,
                number=f.effect + 1,
                edition=edition.id,
                rulings=", ".join(doctrines.get(f.doctrine).rulings),
                note=note,
                clause=article_label("96(3)", lang),
            )
        )
    return tuple(dict.fromkeys(warnings))
