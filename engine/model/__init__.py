"""The domain model: provisions, effects, doctrines, cases, findings and verdicts.

Everything here is a small frozen attrs class or a closed vocabulary, one module a job:

* ``vocabulary`` - the closed vocabularies (ids with one-line descriptions);
* ``fields`` - the field metadata every file field is declared with (the one source the
  loader, writer, schemas and generators read);
* ``provisions`` - provisions and effects; ``doctrines`` - doctrines and their examples;
  ``verdicts`` - findings, stage tables and verdicts; ``cases`` - decided cases.

This package re-exports their public names, so ``from tarazy.engine.model import Effect``
works. The loader (``engine/input``) is the only place that builds these from files;
validators here guard the invariants that do not depend on where the data came from.

Vocabularies are closed on purpose: a misspelt value in a bill (``kind: bann``) or in a
doctrine must be a load error, never a value that silently matches nothing. New values
may be added; existing ones are never renamed (docs/design.md,
"Closed vocabularies and the file-format contract").
"""

from __future__ import annotations

from tarazy.engine.model.cases import (
    Case,
    Remedy,
)
from tarazy.engine.model.doctrines import (
    Doctrine,
    DoctrineExample,
    DoctrineSet,
    EditionBasis,
    Texts,
)
from tarazy.engine.model.provisions import (
    Addressees,
    Bill,
    Citation,
    Duration,
    Effect,
    Location,
    Provision,
)
from tarazy.engine.model.verdicts import (
    Defeated,
    EffectStages,
    Finding,
    NearestCase,
    Passed,
    StageResult,
    Verdict,
)
from tarazy.engine.model.vocabulary import (
    ADDRESSEE_BREADTHS,
    BYLAW_INSTRUMENTS,
    CLARITIES,
    DOCTRINE_OUTCOMES,
    DURATION_UNITS,
    EFFECT_KINDS,
    FORCE_OF_LAW_INSTRUMENTS,
    GROUNDS_OF_DISTINCTION,
    HOLDINGS,
    INSTRUMENTS,
    JUSTIFICATIONS,
    LANGUAGES,
    LAW_INSTRUMENTS,
    LEGAL_GROUNDS,
    MAGNITUDES,
    ORDERING_AUTHORITIES,
    READINGS,
    REQUIREMENTS,
    SAFEGUARDS,
    SECTORS,
    STAGE_STATUSES,
    STAGES,
    TRIGGER_SEVERITIES,
    TRIGGERS,
    VERDICT_OUTCOMES,
    StageStatus,
    VerdictOutcome,
)

__all__ = [
    "ADDRESSEE_BREADTHS",
    "BYLAW_INSTRUMENTS",
    "CLARITIES",
    "DOCTRINE_OUTCOMES",
    "DURATION_UNITS",
    "EFFECT_KINDS",
    "FORCE_OF_LAW_INSTRUMENTS",
    "GROUNDS_OF_DISTINCTION",
    "HOLDINGS",
    "INSTRUMENTS",
    "JUSTIFICATIONS",
    "LANGUAGES",
    "LAW_INSTRUMENTS",
    "LEGAL_GROUNDS",
    "MAGNITUDES",
    "ORDERING_AUTHORITIES",
    "READINGS",
    "REQUIREMENTS",
    "SAFEGUARDS",
    "SECTORS",
    "STAGES",
    "STAGE_STATUSES",
    "TRIGGERS",
    "TRIGGER_SEVERITIES",
    "VERDICT_OUTCOMES",
    "Addressees",
    "Bill",
    "Case",
    "Citation",
    "Defeated",
    "Doctrine",
    "DoctrineExample",
    "DoctrineSet",
    "Duration",
    "EditionBasis",
    "Effect",
    "EffectStages",
    "Finding",
    "Location",
    "NearestCase",
    "Passed",
    "Provision",
    "Remedy",
    "StageResult",
    "StageStatus",
    "Texts",
    "Verdict",
    "VerdictOutcome",
]
