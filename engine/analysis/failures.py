"""The failure texts shared by ``pytest`` (the root conftest and the shipped plugin) and
``tarazy doctrine test``: one wording for a case the doctrines do not reproduce and one for
an example its doctrine does not honour."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tarazy.engine.analysis.replaying import Replay
    from tarazy.engine.model import Case, DoctrineExample


def case_failure(case: Case, result: Replay) -> str:
    """A mismatched or uncovered case: the holding, the engine's outcome and why."""
    return (
        f"{case.id} ({case.title})\n"
        f"  holding: {case.holding}\n"
        f"  engine:  {result.verdict.outcome} -> {result.match}: {result.note}\n"
        f"  fired:   {', '.join(sorted(result.verdict.fired)) or '-'}\n"
        f"  relied on: {', '.join(case.relied_on)}"
    )


def example_failure(example: DoctrineExample, got: str, expected: str | None = None) -> str:
    """A doctrine example whose doctrine did something else (or whose `verdict` the whole
    set does not give, then ``expected`` says so): where, what, why."""
    return (
        f"{example.location}: {example.doctrine} expected {expected or example.expect}, got "
        f"{got} — {example.why}"
    )
