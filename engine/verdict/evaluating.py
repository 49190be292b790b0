"""One provision → the proportionality test, stage by stage → a verdict.

docs/stage-model.md, and docs/design.md, "The verdict and the report". For every
effect, every stage (legality, absolute rights, legitimate aim, necessity, balance,
equality, certainty) ends in one status with what settled it:

1. **Doctrines on facts.** A doctrine *applies* to an effect when its ``when`` holds, its
   basis applies under the edition in force and it was in effect on the day of the check.
   It then *opens* (``open_when`` holds: the facts it needs are not stated), *passes*
   (``unless`` holds) or *fires* (a violation or a concern). A special doctrine displaces
   the general ones it ``specialises`` wherever it applies; they are reported as defeated.
2. **Status of a stage.** A violation fails it. Otherwise a doctrine that passed (with none
   left open) settles it as passing. A concern never settles a stage by itself: it attaches
   the Court's recommendation to whatever settles the stage (a concern doctrine generalises
   one upheld fact pattern, and letting it pass the stage would make a less restrictive
   provision, which it no longer reaches, worse off). Otherwise the case base is asked
   (``casebase.CaseBase.step``): a case held not to conform that the effect is at least as
   restrictive as fails it; a case held to conform that it is no more restrictive than
   passes it (a concern rides along when that case was upheld only with recommendations).
   Otherwise the stage is open, with the doctrines' questions (or the stage's own) and the
   nearest case on each side.
3. **Stages that do not concern an effect** are ``not_applicable``: equality for an effect
   that draws no distinction; legitimate aim, necessity, balance and absolute rights for a
   differentiation (its aim and proportion are weighed within the equality test). A stage
   at which some doctrine applies is always applicable.
4. **The verdict.** Does not conform if any stage of any effect fails; conforms only when
   every applicable stage of every effect passes (with concerns when a concern stands);
   otherwise open. Concerns on an effect that fails a stage are defeated by the violation,
   so a report never says "does not conform" and "no change is required" of one effect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from tarazy.engine.model import (
    STAGES,
    Case,
    Defeated,
    Doctrine,
    DoctrineSet,
    EffectStages,
    Finding,
    Passed,
    Provision,
    StageResult,
    Verdict,
    conditions,
)
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.facts import Facts, effect_facts, field_registry
from tarazy.engine.model.messages import message
from tarazy.engine.rules.compiling import CompiledRules
from tarazy.engine.rules.matching import Match
from tarazy.engine.verdict import explaining
from tarazy.engine.verdict.casebase import CaseBase, PrecedentStep
from tarazy.engine.verdict.stages import (
    STAGE_ORDER,
    STAGE_QUESTIONS,
    applicable,
    doctrine_status,
    edition_for,
    outcome,
    precedent_finding,
    with_concerns,
)

__all__ = ["STAGE_ORDER", "STAGE_QUESTIONS", "Evaluator", "doctrine_status", "edition_for"]

Matcher = Callable[[Sequence[Facts]], list[Match]]


class Evaluator:
    """Runs the proportionality test for provisions against one doctrine set and case base.

    ``matcher`` is the compiled durable_rules ruleset unless another is given (the reference
    interpreter, for differential testing). ``cases`` is the case base that decides stages
    no doctrine settles (empty: no precedent step). Use as a context manager, or call
    ``close`` to free the compiled ruleset."""

    def __init__(
        self,
        doctrines: DoctrineSet,
        catalogue: Catalogue,
        matcher: Matcher | None = None,
        cases: Iterable[Case] = (),
    ) -> None:
        self.doctrines = doctrines
        self.catalogue = catalogue
        self.fields = field_registry(catalogue)
        self.case_base = CaseBase(tuple(cases), doctrines)
        self._reads: dict[str, frozenset[str]] = {}
        self._compiled: CompiledRules | None = None
        if matcher is None:
            self._compiled = CompiledRules(doctrines, self.fields)
            matcher = self._compiled.match
        self.match = matcher

    def close(self) -> None:
        """Free the compiled ruleset (the evaluator cannot evaluate afterwards)."""
        if self._compiled is not None:
            self._compiled.close()

    def __enter__(self) -> Evaluator:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def evaluate(
        self,
        provision: Provision,
        as_of: dt.date,
        edition: str | None = None,
        lang: str = "en",
        exclude_case: str | None = None,
    ) -> Verdict:
        """The verdict on one provision on day ``as_of`` under ``edition`` (default: the
        edition in force that day), reasons in ``lang`` (en, ru or kk). ``exclude_case``
        leaves one decided case out of the case base. Raises InputError when no edition is
        in force, EngineError when the rule engine cannot be trusted."""
        edition = edition or edition_for(as_of, self.catalogue)
        facts = [effect_facts(provision, e, edition, self.catalogue) for e in provision.effects]
        matches = self.match(facts)
        findings: list[Finding] = []
        passed: list[Passed] = []
        opened: list[Passed] = []
        defeated: list[Defeated] = []
        tables: list[EffectStages] = []
        for index, matched in enumerate(matches):
            states = self._doctrine_states(matched, as_of, edition)
            for special in [d for d in states if d.specialises]:
                for general_id in special.specialises:
                    general = next((d for d in states if d.id == general_id), None)
                    if general is not None:
                        del states[general]
                        defeated.append(
                            Defeated(
                                general.id,
                                general.stage,
                                index,
                                special.id,
                                message(
                                    "displaced by the special doctrine {doctrine}",
                                    lang,
                                    doctrine=special.id,
                                ),
                            )
                        )
            context: Mapping[str, str] | None = None

            def values() -> Mapping[str, str]:
                nonlocal context
                if context is None:
                    context = explaining.context(
                        provision,
                        index,  # noqa: B023 - used at once, within this iteration
                        facts[index],  # noqa: B023
                        edition,
                        self.catalogue,
                        lang,
                    )
                return context

            stages: list[StageResult] = []
            effect_findings: list[Finding] = []
            compared: list[Any] | None = None

            def comparison() -> list[Any]:
                nonlocal compared  # the case base compared once per effect, when asked
                if compared is None:
                    compared = self.case_base.compare(provision, index, exclude_case)  # noqa: B023
                return compared

            for stage in STAGES:
                here = {d: s for d, s in states.items() if d.stage == stage}
                result, stage_findings = self._stage(
                    stage,
                    here,
                    provision,
                    index,
                    facts[index],
                    edition,
                    lang,
                    values,
                    exclude_case,
                    comparison,
                )
                stages.append(result)
                effect_findings += stage_findings
            for doctrine, state in states.items():
                if state == "passes":
                    passed.append(Passed(doctrine.id, doctrine.stage, index))
                elif state == "open":
                    opened.append(Passed(doctrine.id, doctrine.stage, index))
            if any(f.outcome == "violation" for f in effect_findings):
                for f in effect_findings:
                    if f.outcome == "concern":
                        defeated.append(
                            Defeated(
                                f.doctrine,
                                f.stage,
                                index,
                                "violation",
                                message(
                                    "the effect fails a stage; a concern saying it conforms "
                                    "does not stand beside that",
                                    lang,
                                ),
                            )
                        )
                effect_findings = [f for f in effect_findings if f.outcome == "violation"]
            findings += effect_findings
            tables.append(EffectStages(index, tuple(stages)))
        findings.sort(key=lambda f: (STAGE_ORDER[f.stage], f.effect, f.doctrine))
        passed.sort(key=lambda p: (STAGE_ORDER[p.stage], p.effect, p.doctrine))
        opened.sort(key=lambda p: (STAGE_ORDER[p.stage], p.effect, p.doctrine))
        defeated.sort(key=lambda d: (STAGE_ORDER[d.stage], d.effect, d.doctrine))
        unassessed = tuple(t.effect for t in tables if t.open)
        return Verdict(
            provision=provision,
            outcome=outcome(findings, tables),
            edition=edition,
            as_of=as_of,
            findings=tuple(findings),
            passed=tuple(passed),
            unassessed=unassessed,
            stages=tuple(tables),
            defeated=tuple(defeated),
            opened=tuple(opened),
        )

    def _fields_read(self, doctrine: Doctrine) -> frozenset[str]:
        found = self._reads.get(doctrine.id)
        if found is None:
            found = self._reads[doctrine.id] = frozenset().union(
                *(
                    conditions.fields_read(c)
                    for c in (doctrine.when, doctrine.unless, doctrine.open_when)
                )
            )
        return found

    def _doctrine_states(self, matched: Match, as_of: dt.date, edition: str) -> dict[Doctrine, str]:
        states: dict[Doctrine, str] = {}
        for doctrine in self.doctrines.doctrines:
            if (doctrine.id, "when") not in matched:
                continue
            if doctrine.effective > as_of or not doctrine.applies_under(edition):
                continue
            if (doctrine.id, "open_when") in matched:
                states[doctrine] = "open"
            elif (doctrine.id, "unless") in matched:
                states[doctrine] = "passes"
            else:
                states[doctrine] = "fires"
        return states

    def _stage(
        self,
        stage: str,
        states: dict[Doctrine, str],
        provision: Provision,
        index: int,
        facts: Facts,
        edition: str,
        lang: str,
        values: Callable[[], Mapping[str, str]],
        exclude_case: str | None,
        comparison: Callable[[], list[Any]],
    ) -> tuple[StageResult, list[Finding]]:
        effect = provision.effects[index]
        violations = [d for d, s in states.items() if s == "fires" and d.outcome == "violation"]
        concerns = [d for d, s in states.items() if s == "fires" and d.outcome == "concern"]
        passing = [d for d, s in states.items() if s == "passes"]
        opening = [d for d, s in states.items() if s == "open"]
        if not states and not applicable(stage, effect.kind):
            return StageResult(stage, "not_applicable"), []
        if violations:
            return (
                self._doctrine_result(stage, "fails", violations, facts, edition),
                [self._finding(d, index, edition, lang, values) for d in violations],
            )
        concern_findings = [self._finding(d, index, edition, lang, values) for d in concerns]
        concern_ids = tuple(d.id for d in concerns)
        if passing and not opening:
            result = self._doctrine_result(stage, "passes", passing + concerns, facts, edition)
            return with_concerns(result, concerns=concern_ids), concern_findings
        if stage == "certainty" and opening:
            # Whether this provision's text is clear is a fact about its own text: no decided
            # case can answer it by analogy.
            step = PrecedentStep("open")
        else:
            step = self.case_base.step(
                stage, provision, index, edition, exclude_case, compared=comparison()
            )
        if step.status == "fails":
            return (
                StageResult(
                    stage, "fails", "precedent", cases=step.cases, dimensions=step.dimensions
                ),
                [precedent_finding(stage, step, index, "violation", lang)],
            )
        if step.status == "passes":
            result = StageResult(
                stage, "passes", "precedent", cases=step.cases, dimensions=step.dimensions
            )
            if step.recommended and not concerns:
                finding = precedent_finding(stage, step, index, "concern", lang)
                return with_concerns(result, concerns=(finding.doctrine,)), [finding]
            return with_concerns(result, concerns=concern_ids), concern_findings
        questions = [
            explaining.fill(d.question.get(lang), values()) for d in opening if d.question
        ] or [message(STAGE_QUESTIONS[stage], lang)]
        read = self._doctrine_result(stage, "open", opening, facts, edition) if opening else None
        return (
            StageResult(
                stage,
                "open",
                "none",
                doctrines=tuple(d.id for d in opening),
                facts=read.facts if read else (),
                articles=read.articles if read else (),
                questions=tuple(questions),
                nearest=step.nearest,
                concerns=concern_ids,
            ),
            concern_findings,
        )

    def _doctrine_result(
        self, stage: str, status: str, doctrines: Sequence[Doctrine], facts: Facts, edition: str
    ) -> StageResult:
        read: set[str] = set()
        articles: list[str] = []
        for d in doctrines:
            read |= self._fields_read(d)
            basis = d.basis_for(edition)
            for a in basis.articles if basis else ():
                if a not in articles:
                    articles.append(a)
        return StageResult(
            stage,
            status,  # type: ignore[arg-type]
            "doctrine",
            doctrines=tuple(sorted(d.id for d in doctrines)),
            facts=tuple((f, explaining.show(facts[f])) for f in sorted(read) if f in facts),
            articles=tuple(articles),
        )

    def _finding(
        self,
        doctrine: Doctrine,
        index: int,
        edition: str,
        lang: str,
        values: Callable[[], Mapping[str, str]],
    ) -> Finding:
        basis = doctrine.basis_for(edition)
        return Finding(
            doctrine=doctrine.id,
            stage=doctrine.stage,
            outcome=doctrine.outcome,
            effect=index,
            reason=explaining.fill(doctrine.reason.get(lang), values()),
            articles=basis.articles if basis else (),
            rulings=doctrine.rulings,
            remedy=explaining.fill(doctrine.remedy.get(lang), values()),
        )
