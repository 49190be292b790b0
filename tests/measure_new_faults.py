"""Measure how many of tests/faults_new.py's faults `tarazy verify --profile ci` catches, per
kind: ``python -m tests.measure_new_faults`` (about a minute per fault set). A fault is caught
when some property reports a problem the bundled doctrines do not (as tests/test_faults.py
counts), or when the set does not load."""

from __future__ import annotations

import collections
import sys
import tempfile
from pathlib import Path

from tarazy.engine.input import loading
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError
from tarazy.engine.verification import verifying

from .faults import Fault
from .faults_new import NEW_FAULTS


def report(folder: Path, catalogue: Catalogue) -> dict[str, str | None]:
    """Each property's problem under `tarazy verify --profile ci` (None when it passes)."""
    doctrines = loading.load_doctrines(folder, catalogue)
    cases = loading.load_cases([], catalogue)
    examples = loading.load_doctrine_examples(folder, catalogue, doctrines)
    with verifying.context(catalogue, doctrines, cases, 0, examples) as ctx:
        results = verifying.verify(ctx, profile="ci")
    return {
        r.name: r.problem.message.replace(str(folder), "<doctrines>")
        if r.problem is not None and r.status == "failed"
        else None
        for r in results
    }


def main(names: list[str]) -> None:
    catalogue = loading.load_catalogue()
    tmp = Path(tempfile.mkdtemp())
    bundled = report(Fault("none", "", frozenset()).build(tmp / "bundled"), catalogue)
    print("bundled fails:", sorted(n for n, p in bundled.items() if p), flush=True)
    per: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for nf in NEW_FAULTS:
        if names and nf.fault.name not in names:
            continue
        try:
            got = report(nf.fault.build(tmp / nf.fault.name), catalogue)
            caught = sorted(n for n, p in got.items() if p and p != bundled[n])
        except InputError as exc:
            caught = [f"load: {exc}"]
        per[nf.kind][1] += 1
        per[nf.kind][0] += bool(caught)
        print(f"({nf.kind}) {nf.fault.name}: {', '.join(caught) or 'MISSED'}", flush=True)
    for kind in sorted(per):
        print(f"kind {kind}: {per[kind][0]} of {per[kind][1]}")
    print(f"total: {sum(c for c, _ in per.values())} of {sum(n for _, n in per.values())}")


if __name__ == "__main__":
    main(sys.argv[1:])
