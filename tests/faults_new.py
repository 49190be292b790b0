"""New faulty doctrine sets for issue 13, written before the checker was changed: at least
two of each kind of scholar's mistake the issue names, each the bundled doctrines with one
mistake. Same ``Fault`` class as tests/faults.py; the catch rate before and after the
issue-13 work is in the README (section "Verification") and tests/test_faults_new.py.

Kinds: (a) data already contradicts the fault, but only the whole verdict of a doctrine
example shows it; (b) an exception branch no case or example reaches (widened, narrowed);
(c) an edition fault; (d) a concern turned into a violation or back; (e) an over-broad new
doctrine citing no ruling."""

from __future__ import annotations

import attrs

from .faults import Fault

DOCTRINE = """\
id: {id}
title: {{en: {title}, ru: {title}}}
stage: {stage}
outcome: {outcome}
rulings: [{rulings}]
effective: {effective}
basis:
  "1995-2022": {{articles: ["39(1)"]}}
  "2026": {{articles: ["41(1)"]}}
when:
{when}
reason: {{en: Fault., ru: Ошибка.}}
remedy: {{en: None., ru: Нет.}}
not_decided: Nothing else.
"""

EXAMPLES = """\
doctrine: {id}
examples:
{examples}
"""


def doctrine(
    id: str,
    title: str,
    when: str,
    *,
    stage: str = "necessity",
    outcome: str = "violation",
    rulings: str = "",
    effective: str = "2023-01-01",
    examples: str = "",
) -> tuple[tuple[str, str], ...]:
    """A new doctrine file (and, given ``examples``, its examples file)."""
    files = [
        (
            f"{id}.yaml",
            DOCTRINE.format(
                id=id,
                title=title,
                when=when,
                stage=stage,
                outcome=outcome,
                rulings=rulings,
                effective=effective,
            ),
        )
    ]
    if examples:
        files.append((f"tests/{id}.yaml", EXAMPLES.format(id=id, examples=examples)))
    return tuple(files)


@attrs.frozen
class NewFault:
    kind: str  # "a" .. "e"
    fault: Fault


def _f(kind: str, name: str, description: str, **kw: object) -> NewFault:
    return NewFault(kind, Fault(name, description, frozenset(), **kw))  # type: ignore[arg-type]


NEW_FAULTS: tuple[NewFault, ...] = (
    # ---------------------------------------------------------------- (a)
    _f(
        "a",
        "fee-only-exemption-counts",
        "a new doctrine reads NR No. 3 as accepting only an exemption: a court fee that may be "
        "deferred, paid in installments or reduced violates anyway (the fee-relief examples "
        "that NR No. 3 accepted still 'pass' their own doctrine)",
        added=doctrine(
            "court-fee-exemption-required",
            "A court fee needs an exemption",
            "  right: judicial_protection\n  kind: condition\n  requirement: fee\n"
            "  safeguards: {has_none: [exemption]}",
            rulings="KZ-CC-NR-2023-03",
            effective="2023-02-22",
            examples="  - why: NR No. 3 itself\n    as_of: 2023-06-01\n    expect: fires\n"
            "    effect: {right: judicial_protection, kind: condition, requirement: fee}\n",
        ),
    ),
    _f(
        "a",
        "police-detention-always-violates",
        "a new doctrine: any detention the police order violates necessity, though 2026 Art. "
        "18(2) allows it within terms a law sets (liberty-only-by-court-2026 still 'passes' its "
        "example)",
        added=doctrine(
            "police-detention-necessity",
            "No detention by the police",
            "  right: personal_liberty\n  kind: deprivation\n  ordered_by: police",
            rulings="KZ-CC-NR-2023-09",
            effective="2023-04-11",
            examples="  - why: a detention by the police\n    as_of: 2026-11-01\n"
            "    expect: fires\n    effect: {right: personal_liberty, kind: deprivation, "
            "ordered_by: police, duration: {hours: 48}}\n",
        ),
    ),
    _f(
        "a",
        "conscience-registration-fails-aim",
        "a new doctrine: a registration condition on manifesting belief fails the aim stage "
        "(67-НП upheld registration for public order; conscience-manifestation-by-law still "
        "'passes' its example)",
        added=doctrine(
            "religious-registration-aim",
            "Registration of missionaries serves no admitted aim",
            "  right: conscience_manifestation\n  kind: condition\n  requirement: registration\n"
            "  instrument_is_law: true",
            stage="legitimate_aim",
            rulings="KZ-CC-NR-2024-60",
            effective="2026-07-01",
            examples="  - why: registration\n    as_of: 2026-11-01\n    expect: fires\n"
            "    effect: {right: conscience_manifestation, kind: condition, "
            "requirement: registration}\n",
        ),
    ),
    # ---------------------------------------------------------------- (b)
    _f(
        "b",
        "fee-relief-widened-by-sector",
        "access-to-justice-fee-relief gains an exception no case or example reaches: a fee in "
        "civil enforcement (sector other) never violates",
        edits=(
            (
                "access-to-justice-fee-relief.yaml",
                "  safeguards: {has_any: [deferral, installment, exemption, reduction]}\n",
                "  any:\n    - safeguards: {has_any: [deferral, installment, exemption, "
                "reduction]}\n    - sector: other\n",
            ),
        ),
    ),
    _f(
        "b",
        "never-restrictable-condition-avenue",
        "never-restrictable-rights' exception widened: any condition that leaves an "
        "alternative avenue passes (NR No. 10 spoke of procedural limits; no case or example "
        "has a condition with an alternative avenue)",
        edits=(
            (
                "never-restrictable-rights.yaml",
                "    - kind: procedural_limit\n      safeguards: {has_any: [alternative_avenue]}\n",
                "    - kind: procedural_limit\n      safeguards: {has_any: [alternative_avenue]}\n"
                "    - kind: condition\n      safeguards: {has_any: [alternative_avenue, "
                "periodic_review]}\n",
            ),
        ),
    ),
    _f(
        "b",
        "liberty-court-exception-narrowed",
        "liberty-only-by-court's exception for a court narrowed to a court that hears the "
        "person (Art. 16(2) asks only for a court's sanction)",
        edits=(
            (
                "liberty-only-by-court.yaml",
                "    - ordered_by: court\n",
                "    - ordered_by: court\n      safeguards: {has_any: [hearing]}\n",
            ),
        ),
    ),
    # ---------------------------------------------------------------- (c)
    _f(
        "c",
        "admitted-aim-basis-same",
        "admitted-aim's 2026 basis marked the same as 1995's, though Art. 41(1) admits "
        "national security",
        edits=(
            (
                "admitted-aim.yaml",
                "    status: changed\n    note: Art. 41(1) admits national security as a new "
                "aim; the catalogue carries the difference.\n",
                "",
            ),
        ),
    ),
    _f(
        "c",
        "national-security-under-1995",
        "admitted-aim admits national security under either edition (an exception reading "
        "the aim, not the edition's clause)",
        edits=(
            (
                "admitted-aim.yaml",
                "unless:\n  has_inadmissible_aim: false\n",
                "unless:\n  any:\n    - has_inadmissible_aim: false\n"
                "    - aims: {has_all: [national_security]}\n"
                "      right: [association, movement]\n",
            ),
        ),
    ),
    _f(
        "c",
        "liberty-72-hours-kept-under-2026",
        "liberty-only-by-court's 72-hour rule kept under 2026 (its basis marked changed, not "
        "lapsed): liberty treated as still never restrictable",
        edits=(("liberty-only-by-court.yaml", "    status: lapsed\n", "    status: changed\n"),),
    ),
    _f(
        "c",
        "inheritance-still-absolute",
        "never-restrictable-rights treats a denial of inheritance as barred under 2026 too, "
        "though Art. 41(3) dropped it",
        edits=(
            (
                "never-restrictable-rights.yaml",
                "    - right_never_restrictable: false\n",
                "    - right_never_restrictable: false\n      not: {right: inheritance, "
                "kind: condition}\n",
            ),
        ),
    ),
    # ---------------------------------------------------------------- (d)
    _f(
        "d",
        "avenue-open-as-violation",
        "judicial-protection-avenue-open made a violation (NR No. 10 upheld with a recommendation)",
        edits=(
            (
                "judicial-protection-avenue-open.yaml",
                "outcome: concern",
                "outcome: violation",
            ),
        ),
    ),
    _f(
        "d",
        "discrediting-bar-special-bodies-violation",
        "a new violation doctrine from 75-НП: a lifelong bar from special state bodies after "
        "a discrediting offence violates - but 75-НП upheld such a bar, with recommendations",
        added=doctrine(
            "special-bodies-discrediting-bar",
            "No lifelong bar from special state bodies",
            "  right: equal_access_state_service\n  kind: ban\n  duration: indefinite\n"
            "  sector: special_state_bodies\n  trigger_severity: discrediting",
            rulings="KZ-CC-NR-2025-75",
            effective="2025-08-25",
            examples="  - why: 75-НП\n    as_of: 2026-01-01\n    expect: fires\n"
            "    effect: {right: equal_access_state_service, kind: ban, duration: indefinite, "
            "sector: special_state_bodies, trigger_severity: discrediting}\n",
        ),
    ),
    _f(
        "d",
        "complaint-by-party-only-concern",
        "a new concern doctrine from 29-НП (held not to conform): leaving a complaint to one "
        "party in civil procedure only draws a recommendation",
        added=doctrine(
            "complaint-party-only",
            "Complaint only by the party",
            "  right: judicial_protection\n  kind: procedural_limit\n  sector: civil_procedure\n"
            "  addressees_breadth: specific_group",
            stage="balance",
            outcome="concern",
            rulings="KZ-CC-NR-2023-29",
            effective="2023-09-25",
            examples="  - why: 29-НП\n    as_of: 2024-01-01\n    expect: fires\n"
            "    effect: {right: judicial_protection, kind: procedural_limit, "
            "sector: civil_procedure, addressees: {label: victims, breadth: specific_group}, "
            "safeguards: [judicial_review]}\n",
        ),
    ),
    _f(
        "d",
        "maximum-term-as-violation",
        "liberty-maximum-term made a violation (74-НП upheld with a recommendation)",
        edits=(("liberty-maximum-term.yaml", "outcome: concern", "outcome: violation"),),
    ),
    # ---------------------------------------------------------------- (e)
    _f(
        "e",
        "any-assembly-ban",
        "an over-broad new doctrine citing no ruling: any ban on assemblies violates necessity",
        added=doctrine("assembly-ban", "No ban on assemblies", "  right: assembly\n  kind: ban"),
    ),
    _f(
        "e",
        "any-speech-ban-with-examples",
        "an over-broad new doctrine citing no ruling, with examples written to agree with it: "
        "any ban on speech violates necessity",
        added=doctrine(
            "speech-ban",
            "No ban on speech",
            "  right: speech\n  kind: ban",
            examples="  - why: a ban\n    as_of: 2026-11-01\n    expect: fires\n"
            "    effect: {right: speech, kind: ban, aims: [public_order]}\n"
            "  - why: not a ban\n    as_of: 2026-11-01\n    expect: does_not_apply\n"
            "    effect: {right: speech, kind: condition}\n",
        ),
    ),
    _f(
        "e",
        "any-indefinite-deprivation-of-liberty",
        "an over-broad new doctrine citing no ruling: any deprivation of liberty without a fixed "
        "term violates necessity (74-НП only recommended a maximum term)",
        added=doctrine(
            "liberty-indefinite",
            "No open-ended custody",
            "  right: personal_liberty\n  kind: deprivation\n  duration: [indefinite, "
            "until_condition]",
            examples="  - why: open-ended custody\n    as_of: 2026-11-01\n    expect: fires\n"
            "    effect: {right: personal_liberty, kind: deprivation, ordered_by: court, "
            "duration: indefinite}\n",
        ),
    ),
)
