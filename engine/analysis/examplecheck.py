"""What a doctrine example says and what the doctrines give, in one place for ``tarazy
verify``, ``tarazy doctrine test`` and the pytest plugin: the example's doctrine must do what
``expect`` says, and, where the example states one, the whole set must give its ``verdict``
(issue 13: an example that "passes" its own doctrine may still stand in a verdict a ruling
contradicts)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from tarazy.engine.model import DoctrineExample, Verdict
from tarazy.engine.verdict.evaluating import Evaluator, doctrine_status


def mismatch(verdict: Verdict, example: DoctrineExample) -> tuple[str, str] | None:
    """(expected, got) where the example fails on ``verdict``, else None. Its doctrine's
    status is checked first; the verdict of the whole set second."""
    got = doctrine_status(verdict, example.doctrine)
    if got != example.expect:
        return example.expect, got
    if example.verdict is not None and verdict.outcome != example.verdict:
        fired = ", ".join(sorted(verdict.fired))
        return (
            f"verdict {example.verdict}",
            f"verdict {verdict.outcome}" + (f" (fired: {fired})" if fired else ""),
        )
    return None


@attrs.frozen
class ExampleRun:
    """What ``tarazy doctrine test`` found: every example with its mismatch (``None`` where
    it holds), and the ids of the doctrines no example exercises (in the set's order)."""

    rows: tuple[tuple[DoctrineExample, tuple[str, str] | None], ...]
    untested: tuple[str, ...]

    @property
    def failed(self) -> list[tuple[DoctrineExample, tuple[str, str]]]:
        """The examples that fail, each with its (expected, got)."""
        return [(ex, wrong) for ex, wrong in self.rows if wrong is not None]


def run_examples(
    evaluator: Evaluator, examples: Sequence[DoctrineExample], doctrine_ids: Sequence[str]
) -> ExampleRun:
    """Evaluate every example on its own date (``as_of``) and compare it with what it
    expects (``mismatch``); ``doctrine_ids`` are the doctrines that should have examples."""
    rows = tuple((ex, mismatch(evaluator.evaluate(ex.provision, ex.as_of), ex)) for ex in examples)
    covered = {ex.doctrine for ex in examples}
    return ExampleRun(rows, tuple(d for d in doctrine_ids if d not in covered))
