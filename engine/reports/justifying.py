"""`tarazy explain`: the justification tree behind a verdict, stage by stage.

For every effect of a provision and every stage of the proportionality test this module
says what settled the stage and why, re-deriving each step from the data rather than
from the verdict's summary:

* every doctrine of the stage, with each node of its ``when``, ``unless`` and
  ``open_when`` conditions evaluated over the effect's facts (``facts.effect_facts``) by
  the independent interpreter (``reference.holds``), so each leaf shows the fact value
  that made it true or false;
* what the doctrine then did (does not apply, not in force, no basis under the edition,
  open, passes, fires), whether a special doctrine displaced it (``specialises``) or a
  violation defeated its concern, and the articles of the edition it rests on;
* for a stage no doctrine settles, the decided cases compared (``CaseBase.compare``):
  which side each is on, whether it binds under the edition, the dimensions compared and
  the fields and dimensions that distinguish it.

The verdict itself (status and source of each stage) comes from ``Evaluator.evaluate``;
``explain_provision`` checks that its own reading of each doctrine agrees with the
verdict's and raises ``EngineError`` otherwise, so an explanation never tells a story the
verdict did not follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from tarazy.engine.model import Doctrine, Provision, StageResult, Verdict, jsonout
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import AllOf, AnyOf, Condition, Not, Test, describe
from tarazy.engine.model.errors import EngineError
from tarazy.engine.model.facts import Facts, FactValue, effect_facts
from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import (
    value_word,
)
from tarazy.engine.reports.wording import Wording
from tarazy.engine.rules.reference import holds
from tarazy.engine.verdict import explaining
from tarazy.engine.verdict.casebase import PASS_DIMENSIONS
from tarazy.engine.verdict.evaluating import Evaluator

__all__ = [
    "STATE_TEXT",
    "condition_tree",
    "explain_provision",
    "explanation_json",
    "explanation_text",
    "fact_json",
]

WIDTH = 100  # explain's lines: wider than check's 80, a tree indents deeply

STATE_TEXT = {
    # msgids of the message catalogue
    "does_not_apply": N_("does not apply: its condition does not hold"),
    "not_in_force": N_("not in force on the day of the check"),
    "no_basis": N_("has no basis under the edition applied"),
    "open": N_("applies, but does not decide: its open_when holds, and it puts its question"),
    "passes": N_("applies, and its exception holds (unless): it passes"),
    "fires": N_("applies, and no exception holds: it fires"),
}
_BEARS = {
    "fails": N_("forces the stage to fail"),
    "passes": N_("lets it pass"),
    "distinguished": N_("distinguished"),
}
_SIDES = {
    "invalid": N_("held not to conform"),
    "conforms": N_("upheld"),
    "conforms_with_recommendations": N_("upheld, with recommendations"),
    "conforms_in_interpretation": N_("upheld in the Court's interpretation"),
}


def fact_json(value: FactValue) -> Any:
    """A fact value as JSON: a set as its sorted members, the rest as is."""
    if isinstance(value, frozenset):
        return sorted(value)
    return value


def condition_tree(
    condition: Condition, facts: Facts, wording: Wording | None = None
) -> dict[str, Any]:
    """One condition evaluated node by node over ``facts``: every node says whether it
    holds; a leaf test also names its field, operator, operand and the fact it read, and
    with ``wording`` the test and the fact in words (``text``, ``fact_text``)."""
    if isinstance(condition, Test):
        operand = condition.value
        leaf: dict[str, Any] = {
            "test": describe(condition),
            "field": condition.field,
            "op": condition.op,
            "value": list(operand) if isinstance(operand, tuple) else operand,
            "fact": fact_json(facts[condition.field]),
            "holds": holds(condition, facts),
        }
        if wording is not None:
            leaf["text"] = wording.test(condition)
            fact = facts[condition.field]
            empty = isinstance(fact, frozenset) and not fact
            shown = message("none", wording.lang) if empty else wording.fact(condition.field, fact)
            leaf["fact_text"] = shown
        return leaf
    if isinstance(condition, Not):
        return {
            "not": condition_tree(condition.part, facts, wording),
            "holds": holds(condition, facts),
        }
    key = "all" if isinstance(condition, AllOf) else "any"
    assert isinstance(condition, AllOf | AnyOf)
    return {
        key: [condition_tree(p, facts, wording) for p in condition.parts],
        "holds": holds(condition, facts),
    }


def _state(doctrine: Doctrine, facts: Facts, as_of: dt.date, edition: str) -> str:
    # The same order as evaluating.Evaluator._doctrine_states, read through the reference
    # interpreter instead of the compiled rules.
    if not holds(doctrine.when, facts):
        return "does_not_apply"
    if doctrine.effective > as_of:
        return "not_in_force"
    if not doctrine.applies_under(edition):
        return "no_basis"
    if doctrine.open_when is not None and holds(doctrine.open_when, facts):
        return "open"
    if doctrine.unless is not None and holds(doctrine.unless, facts):
        return "passes"
    return "fires"


def _doctrine_entry(
    doctrine: Doctrine,
    facts: Facts,
    state: str,
    edition: str,
    defeated: Mapping[str, tuple[str, str]],
    lang: str,
    values: Mapping[str, str],
    wording: Wording | None = None,
) -> dict[str, Any]:
    basis = doctrine.basis_for(edition)
    entry: dict[str, Any] = {
        "doctrine": doctrine.id,
        "title": doctrine.title.get(lang),
        "outcome": doctrine.outcome,
        "state": state,
        "effective": doctrine.effective.isoformat(),
        "basis": (
            {"edition": edition, "articles": [f"Art. {a}" for a in basis.articles]}
            | {"status": basis.status}
            | ({"note": basis.note} if basis.note else {})
            if basis
            else None
        ),
        "rulings": list(doctrine.rulings),
        "when": condition_tree(doctrine.when, facts, wording),
        "unless": condition_tree(doctrine.unless, facts, wording) if doctrine.unless else None,
        "open_when": (
            condition_tree(doctrine.open_when, facts, wording) if doctrine.open_when else None
        ),
        "specialises": list(doctrine.specialises),
        "defeated": None,
    }
    if state == "open" and doctrine.question is not None:
        entry["question"] = explaining.fill(doctrine.question.get(lang), values)
    if doctrine.id in defeated:
        by, why = defeated[doctrine.id]
        entry["defeated"] = {"by": by, "why": why}
    return entry


def _precedent(
    evaluator: Evaluator,
    stage: str,
    edition: str,
    compared: Sequence[tuple[Any, tuple[str, ...]]],
) -> list[dict[str, Any]]:
    """The decided cases the case base weighs at ``stage`` for one effect."""
    rows: list[dict[str, Any]] = []
    for entry, distinctions in compared:
        case = entry.case
        if entry.side == "invalid" and stage not in entry.fail_stages:
            continue  # a case struck down binds only at the stages its violations sit at
        blocked = evaluator.case_base.not_binding(case, edition, stage, entry.side)
        dims = [d.id for d in (entry.fail_dims if entry.side == "invalid" else PASS_DIMENSIONS)]
        if not distinctions and blocked is None:
            bears = _BEARS["fails"] if entry.side == "invalid" else _BEARS["passes"]
        elif blocked is not None:
            bears = "does not bind: " + blocked
        else:
            bears = _BEARS["distinguished"]
        rows.append(
            {
                "case": case.id,
                "holding": case.holding,
                "side": _SIDES["invalid"]
                if entry.side == "invalid"
                else _SIDES.get(entry.case.holding, _SIDES["conforms"]),
                "case_effect": entry.effect + 1,
                "decided_under": case.constitution,
                "relied_on": list(case.relied_on),
                "dimensions_compared": dims,
                "distinctions": list(distinctions),
                "bears": bears,
            }
        )
    return rows


def _stage_json(r: StageResult) -> dict[str, Any]:
    return {
        "status": r.status,
        "source": r.source,
        "doctrines": list(r.doctrines),
        "cases": list(r.cases),
        "dimensions": list(r.dimensions),
        "articles": [f"Art. {a}" for a in r.articles],
        "questions": list(r.questions),
        "concerns": list(r.concerns),
    }


def explain_provision(
    evaluator: Evaluator,
    provision: Provision,
    as_of: dt.date,
    edition: str,
    lang: str = "en",
    file: str | None = None,
) -> dict[str, Any]:
    """The justification tree of one provision, as JSON-ready data (effects 1-based).

    Raises EngineError when the reference reading of a doctrine disagrees with what the
    verdict did with it (the explanation would then not be the verdict's)."""
    verdict = evaluator.evaluate(provision, as_of, edition, lang)
    catalogue: Catalogue = evaluator.catalogue
    effects: list[dict[str, Any]] = []
    for index, effect in enumerate(provision.effects):
        facts = effect_facts(provision, effect, edition, catalogue)
        states = {d.id: _state(d, facts, as_of, edition) for d in evaluator.doctrines.doctrines}
        defeated = {d.doctrine: (d.by, d.why) for d in verdict.defeated if d.effect == index}
        _agree(verdict, index, states, defeated)
        table = verdict.stages[index]
        values = explaining.context(provision, index, facts, edition, catalogue, lang)
        wording = Wording(catalogue, lang)
        compared: list[Any] | None = None
        stages: list[dict[str, Any]] = []
        for result in table.stages:
            stage = result.stage
            doctrines = [
                _doctrine_entry(d, facts, states[d.id], edition, defeated, lang, values, wording)
                for d in evaluator.doctrines.doctrines
                if d.stage == stage
            ]
            data: dict[str, Any] = {"stage": stage, **_stage_json(result)}
            data["settled_by"] = _settled_by(result)
            data["considered"] = doctrines
            if result.source != "doctrine" and result.status != "not_applicable":
                if stage == "certainty" and result.status == "open" and result.doctrines:
                    data["precedent"] = None  # the clarity of a text is not decided by analogy
                else:
                    if compared is None:
                        compared = evaluator.case_base.compare(provision, index)
                    data["precedent"] = _precedent(evaluator, stage, edition, compared)
            else:
                data["precedent"] = None
            stages.append(data)
        effects.append(
            {
                "effect": index + 1,
                "right": effect.right,
                "kind": effect.kind,
                "right_name": value_word("right", effect.right, lang, catalogue),
                "facts": {k: fact_json(v) for k, v in sorted(facts.items())},
                "stages": stages,
            }
        )
    edition_data = catalogue.edition(edition)
    return {
        "id": provision.id,
        "file": file,
        "line": provision.location.line if provision.location else None,
        "title": provision.title,
        "outcome": verdict.outcome,
        "edition": edition,
        "edition_title": edition_data.title.get(lang),
        "as_of": as_of.isoformat(),
        "lang": lang,
        "effects": effects,
    }


def _settled_by(r: StageResult) -> str:
    if r.status == "not_applicable":
        return "not applicable to this kind of effect"
    if r.source == "doctrine":
        return "doctrine: " + ", ".join(r.doctrines)
    if r.source == "precedent":
        return "precedent: " + ", ".join(r.cases)
    if r.doctrines:
        return (
            "nothing yet: " + ", ".join(r.doctrines) + " put the question, and no decided "
            "case settles it"
        )
    return "nothing: no doctrine and no decided case settles it"


def _agree(
    verdict: Verdict, index: int, states: Mapping[str, str], defeated: Mapping[str, object]
) -> None:
    """The reference reading of every doctrine must be what the verdict did with it."""
    for doctrine, state in states.items():
        expected = state if state in ("open", "passes", "fires") else "does_not_apply"
        if doctrine in defeated and expected != "fires":
            continue  # displaced by a special doctrine: the verdict records no state
        got = _status_on(verdict, doctrine, index)
        if doctrine in defeated and got == "does_not_apply":
            continue
        if got != expected:
            raise EngineError(
                f"explain: doctrine {doctrine} on effect {index + 1} reads {expected} by the "
                f"reference interpreter but the verdict has {got}"
            )


def _status_on(verdict: Verdict, doctrine: str, index: int) -> str:
    if any(f.doctrine == doctrine and f.effect == index for f in verdict.findings) or any(
        d.doctrine == doctrine and d.effect == index and d.by == "violation"
        for d in verdict.defeated
    ):
        return "fires"
    if any(p.doctrine == doctrine and p.effect == index for p in verdict.opened):
        return "open"
    if any(p.doctrine == doctrine and p.effect == index for p in verdict.passed):
        return "passes"
    return "does_not_apply"


# --------------------------------------------------------------------------- rendering


def explanation_json(explanations: Sequence[Mapping[str, Any]], head: Mapping[str, Any]) -> str:
    """The explanations as one JSON document (deterministic: sorted nowhere, built in order)."""
    return jsonout.document({**head, "provisions": list(explanations)})


def explanation_text(explanations: Sequence[Mapping[str, Any]], verbose: bool = False) -> str:
    """The justification trees for a reader, in the language each was made in (rendered by
    ``explain_text.render``)."""
    from tarazy.engine.reports.explain_text import render

    return render(explanations, verbose)
