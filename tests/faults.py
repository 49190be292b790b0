"""Deliberately faulty doctrine sets: each is the bundled doctrines with one mistake a
scholar could make, and the properties `tarazy verify` must catch it with."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs

from .conftest import DOCTRINES

EXTRA_DOCTRINE = """\
id: {id}
title: {{en: {title}, ru: {title}}}
stage: {stage}
outcome: violation
rulings: [{ruling}]
effective: 2023-01-01
basis:
  "1995-2022": {{articles: ["39(1)"]}}
  "2026": {{articles: ["41(1)"]}}
when:
{when}
reason: {{en: Fault., ru: Ошибка.}}
remedy: {{en: None., ru: Нет.}}
"""


@attrs.frozen
class Fault:
    name: str
    description: str
    caught_by: frozenset[str]  # properties that must report it
    edits: tuple[tuple[str, str, str], ...] = ()  # (file, old text, new text)
    added: tuple[tuple[str, str], ...] = ()  # (file, content)

    def build(self, target: Path) -> Path:
        shutil.copytree(DOCTRINES, target)
        for name, old, new in self.edits:
            path = target / name
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{self.name}: '{old}' not in {name}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        for name, content in self.added:
            (target / name).write_text(content, encoding="utf-8")
        return target


def _extra(
    id: str, title: str, when: str, stage: str = "necessity", ruling: str = "KZ-CC-NR-2023-03"
) -> tuple[str, str]:
    return f"{id}.yaml", EXTRA_DOCTRINE.format(
        id=id, title=title, when=when, stage=stage, ruling=ruling
    )


FAULTS = (
    Fault(
        "any-effect-on-judicial-protection",
        "a naive doctrine: any effect on judicial protection is a violation (NR No. 10 "
        "contradicts it)",
        frozenset({"replay"}),
        added=(
            _extra(
                "judicial-protection-any-effect",
                "Any limit on judicial protection",
                "  right: judicial_protection",
                stage="absolute_rights",
            ),
        ),
    ),
    Fault(
        "avenue-exception-dropped",
        "never-restrictable-rights loses its exception for a procedure that leaves an avenue open",
        frozenset({"replay", "doctrine_tests"}),
        edits=(
            (
                "never-restrictable-rights.yaml",
                "unless:\n  # Regulating how the right is exercised is allowed while an "
                "avenue stays open.\n  kind: procedural_limit\n  safeguards: {has_any: "
                "[alternative_avenue, judicial_review]}\n",
                "",
            ),
        ),
    ),
    Fault(
        "fee-relief-exception-dropped",
        "access-to-justice-fee-relief loses its exception: every court fee a violation",
        frozenset({"doctrine_tests"}),
        edits=(
            (
                "access-to-justice-fee-relief.yaml",
                "unless:\n  safeguards: {has_any: [deferral, installment, exemption]}\n",
                "",
            ),
        ),
    ),
    Fault(
        "instrument-order-reversed",
        "conscience-manifestation-by-law lets by-laws restrict and stops laws doing so",
        frozenset({"replay", "monotonicity"}),
        edits=(
            (
                "conscience-manifestation-by-law.yaml",
                "unless:\n  instrument_is_law: true",
                "unless:\n  instrument_is_law: false",
            ),
        ),
    ),
    Fault(
        "field-no-case-sets",
        "a doctrine reading a fact no decided case sets (assembly notice periods), citing a "
        "ruling that did not decide it",
        frozenset({"adequacy"}),
        added=(
            _extra(
                "assembly-notice-period",
                "Notice of more than three days",
                "  right: assembly\n  notice_working_days: {gt: 3}",
            ),
        ),
    ),
    Fault(
        "non-monotone-fee-threshold",
        "access-to-justice-fee-relief fires only for small fees (below 5% of the claim)",
        frozenset({"precedent"}),
        edits=(
            (
                "access-to-justice-fee-relief.yaml",
                "  requirement: fee\nunless:",
                "  requirement: fee\n  fee_percent: {lt: 5}\nunless:",
            ),
        ),
    ),
    Fault(
        "equality-exception-dropped",
        "equality-objective-justification treats a stated justification as none",
        # replay no longer catches it: 69-НП, the one case with a stated justification, is a
        # known open result since it records the Court's own aims (cases/KZ-CC-NR-2025-69.yaml)
        frozenset({"doctrine_tests"}),
        edits=(
            ("equality-objective-justification.yaml", "unless:\n  justification: stated\n", ""),
        ),
    ),
    Fault(
        "certainty-as-violation",
        "legal-certainty strikes every vague rule, where the Court read down or recommended",
        frozenset({"replay"}),
        edits=(("legal-certainty.yaml", "outcome: concern", "outcome: violation"),),
    ),
    Fault(
        "denial-not-absolute",
        "never-restrictable-rights forgets denial among the measures it bars",
        frozenset({"absolute_rights", "replay"}),
        edits=(
            (
                "never-restrictable-rights.yaml",
                "kind: [denial, ban, deprivation, procedural_limit, sanction]",
                "kind: [ban, deprivation, procedural_limit, sanction]",
            ),
        ),
    ),
    Fault(
        "court-exception-inverted",
        "liberty-only-by-court passes custody without a court and catches custody a court ordered",
        frozenset({"replay", "monotonicity"}),
        edits=(
            (
                "liberty-only-by-court.yaml",
                "safeguards: {has_any: [judicial_review]}",
                "safeguards: {has_none: [judicial_review]}",
            ),
        ),
    ),
    Fault(
        "hearing-exception-inverted",
        "property-measure-hearing passes a seizure without a hearing and catches one with it",
        frozenset({"monotonicity"}),
        edits=(
            (
                "property-measure-hearing.yaml",
                "safeguards: {has_any: [hearing]}",
                "safeguards: {has_none: [hearing]}",
            ),
        ),
    ),
    Fault(
        "edition-basis-mislabelled",
        "never-restrictable-rights claims the same basis under 2026, though Art. 41(3) dropped "
        "personal liberty and inheritance from the list",
        frozenset({"edition_change"}),
        edits=(
            (
                "never-restrictable-rights.yaml",
                '    articles: ["41(3)"]\n    status: changed\n',
                '    articles: ["41(3)"]\n',
            ),
        ),
    ),
)
