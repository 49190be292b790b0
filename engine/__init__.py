"""tarazy's engine: provisions of laws checked against the doctrines of the Constitutional
Court of Kazakhstan, stage by stage.

The public API, for a programmer (the command line, cli/, is built on nothing else)::

    from tarazy import engine

    catalogue = engine.load_catalogue()                 # rights, aims, editions
    doctrines = engine.load_doctrines(None, catalogue)   # None: the bundled doctrines
    cases = engine.load_cases([], catalogue, doctrines)  # []: the bundled decided cases
    bill = engine.load_bill("examples/peaceful-assemblies.yaml", catalogue)
    with engine.Evaluator(doctrines, catalogue, cases=cases) as evaluator:
        for provision in bill.provisions:
            verdict = evaluator.evaluate(provision, bill.as_of or datetime.date.today())
            print(provision.id, verdict.outcome)

Every loader raises ``InputError`` (file and 1-based line) for input it cannot use; the
evaluator raises ``EngineError`` for a rule-engine result it cannot trust. Effects are
numbered from 0 in the model (``Finding.effect``) and from 1 in every report.

Constants: ``STAGES`` maps the seven stages of the proportionality test, in the order each
effect walks them, to a one-line description (docs/stage-model.md); ``VERDICT_OUTCOMES``
lists a provision's possible verdicts (does_not_conform, conforms_with_concerns, conforms,
and open: nothing fails but a stage is settled by no doctrine and no decided case).

The names below are loaded when first used, so ``import tarazy.engine`` imports neither
durable_rules nor Hypothesis. The folders are the stages of the pipeline, lowest first:
``model``, ``rules``, ``input``, ``verdict``, ``analysis``, ``verification``, ``reports``; each
imports only the folders below it (the import contracts in pyproject.toml).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tarazy.engine.analysis.replaying import Replay, replay, replay_all
    from tarazy.engine.input.loading import (
        load_bill,
        load_case,
        load_cases,
        load_catalogue,
        load_doctrine,
        load_doctrine_examples,
        load_doctrines,
    )
    from tarazy.engine.model import (
        STAGES,
        VERDICT_OUTCOMES,
        Bill,
        Case,
        Doctrine,
        DoctrineExample,
        DoctrineSet,
        Effect,
        EffectStages,
        Finding,
        Provision,
        StageResult,
        Texts,
        Verdict,
    )
    from tarazy.engine.model.catalogue import Catalogue
    from tarazy.engine.model.errors import EngineError, InputError, InputErrors
    from tarazy.engine.model.messages import message
    from tarazy.engine.verdict.evaluating import Evaluator, doctrine_status, edition_for
    from tarazy.engine.verification.verifying import context as verification_context
    from tarazy.engine.verification.verifying import verify

# name -> (module, attribute): where each public name is defined.
_WHERE: dict[str, tuple[str, str]] = {
    # loading the files (engine/input/loading.py)
    "load_catalogue": ("tarazy.engine.input.loading", "load_catalogue"),
    "load_bill": ("tarazy.engine.input.loading", "load_bill"),
    "load_doctrine": ("tarazy.engine.input.loading", "load_doctrine"),
    "load_doctrines": ("tarazy.engine.input.loading", "load_doctrines"),
    "load_doctrine_examples": ("tarazy.engine.input.loading", "load_doctrine_examples"),
    "load_case": ("tarazy.engine.input.loading", "load_case"),
    "load_cases": ("tarazy.engine.input.loading", "load_cases"),
    # the model (engine/model/)
    "Bill": ("tarazy.engine.model", "Bill"),
    "Provision": ("tarazy.engine.model", "Provision"),
    "Effect": ("tarazy.engine.model", "Effect"),
    "Texts": ("tarazy.engine.model", "Texts"),
    "Doctrine": ("tarazy.engine.model", "Doctrine"),
    "DoctrineSet": ("tarazy.engine.model", "DoctrineSet"),
    "DoctrineExample": ("tarazy.engine.model", "DoctrineExample"),
    "Case": ("tarazy.engine.model", "Case"),
    "Verdict": ("tarazy.engine.model", "Verdict"),
    "Finding": ("tarazy.engine.model", "Finding"),
    "EffectStages": ("tarazy.engine.model", "EffectStages"),
    "StageResult": ("tarazy.engine.model", "StageResult"),
    "STAGES": ("tarazy.engine.model", "STAGES"),
    "VERDICT_OUTCOMES": ("tarazy.engine.model", "VERDICT_OUTCOMES"),
    "Catalogue": ("tarazy.engine.model.catalogue", "Catalogue"),
    "InputError": ("tarazy.engine.model.errors", "InputError"),
    "InputErrors": ("tarazy.engine.model.errors", "InputErrors"),
    "EngineError": ("tarazy.engine.model.errors", "EngineError"),
    "message": ("tarazy.engine.model.messages", "message"),
    # evaluating (engine/verdict/evaluating.py)
    "Evaluator": ("tarazy.engine.verdict.evaluating", "Evaluator"),
    "edition_for": ("tarazy.engine.verdict.evaluating", "edition_for"),
    "doctrine_status": ("tarazy.engine.verdict.evaluating", "doctrine_status"),
    # the decided cases (engine/analysis/replaying.py)
    "Replay": ("tarazy.engine.analysis.replaying", "Replay"),
    "replay": ("tarazy.engine.analysis.replaying", "replay"),
    "replay_all": ("tarazy.engine.analysis.replaying", "replay_all"),
    # the consistency properties (engine/verification/verifying.py; imports Hypothesis)
    "verify": ("tarazy.engine.verification.verifying", "verify"),
    "verification_context": ("tarazy.engine.verification.verifying", "context"),
}

__all__ = [
    "STAGES",
    "VERDICT_OUTCOMES",
    "Bill",
    "Case",
    "Catalogue",
    "Doctrine",
    "DoctrineExample",
    "DoctrineSet",
    "Effect",
    "EffectStages",
    "EngineError",
    "Evaluator",
    "Finding",
    "InputError",
    "InputErrors",
    "Provision",
    "Replay",
    "StageResult",
    "Texts",
    "Verdict",
    "doctrine_status",
    "edition_for",
    "load_bill",
    "load_case",
    "load_cases",
    "load_catalogue",
    "load_doctrine",
    "load_doctrine_examples",
    "load_doctrines",
    "message",
    "replay",
    "replay_all",
    "verification_context",
    "verify",
]


def __getattr__(name: str) -> Any:
    """The public name ``name``, imported from its module on first use (PEP 562)."""
    try:
        module, attribute = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module 'tarazy.engine' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the public API included."""
    return sorted({*globals(), *__all__})
