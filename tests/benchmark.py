"""Benchmark: tarazy's evaluation against raw durable_rules on the same facts, in one run.

    python tests/benchmark.py [PROVISIONS] [--seed S]

Generates provisions (seeded), then times, on the same provisions and the same compiled
ruleset:

  raw durable      assert_facts + delete_state on facts encoded beforehand - the floor;
  (all fields)     the same, asserting every field rather than only those the rules read;
  tarazy matching  CompiledRules.match: encoding, the durable call, reading the state back;
  tarazy verdict   Evaluator.evaluate: facts, matching, findings, reasons, the verdict;
  reference        the same verdicts through the pure-Python reference interpreter.

Machines are shared and noisy: compare the rows of one run, not runs with each other. This
is not a test (pytest does not collect it) and nothing asserts on its timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

from tarazy.engine import loading, model
from tarazy.engine.compiling import CompiledRules, encode
from tarazy.engine.evaluating import Evaluator
from tarazy.engine.facts import effect_facts, field_registry
from tarazy.engine.model import Duration, Effect, Provision
from tarazy.engine.reference import ReferenceMatcher

DAY = dt.date(2026, 11, 1)


def random_provision(rng: random.Random, rights: list[str], aims: list[str]) -> Provision:
    def maybe(values: list[str]) -> str | None:
        return rng.choice([None, *values])

    effects = []
    for _ in range(rng.randint(1, 3)):
        duration = rng.choice(
            [Duration(), Duration("indefinite"), Duration("fixed", years=rng.choice([1.0, 5.0]))]
        )
        effects.append(
            Effect(
                right=rng.choice(rights),
                kind=rng.choice(list(model.EFFECT_KINDS)),
                basis=maybe(list(model.BASES)),
                duration=duration,
                aims=tuple(sorted(set(rng.sample(aims, rng.randint(0, 2))))),
                legal_ground=rng.choice(list(model.LEGAL_GROUNDS)),
                safeguards=tuple(
                    sorted(set(rng.sample(list(model.SAFEGUARDS), rng.randint(0, 2))))
                ),
                political_grounds=rng.random() < 0.1,
                sector=maybe(list(model.SECTORS)),
                trigger_severity=maybe(list(model.TRIGGER_SEVERITIES)),
                clarity=rng.choice(list(model.CLARITIES)),
                justification=maybe(list(model.JUSTIFICATIONS)),
                requirement=maybe(list(model.REQUIREMENTS)),
            )
        )
    return Provision("bench", rng.choice(list(model.INSTRUMENTS)), tuple(effects))


def timed(label: str, count: int, run: Callable[[], None], repeats: int = 3) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        runs.append(time.perf_counter() - start)
    best = min(runs)
    print(
        f"  {label:18} {best / count * 1e6:8.1f} µs/provision   "
        f"(best of {repeats}; median {statistics.median(runs) / count * 1e6:.1f})"
    )
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("provisions", type=int, nargs="?", default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    catalogue = loading.load_catalogue()
    doctrines = loading.load_doctrines(None, catalogue)
    fields = field_registry(catalogue)
    rng = random.Random(args.seed)
    provisions = [
        random_provision(rng, list(catalogue.right_ids), list(catalogue.aim_ids))
        for _ in range(args.provisions)
    ]
    edition = "2026"
    facts = [[effect_facts(p, e, edition, catalogue) for e in p.effects] for p in provisions]
    print(
        f"{len(provisions)} provisions, {sum(len(f) for f in facts)} effects, "
        f"{len(doctrines.doctrines)} doctrines (seed {args.seed})"
    )

    with CompiledRules(doctrines, fields) as rules, Evaluator(doctrines, catalogue) as ev:
        assert rules.ruleset_count == 1, "the raw floor below assumes a single ruleset"
        host, name = rules._rulesets[0].host, rules._rulesets[0].name
        encoded = [
            [
                {**encode(f, i, fields, rules.read, rules.thresholds), "sid": str(n)}
                for i, f in enumerate(per)
            ]
            for n, per in enumerate(facts, start=10**9)
        ]

        everything = [
            [
                {**encode(f, i, fields, thresholds=rules.thresholds), "sid": str(n)}
                for i, f in enumerate(per)
            ]
            for n, per in enumerate(facts, start=2 * 10**9)
        ]

        def raw(batches: list[list[dict[str, object]]] = encoded) -> None:
            for batch in batches:
                host.assert_facts(name, batch)
                host.delete_state(name, batch[0]["sid"])

        def raw_all() -> None:
            raw(everything)

        def matching() -> None:
            for per in facts:
                rules.match(per)

        def verdicts() -> None:
            for p in provisions:
                ev.evaluate(p, DAY)

        reference = Evaluator(doctrines, catalogue, ReferenceMatcher(doctrines))

        def oracle() -> None:
            for p in provisions:
                reference.evaluate(p, DAY)

        floor = timed("raw durable", len(provisions), raw)
        timed("  (all fields)", len(provisions), raw_all)
        match = timed("tarazy matching", len(provisions), matching)
        full = timed("tarazy verdict", len(provisions), verdicts)
        timed("reference", len(provisions), oracle)
    print(f"  matching costs {match / floor:.2f}x raw durable; a full verdict {full / floor:.2f}x")


if __name__ == "__main__":
    main()
