"""What `tarazy fix` finds, and what the search costs (issue 14, item 2).

    python bench/fix_measure.py [--synthetic N] [--seed S]

Not a test. For every provision that does not conform - in examples/*.yaml (on each bill's
own as_of, or 2026-11-30), in the case base (on the day and under the edition of each ruling,
and again on 2026-11-30), and optionally in a synthetic bill of N provisions (``tarazy
generate``) - it runs ``fixing.fixes_for`` and counts the failing stages fixed (the stage
passes), left open by the smallest change, not curable along the dimensions, and cured by an
earlier fix; the searches that hit ``MAX_PAIR_EVALUATIONS``; and the amended provisions
evaluated per provision (the search's cost; timings are not taken).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import io
import statistics
from collections.abc import Iterable
from pathlib import Path

from tarazy.engine.analysis import fixing
from tarazy.engine.input import cache, loading, yamlfile
from tarazy.engine.model import Provision
from tarazy.engine.verdict.evaluating import Evaluator

REPO = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 11, 30)


def measure(
    label: str, items: Iterable[tuple[Provision, dt.date, str | None]], ev: Evaluator
) -> None:
    counts: collections.Counter[str] = collections.Counter()
    cost: list[int] = []
    bound = 0
    for provision, day, edition in items:
        verdict = ev.evaluate(provision, day, edition)
        if verdict.outcome != "does_not_conform":
            continue
        found = fixing.fixes_for(verdict, ev)
        cost.append(found.evaluations)
        for fix in found.fixes:
            counts[fix.status] += 1
            bound += fix.bound_hit
    print(
        f"{label}: {len(cost)} provisions that do not conform, {sum(counts.values())} failing "
        f"stages: {counts['passes']} fixed, {counts['open']} left open, "
        f"{counts['not_curable']} not curable, {counts['cured_before']} cured by an earlier "
        f"fix; searches at the bound: {bound}; evaluations per provision: mean "
        f"{statistics.mean(cost) if cost else 0:.1f}, median "
        f"{statistics.median(cost) if cost else 0:g}, max {max(cost, default=0)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(None, catalogue)
    cases = cache.load_cases(None, catalogue)
    with Evaluator(doctrines, catalogue, cases=cases) as ev:
        items = []
        for path in sorted((REPO / "examples").glob("*.yaml")):
            bill = loading.load_bill(path, catalogue)
            items += [(p, bill.as_of or DAY, None) for p in bill.provisions]
        measure("examples", items, ev)
        measure(
            "case base, each on its own day",
            [(c.provision, c.date, c.constitution) for c in cases],
            ev,
        )
        measure("case base on 2026-11-30", [(c.provision, DAY, None) for c in cases], ev)
        if args.synthetic:
            from tarazy.engine.verification import synthetic

            out = io.StringIO()
            synthetic.write_bill(
                out,
                synthetic.provisions(
                    args.synthetic, args.seed, catalogue, [c.provision for c in cases]
                ),
                "synthetic",
                None,
            )
            bill = loading.load_bill(
                "<synthetic>", catalogue, yamlfile.parse(out.getvalue(), "<synthetic>")
            )
            measure(
                f"synthetic bill of {args.synthetic} (seed {args.seed})",
                [(p, DAY, None) for p in bill.provisions],
                ev,
            )


if __name__ == "__main__":
    main()
