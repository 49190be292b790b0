"""Each bundled doctrine fires, passes (its exception holds) or does not apply, at the
boundaries of its scope. Every row says why, from the doctrine's source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from tarazy.engine.catalogue import Catalogue
from tarazy.engine.evaluating import Evaluator
from tarazy.engine.model import DoctrineSet

from .conftest import NEW, OLD, provision

# The day before NR No. 3, NR No. 4 and 68-НП: rows that test a doctrine's effective date.
DAY_BEFORE_RULING = {dt.date(2023, 2, 21), dt.date(2023, 3, 5), dt.date(2025, 2, 26)}
AFTER_27 = dt.date(2024, 1, 1)  # after 27-НП of 31.08.2023, still under the 1995-2022 edition

FEE = {"right": "judicial_protection", "kind": "condition", "requirement": "fee"}
BAN = {
    "right": "equal_access_state_service",
    "kind": "ban",
    "basis": "disciplinary_dismissal",
    "duration": "indefinite",
    "sector": "general_civil_service",
}
PENSION = {"right": "social_security", "kind": "deprivation", "basis": "loss_of_special_rank"}
LIMIT = {"right": "judicial_protection", "kind": "procedural_limit"}
CUSTODY = {"right": "personal_liberty", "kind": "deprivation", "safeguards": ["judicial_review"]}
DIFF = {
    "right": "inheritance",
    "kind": "differentiation",
    "grounds_of_distinction": ["manner_of_succession"],
}
ANNUITY = {"right": "property", "kind": "condition", "requirement": "other"}
MISSION = {
    "right": "conscience_manifestation",
    "kind": "condition",
    "requirement": "registration",
    "aims": ["public_order"],
}
SPECIAL = {
    "right": "equal_access_state_service",
    "kind": "ban",
    "duration": "indefinite",
    "sector": "military",
    "trigger_severity": "minor",
}
SEIZURE = {
    "right": "property",
    "kind": "deprivation",
    "sector": "criminal_procedure",
    "basis": "status",
    "safeguards": ["judicial_review"],
}

# (doctrine, effect, instrument, date, expected) — expected is "fires", "passes" (applied
# and defeated by its unless) or "no" (does not apply).
ROWS: list[tuple[str, dict[str, Any], str, dt.date, str]] = [
    # Art. 39(1) / 41(1): only a law may restrict; a by-law may carry out what a law provides.
    (
        "restriction-only-by-law",
        {**PENSION, "legal_ground": "none"},
        "ministerial_order",
        NEW,
        "fires",
    ),
    (
        "restriction-only-by-law",
        {**PENSION, "legal_ground": "none"},
        "local_decision",
        OLD,
        "fires",
    ),
    (
        "restriction-only-by-law",
        {**PENSION, "legal_ground": "implied"},
        "government_resolution",
        NEW,
        "fires",
    ),
    (
        "restriction-only-by-law",
        {**PENSION, "legal_ground": "express"},
        "ministerial_order",
        NEW,
        "passes",
    ),
    ("restriction-only-by-law", {**PENSION, "legal_ground": "none"}, "law", NEW, "no"),
    ("restriction-only-by-law", {**PENSION, "legal_ground": "none"}, "code", NEW, "no"),
    # Art. 39(3) / 41(3): never-restrictable rights; form may be regulated, substance not.
    (
        "never-restrictable-rights",
        {"right": "judicial_protection", "kind": "denial"},
        "law",
        NEW,
        "fires",
    ),
    ("never-restrictable-rights", LIMIT, "law", NEW, "fires"),  # no avenue left open
    ("never-restrictable-rights", {**LIMIT, "safeguards": ["exemption"]}, "law", NEW, "fires"),
    (
        "never-restrictable-rights",
        {**LIMIT, "safeguards": ["alternative_avenue"]},
        "law",
        NEW,
        "passes",
    ),
    (
        "never-restrictable-rights",
        {**LIMIT, "safeguards": ["judicial_review"]},
        "law",
        OLD,
        "passes",
    ),
    ("never-restrictable-rights", FEE, "law", NEW, "no"),  # conditions: specific doctrines
    (
        "never-restrictable-rights",
        {"right": "personal_liberty", "kind": "denial"},
        "law",
        OLD,
        "fires",
    ),  # 1995 Art. 39(3) lists 16(1)
    (
        "never-restrictable-rights",
        {"right": "personal_liberty", "kind": "denial"},
        "law",
        NEW,
        "no",
    ),  # 2026 Art. 41(3) does not list 18(1)
    (
        "never-restrictable-rights",
        {"right": "inheritance", "kind": "deprivation"},
        "law",
        OLD,
        "fires",
    ),
    (
        "never-restrictable-rights",
        {"right": "inheritance", "kind": "deprivation"},
        "law",
        NEW,
        "no",
    ),
    ("never-restrictable-rights", {"right": "privacy", "kind": "denial"}, "law", NEW, "no"),
    (
        "never-restrictable-rights",
        {"right": "conscience_inner", "kind": "sanction"},
        "law",
        NEW,
        "fires",
    ),
    (
        "never-restrictable-rights",
        {"right": "conscience_manifestation", "kind": "ban"},
        "law",
        NEW,
        "no",
    ),  # 67-НП: outward manifestation is restrictable
    # Art. 39(3) / 41(3), first sentence: no restriction on political grounds.
    (
        "no-political-grounds",
        {"right": "assembly", "kind": "ban", "political_grounds": True},
        "law",
        NEW,
        "fires",
    ),
    ("no-political-grounds", {"right": "assembly", "kind": "ban"}, "law", NEW, "no"),
    # Art. 39(1) / 41(1): admitted aims, per edition and per right's own clause.
    (
        "admitted-aim",
        {"right": "speech", "kind": "ban", "aims": ["fiscal_interest"]},
        "law",
        NEW,
        "fires",
    ),
    (
        "admitted-aim",
        {"right": "speech", "kind": "ban", "aims": ["public_order"]},
        "law",
        NEW,
        "no",
    ),
    (
        "admitted-aim",
        {"right": "speech", "kind": "ban", "aims": ["fiscal_interest", "public_order"]},
        "law",
        NEW,
        "no",
    ),
    ("admitted-aim", {"right": "speech", "kind": "ban"}, "law", NEW, "no"),  # no aim stated
    (
        "admitted-aim",
        {"right": "speech", "kind": "ban", "aims": ["national_security"]},
        "law",
        OLD,
        "fires",
    ),  # not in 1995 Art. 39(1)
    (
        "admitted-aim",
        {"right": "speech", "kind": "ban", "aims": ["national_security"]},
        "law",
        NEW,
        "no",
    ),  # new in 2026 Art. 41(1)
    (
        "admitted-aim",
        {"right": "assembly", "kind": "ban", "aims": ["national_security"]},
        "law",
        OLD,
        "no",
    ),  # 1995 Art. 32: state security for assemblies
    ("admitted-aim", {**BAN, "aims": ["service_requirements"]}, "law", OLD, "no"),  # 33(4)
    (
        "admitted-aim",
        {"right": "labour", "kind": "ban", "aims": ["service_requirements"]},
        "law",
        OLD,
        "fires",
    ),  # 33(4) covers access to state service only
    # NR No. 3 of 2023: a court fee needs deferral, installment or exemption.
    ("access-to-justice-fee-relief", FEE, "code", OLD, "fires"),
    ("access-to-justice-fee-relief", {**FEE, "safeguards": ["reduction"]}, "code", OLD, "fires"),
    ("access-to-justice-fee-relief", {**FEE, "safeguards": ["deferral"]}, "code", OLD, "passes"),
    ("access-to-justice-fee-relief", {**FEE, "safeguards": ["installment"]}, "code", NEW, "passes"),
    ("access-to-justice-fee-relief", {**FEE, "safeguards": ["exemption"]}, "code", NEW, "passes"),
    ("access-to-justice-fee-relief", {**FEE, "requirement": "registration"}, "code", NEW, "no"),
    ("access-to-justice-fee-relief", {**FEE, "right": "legal_assistance"}, "code", NEW, "no"),
    ("access-to-justice-fee-relief", FEE, "code", dt.date(2023, 2, 21), "no"),  # before ruling
    # NR No. 4 of 2023: indefinite civil-service ban for a disciplinary dismissal.
    ("disciplinary-ban-indefinite", BAN, "law", OLD, "fires"),
    ("disciplinary-ban-indefinite", BAN, "law", NEW, "fires"),
    ("disciplinary-ban-indefinite", {**BAN, "duration": {"years": 10}}, "law", OLD, "no"),
    (
        "disciplinary-ban-indefinite",
        {**BAN, "duration": {"until": "record expunged"}},
        "law",
        OLD,
        "no",
    ),
    ("disciplinary-ban-indefinite", {**BAN, "sector": "law_enforcement"}, "law", OLD, "no"),
    ("disciplinary-ban-indefinite", {**BAN, "sector": None}, "law", OLD, "no"),
    ("disciplinary-ban-indefinite", {**BAN, "basis": "criminal_conviction"}, "law", OLD, "no"),
    ("disciplinary-ban-indefinite", BAN, "law", dt.date(2023, 3, 5), "no"),
    # NR No. 5 of 2023: ending a pension needs an express legal ground.
    (
        "pension-deprivation-express-ground",
        {**PENSION, "legal_ground": "implied"},
        "law",
        OLD,
        "fires",
    ),
    (
        "pension-deprivation-express-ground",
        {**PENSION, "legal_ground": "none"},
        "law",
        NEW,
        "fires",
    ),
    (
        "pension-deprivation-express-ground",
        {**PENSION, "legal_ground": "express"},
        "law",
        NEW,
        "no",
    ),
    (
        "pension-deprivation-express-ground",
        {**PENSION, "kind": "condition", "legal_ground": "implied"},
        "law",
        NEW,
        "no",
    ),
    # NR No. 10 of 2023: a limit that leaves an avenue open is a concern.
    (
        "judicial-protection-avenue-open",
        {**LIMIT, "safeguards": ["judicial_review"]},
        "law",
        OLD,
        "fires",
    ),
    (
        "judicial-protection-avenue-open",
        {**LIMIT, "safeguards": ["alternative_avenue"]},
        "law",
        NEW,
        "fires",
    ),
    ("judicial-protection-avenue-open", LIMIT, "law", NEW, "no"),
    (
        "judicial-protection-avenue-open",
        {**LIMIT, "right": "legal_assistance", "safeguards": ["judicial_review"]},
        "law",
        NEW,
        "no",
    ),
    # 1995 Art. 16(2) / 2026 Art. 18(2): liberty is taken only by a court.
    ("liberty-only-by-court", {**CUSTODY, "safeguards": []}, "law", OLD, "fires"),
    ("liberty-only-by-court", {**CUSTODY, "safeguards": []}, "law", NEW, "fires"),
    ("liberty-only-by-court", CUSTODY, "law", OLD, "passes"),
    ("liberty-only-by-court", {**CUSTODY, "kind": "sanction"}, "code", NEW, "passes"),
    ("liberty-only-by-court", {**CUSTODY, "kind": "procedural_limit"}, "law", NEW, "no"),
    ("never-restrictable-rights", CUSTODY, "law", OLD, "no"),  # left to the court rule
    ("never-restrictable-rights", {**CUSTODY, "kind": "ban"}, "law", OLD, "fires"),
    # Art. 14 / 16: equality needs an objective and reasonable justification (64-, 69-НП).
    ("equality-objective-justification", {**DIFF, "justification": "none"}, "code", OLD, "fires"),
    (
        "equality-objective-justification",
        {**DIFF, "justification": "stated"},
        "code",
        NEW,
        "passes",
    ),
    ("equality-objective-justification", DIFF, "code", NEW, "no"),  # justification not given
    (
        "equality-objective-justification",
        {**DIFF, "kind": "ban", "justification": "none"},
        "code",
        NEW,
        "no",
    ),
    # Legal certainty (37-, 72-, 74-НП): a concern, never a violation on its own.
    ("legal-certainty", {**CUSTODY, "clarity": "open_to_arbitrary_reading"}, "code", OLD, "fires"),
    ("legal-certainty", {**CUSTODY, "clarity": "self_contradictory"}, "code", NEW, "fires"),
    ("legal-certainty", CUSTODY, "code", NEW, "no"),
    # 68-НП: substance left to a by-law is a concern.
    (
        "matters-reserved-to-statute",
        {**ANNUITY, "delegated_to": "ministerial_order"},
        "code",
        NEW,
        "fires",
    ),
    ("matters-reserved-to-statute", ANNUITY, "code", NEW, "no"),
    # a by-law itself is restriction-only-by-law's matter
    (
        "matters-reserved-to-statute",
        {**ANNUITY, "delegated_to": "ministerial_order"},
        "ministerial_order",
        NEW,
        "no",
    ),
    # the day before 68-НП
    (
        "matters-reserved-to-statute",
        {**ANNUITY, "delegated_to": "ministerial_order"},
        "code",
        dt.date(2025, 2, 26),
        "no",
    ),
    # 67-НП: the outward manifestation of belief, restricted by a law for an admitted aim.
    ("conscience-manifestation-by-law", MISSION, "law", NEW, "passes"),
    ("conscience-manifestation-by-law", {**MISSION, "kind": "sanction"}, "code", NEW, "passes"),
    ("conscience-manifestation-by-law", MISSION, "ministerial_order", NEW, "fires"),
    (
        "conscience-manifestation-by-law",
        {**MISSION, "aims": ["ideological_conformity"]},
        "law",
        NEW,
        "fires",
    ),
    ("conscience-manifestation-by-law", {**MISSION, "kind": "denial"}, "law", NEW, "no"),
    ("conscience-manifestation-by-law", {**MISSION, "right": "conscience_inner"}, "law", NEW, "no"),
    # 27-НП: a lifelong bar from special services for minor misconduct.
    ("special-service-ban-minor-misconduct", SPECIAL, "law", AFTER_27, "fires"),
    (
        "special-service-ban-minor-misconduct",
        {**SPECIAL, "sector": "law_enforcement"},
        "law",
        NEW,
        "fires",
    ),
    (
        "special-service-ban-minor-misconduct",
        {**SPECIAL, "trigger_severity": "discrediting"},
        "law",
        AFTER_27,
        "no",
    ),
    (
        "special-service-ban-minor-misconduct",
        {**SPECIAL, "duration": {"years": 2}},
        "law",
        AFTER_27,
        "no",
    ),
    (
        "special-service-ban-minor-misconduct",
        {**SPECIAL, "sector": "general_civil_service"},
        "law",
        AFTER_27,
        "no",
    ),
    # 76-НП: a non-suspect's property is not seized without hearing the owner.
    ("property-measure-hearing", SEIZURE, "code", NEW, "fires"),
    (
        "property-measure-hearing",
        {**SEIZURE, "safeguards": ["judicial_review", "hearing"]},
        "code",
        NEW,
        "passes",
    ),
    ("property-measure-hearing", {**SEIZURE, "basis": "criminal_suspicion"}, "code", NEW, "no"),
    ("property-measure-hearing", {**SEIZURE, "sector": "civil_procedure"}, "code", NEW, "no"),
]


def status(verdict: Any, doctrine: str) -> str:
    if any(f.doctrine == doctrine for f in verdict.findings):
        return "fires"
    if any(p.doctrine == doctrine for p in verdict.passed):
        return "passes"
    return "no"


@pytest.mark.parametrize(
    ("doctrine", "effect", "instrument", "day", "expected"),
    ROWS,
    ids=[f"{r[0]}:{r[4]}:{i}" for i, r in enumerate(ROWS)],
)
def test_doctrine_boundary(
    tmp_path: Path,
    catalogue: Catalogue,
    evaluator: Evaluator,
    doctrines: DoctrineSet,
    doctrine: str,
    effect: dict[str, Any],
    instrument: str,
    day: dt.date,
    expected: str,
) -> None:
    if day not in DAY_BEFORE_RULING:  # only rows testing the effective date predate it
        assert day >= doctrines.get(doctrine).effective, "row predates its doctrine"
    p = provision(catalogue, tmp_path, instrument, **effect)
    verdict = evaluator.evaluate(p, day)
    assert status(verdict, doctrine) == expected, verdict


def test_every_doctrine_has_a_firing_row(doctrines: Any) -> None:
    fired = {r[0] for r in ROWS if r[4] == "fires"}
    assert fired == set(doctrines.ids)


def test_concerns_do_not_make_a_provision_fail(
    tmp_path: Path, catalogue: Catalogue, evaluator: Evaluator
) -> None:
    p = provision(catalogue, tmp_path, **{**LIMIT, "safeguards": ["judicial_review"]})
    verdict = evaluator.evaluate(p, NEW)
    assert verdict.outcome == "conforms_with_concerns"
    assert [f.outcome for f in verdict.findings] == ["concern"]


def test_an_effect_no_doctrine_reaches_is_not_assessed(
    tmp_path: Path, catalogue: Catalogue, evaluator: Evaluator
) -> None:
    p = provision(
        catalogue, tmp_path, right="assembly", kind="procedural_limit", aims=["public_order"]
    )
    verdict = evaluator.evaluate(p, NEW)
    assert verdict.outcome == "not_assessed"
    assert verdict.unassessed == (0,)
