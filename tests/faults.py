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


# caught_by names every property that must report the fault under the stage model
# (docs/stage-model.md; docs/design.md, "The verdict and the report"), checked by hand
# against the bundled cases and doctrine examples - not copied from a run. Where a property
# one might expect is left out, the comment says why it cannot see the fault.
FAULTS = (
    Fault(
        "any-effect-on-judicial-protection",
        "a naive doctrine: any effect on judicial protection is a violation (NR No. 10 "
        "contradicts it)",
        frozenset({"replay"}),  # NR No. 10 (upheld) then does not conform
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
        "never-restrictable-rights loses its exception for a procedure that leaves an avenue "
        "for the same right open",
        # NR No. 10 (judicial review left open for judicial protection itself, upheld) and the
        # doctrine's examples of an alternative avenue.
        frozenset({"replay", "doctrine_tests"}),
        edits=(
            (
                "never-restrictable-rights.yaml",
                "    - kind: procedural_limit\n      safeguards: {has_any: [alternative_avenue]}\n"
                "    - kind: procedural_limit\n      right: judicial_protection\n"
                "      safeguards: {has_any: [judicial_review]}\n",
                "",
            ),
        ),
    ),
    Fault(
        "fee-relief-exception-dropped",
        "access-to-justice-fee-relief loses its exception: every court fee a violation",
        # Only the examples see it: no decided case upheld a court fee with relief, so replay
        # and precedent have nothing on the side the fault gets wrong.
        frozenset({"doctrine_tests"}),
        edits=(
            (
                "access-to-justice-fee-relief.yaml",
                "unless:\n  # seeds/000 lists the Court's remedies as reasonable limits on the "
                "amount, deferral,\n  # installment and exemption; a reduction for persons of "
                "low income is among them.\n  safeguards: {has_any: [deferral, installment, "
                "exemption, reduction]}\n",
                "",
            ),
        ),
    ),
    Fault(
        "instrument-order-reversed",
        "conscience-manifestation-by-law lets by-laws restrict and stops laws doing so",
        # 67-НП (a law, upheld) no longer conforms, nor does anything at most as restrictive;
        # raising a by-law to a law makes a provision that did not fail fail (monotonicity).
        frozenset({"replay", "precedent", "monotonicity", "doctrine_tests"}),
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
        # NR No. 3 (1% of the claim, no relief: does not conform) forces a violation for any
        # larger fee; the doctrines alone no longer give it. The examples state no percentage.
        frozenset({"precedent", "doctrine_tests"}),
        edits=(
            (
                "access-to-justice-fee-relief.yaml",
                "  requirement: fee\nunless:",
                "  requirement: fee\n  fee_percent: {lt: 5}\nunless:",
            ),
        ),
    ),
    Fault(
        "equality-decided-by-the-label",
        "equality-objective-justification decides on the drafter's `justification` label (stated "
        "passes, none fires) instead of putting the question - the old, conclusion-reading form",
        # The examples say the label decides nothing. 64-НП (heirs by will, no justification:
        # does not conform) forces the equality stage to fail for the same difference whatever
        # its label (the case base compares no conclusion); the faulty doctrine passes it once
        # the label says "stated" (precedent). Replay cannot see it: 69-НП then replays as
        # "conforms", a weak match, which replay reports but does not fail.
        frozenset({"doctrine_tests", "precedent"}),
        edits=(
            (
                "equality-objective-justification.yaml",
                "open_when:\n  kind: differentiation\n",
                "open_when:\n  kind: differentiation\n  justification: unspecified\n"
                "unless:\n  justification: stated\n",
            ),
        ),
    ),
    Fault(
        "certainty-as-violation",
        "legal-certainty strikes every vague rule, where the Court read down or recommended",
        # 72-НП and 74-НП (vague, upheld with recommendations) no longer conform.
        frozenset({"replay", "precedent"}),
        edits=(("legal-certainty.yaml", "outcome: concern", "outcome: violation"),),
    ),
    Fault(
        "denial-not-absolute",
        "never-restrictable-rights forgets denial among the measures it bars",
        # 29-НП, 64-НП and 70-НП relied on the doctrine and it no longer applies to them.
        frozenset({"absolute_rights", "replay", "doctrine_tests"}),
        edits=(
            (
                "never-restrictable-rights.yaml",
                "when:\n  kind: [denial, condition, ban, deprivation, procedural_limit, "
                "sanction]\n",
                "when:\n  kind: [condition, ban, deprivation, procedural_limit, sanction]\n",
            ),
        ),
    ),
    Fault(
        "court-exception-inverted",
        "liberty-only-by-court lets a prosecutor, investigator, the police or an official order "
        "custody of any length and catches custody a court ordered",
        # 74-НП upheld custody a court ordered (replay; precedent: anything at most as
        # restrictive). Not monotonicity: who orders the measure is a category of the effect
        # (casebase.CATEGORY_FIELDS), not a dimension of restrictiveness, so no one-step move
        # crosses it.
        frozenset({"replay", "precedent", "doctrine_tests"}),
        edits=(
            (
                "liberty-only-by-court.yaml",
                "    - ordered_by: court\n",
                "    - ordered_by: [prosecutor, investigator, police, official]\n",
            ),
        ),
    ),
    Fault(
        "hearing-exception-inverted",
        "property-measure-hearing passes a seizure without a hearing and catches one with it",
        frozenset({"monotonicity", "doctrine_tests"}),
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
