"""What a doctrine example says and what the doctrines give, in one place for ``tarazy
verify``, ``tarazy doctrine test`` and the pytest plugin: the example's doctrine must do what
``expect`` says, and, where the example states one, the whole set must give its ``verdict``
(issue 13: an example that "passes" its own doctrine may still stand in a verdict a ruling
contradicts)."""

from __future__ import annotations

from tarazy.engine.model import DoctrineExample, Verdict
from tarazy.engine.verdict.evaluating import doctrine_status


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
