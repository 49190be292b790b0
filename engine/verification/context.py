"""What the consistency properties check and what they report: the Hypothesis profiles,
the ``Context`` (catalogue, doctrines, cases and the evaluators built once), and the
``Problem`` / ``Result`` a property gives.

The profiles: ``ci`` (derandomized, bounded, what pytest runs) and ``deep`` (``tarazy
verify``: many examples from a printed seed). No profile uses Hypothesis's example
database, so no result depends on an earlier run.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Literal

import attrs
from hypothesis import HealthCheck, Phase, Verbosity, settings

from tarazy.engine.analysis import replaying
from tarazy.engine.input.writing import bill_yaml
from tarazy.engine.model import Case, DoctrineExample, DoctrineSet, Provision, Verdict
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.rules.reference import ReferenceMatcher
from tarazy.engine.verdict.evaluating import Evaluator
from tarazy.engine.verification import strategies

PROFILES: dict[str, dict[str, Any]] = {
    # CI: the same examples on every run, bounded so the suite stays well under 10 minutes.
    "ci": {"max_examples": 150, "derandomize": True},
    # tarazy verify: many more examples, from a seed (printed, so a run can be repeated).
    "deep": {"max_examples": 2000, "derandomize": False},
}
COMMON: dict[str, Any] = {
    "database": None,
    "deadline": None,
    "verbosity": Verbosity.quiet,
    "suppress_health_check": list(HealthCheck),
    "phases": [Phase.explicit, Phase.generate, Phase.shrink],
}
for _name, _values in PROFILES.items():
    settings.register_profile(f"tarazy-{_name}", **_values, **COMMON)

Status = Literal["passed", "failed"]
CONFORMING = ("conforms", "conforms_with_concerns")


@attrs.frozen
class Problem:
    """Why a property failed: a message, the sources that disagree (each "who: what"),
    and, where there is one, the provision and date to paste into ``tarazy check``."""

    message: str
    sources: tuple[str, ...]
    provision: Provision | None = None
    as_of: dt.date | None = None


class PropertyFailed(Exception):
    """Raised inside a Hypothesis test to stop it with a ``Problem`` (shrunk first)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@attrs.frozen
class Result:
    """The outcome of one property: passed or failed, the examples checked, the time taken
    in seconds, the first problem (when failed) and notes."""

    name: str
    status: Status
    examples: int
    seconds: float
    problem: Problem | None = None
    notes: tuple[str, ...] = ()

    @property
    def counterexample(self) -> str | None:
        """The failing provision as a bill file (YAML) to paste into ``tarazy check``, or
        ``None`` when the problem has no provision."""
        p = self.problem
        if p is None or p.provision is None:
            return None
        return bill_yaml(p.provision, p.as_of, title=f"counterexample to '{self.name}'")


# --------------------------------------------------------------------------- context


class Context:
    """What the properties check: a catalogue, doctrines and cases, with evaluators built
    once - the durable_rules one, the reference interpreter, and the same doctrines loaded
    in other orders."""

    def __init__(
        self,
        catalogue: Catalogue,
        doctrines: DoctrineSet,
        cases: Sequence[Case],
        seed: int = 0,
        examples: Sequence[DoctrineExample] = (),
    ) -> None:
        self.catalogue = catalogue
        self.doctrines = doctrines
        self.cases = tuple(cases)
        self.examples = tuple(e for e in examples if e.doctrine in doctrines.ids)
        self.seeds = strategies.seeds_from(self.cases, self.examples)
        self.seed = seed
        self.evaluator = Evaluator(doctrines, catalogue, cases=self.cases)
        self.reference = Evaluator(
            doctrines, catalogue, ReferenceMatcher(doctrines), cases=self.cases
        )
        self._shuffled: list[Evaluator] | None = None
        self._replays: list[replaying.Replay] | None = None

    @property
    def replays(self) -> list[replaying.Replay]:
        """Every decided case replayed once with the durable_rules evaluator (cached)."""
        if self._replays is None:
            self._replays = replaying.replay_all(self.cases, self.evaluator)
        return self._replays

    @property
    def shuffled(self) -> list[Evaluator]:
        """The doctrines loaded in reverse and in a shuffled order."""
        if self._shuffled is None:
            rng = random.Random(self.seed)
            orders = [tuple(reversed(self.doctrines.doctrines))]
            shuffled = list(self.doctrines.doctrines)
            rng.shuffle(shuffled)
            orders.append(tuple(shuffled))
            self._shuffled = [
                Evaluator(
                    attrs.evolve(self.doctrines, doctrines=order), self.catalogue, cases=self.cases
                )
                for order in orders
            ]
        return self._shuffled

    def close(self) -> None:
        """Free the evaluators' rulesets."""
        self.evaluator.close()
        for ev in self._shuffled or ():
            ev.close()

    def verdict(self, provision: Provision, as_of: dt.date) -> Verdict:
        """The durable_rules evaluator's verdict on ``provision`` as of ``as_of``."""
        return self.evaluator.evaluate(provision, as_of)


@contextmanager
def context(
    catalogue: Catalogue,
    doctrines: DoctrineSet,
    cases: Sequence[Case],
    seed: int = 0,
    examples: Sequence[DoctrineExample] = (),
) -> Iterator[Context]:
    """A ``Context`` for the ``with`` statement, closed at its end."""
    ctx = Context(catalogue, doctrines, cases, seed, examples)
    try:
        yield ctx
    finally:
        ctx.close()


def outcome_text(verdict: Verdict) -> str:
    """A verdict's outcome, with the doctrines that fired (sorted), for a problem's sources."""
    fired = ", ".join(sorted(verdict.fired))
    return verdict.outcome + (f" (fired: {fired})" if fired else "")
