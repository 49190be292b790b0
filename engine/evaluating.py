"""One provision → findings → verdict, through the compiled rules.

A doctrine *applies* to an effect when its ``when`` holds, its basis applies under the
edition in force and it was in effect on the date of the check; it then *fires*
(violation or concern) unless its ``unless`` holds, in which case it *passed* (checked
and satisfied). An effect is assessed when at least one doctrine applies to it; a
provision none of whose effects is assessed is ``not_assessed`` — never a silent
"conforms". Findings are ordered by the stages of the proportionality test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from . import explaining
from .catalogue import Catalogue
from .compiling import CompiledRules, Match
from .errors import InputError
from .facts import Facts, effect_facts, field_registry
from .model import STAGES, DoctrineSet, Finding, Passed, Provision, Verdict, VerdictOutcome

Matcher = Callable[[Sequence[Facts]], list[Match]]
STAGE_ORDER = {stage: i for i, stage in enumerate(STAGES)}


def edition_for(day: dt.date, catalogue: Catalogue) -> str:
    edition = catalogue.edition_on(day)
    if edition is None:
        raise InputError(
            f"no edition of the Constitution in the catalogue was in force on {day.isoformat()}"
        )
    return edition.id


class Evaluator:
    """Evaluates provisions against one doctrine set.

    The matcher is the compiled durable_rules ruleset unless another is given (the
    reference interpreter, for differential testing)."""

    def __init__(
        self, doctrines: DoctrineSet, catalogue: Catalogue, matcher: Matcher | None = None
    ) -> None:
        self.doctrines = doctrines
        self.catalogue = catalogue
        self.fields = field_registry(catalogue)
        self._compiled: CompiledRules | None = None
        if matcher is None:
            self._compiled = CompiledRules(doctrines, self.fields)
            matcher = self._compiled.match
        self.match = matcher

    def close(self) -> None:
        if self._compiled is not None:
            self._compiled.close()

    def __enter__(self) -> Evaluator:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def evaluate(
        self, provision: Provision, as_of: dt.date, edition: str | None = None, lang: str = "en"
    ) -> Verdict:
        edition = edition or edition_for(as_of, self.catalogue)
        facts = [effect_facts(provision, e, edition, self.catalogue) for e in provision.effects]
        matches = self.match(facts)
        findings: list[Finding] = []
        passed: list[Passed] = []
        assessed: set[int] = set()
        for index, matched in enumerate(matches):
            for doctrine in self.doctrines.doctrines:
                if (doctrine.id, "when") not in matched:
                    continue
                if doctrine.effective > as_of or not doctrine.applies_under(edition):
                    continue
                assessed.add(index)
                if (doctrine.id, "unless") in matched:
                    passed.append(Passed(doctrine.id, doctrine.stage, index))
                    continue
                values = explaining.context(
                    provision, index, facts[index], edition, self.catalogue, lang
                )
                findings.append(
                    Finding(
                        doctrine=doctrine.id,
                        stage=doctrine.stage,
                        outcome=doctrine.outcome,
                        effect=index,
                        reason=explaining.fill(doctrine.reason.get(lang), values),
                        articles=doctrine.basis_for(edition).articles,  # type: ignore[union-attr]
                        rulings=doctrine.rulings,
                        remedy=explaining.fill(doctrine.remedy.get(lang), values),
                    )
                )
        findings.sort(key=lambda f: (STAGE_ORDER[f.stage], f.effect, f.doctrine))
        passed.sort(key=lambda p: (STAGE_ORDER[p.stage], p.effect, p.doctrine))
        unassessed = tuple(i for i in range(len(provision.effects)) if i not in assessed)
        return Verdict(
            provision=provision,
            outcome=_outcome(findings, assessed),
            edition=edition,
            as_of=as_of,
            findings=tuple(findings),
            passed=tuple(passed),
            unassessed=unassessed,
        )


def doctrine_status(verdict: Verdict, doctrine: str) -> str:
    """What one doctrine did with a provision: fires, passes (applied, exception held), or
    does_not_apply."""
    if any(f.doctrine == doctrine for f in verdict.findings):
        return "fires"
    if any(p.doctrine == doctrine for p in verdict.passed):
        return "passes"
    return "does_not_apply"


def _outcome(findings: Sequence[Finding], assessed: set[int]) -> VerdictOutcome:
    if any(f.outcome == "violation" for f in findings):
        return "does_not_conform"
    if findings:
        return "conforms_with_concerns"
    if not assessed:
        return "not_assessed"
    return "conforms"
