"""tarazy's benchmark: where the time and the memory of a check go, against durable_rules.

    python bench/bench.py [--quick] [--seed S] [--only ROWS]

Not a test: pytest does not collect it and nothing asserts on a timing (a shared, noisy
2-core machine makes timed tests flaky). ``--quick`` runs every section at reduced sizes in
under a minute; the full run takes several minutes (the 100,000-provision check and the deep
``verify`` profile dominate).

Sections, each printed as it finishes:

* **engine** - per provision, on the same generated provisions and the same compiled
  ruleset: raw durable_rules ``Host.assert_facts`` (+ ``delete_state``) on facts encoded
  beforehand (the floor durable's public API offers); durable's C entry points alone
  (``durable_rules_engine.assert_facts`` on JSON serialised beforehand, the action loop
  in C calls, no Python action); tarazy's matching (``CompiledRules.match``: encoding,
  durable, reading the result); a full verdict (``Evaluator.evaluate``: facts, matching,
  findings, reasons); the pure-Python reference interpreter, matching and verdict.
* **end to end** - ``tarazy check`` of generated bills of 1,000 and 10,000 provisions in a
  subprocess (load + validate + evaluate + report as JSON): child CPU time, provisions
  per CPU-second; with ``--jobs 2`` at 100,000 provisions (full run): wall time and peak
  RSS of the process tree, sampled.
* **cold start** - ``tarazy check`` of a one-provision file against ``python -c pass`` and
  ``python -c "import durable.lang"``, each a subprocess, interleaved, after a warm-up run
  of each (bytecode caches written); also with an empty cache directory (the first run on
  a machine).
* **memory** - in a subprocess, 100,000 evaluations (20,000 in --quick) of generated
  provisions, none kept: RSS after a tenth of them and at the end (``/proc/self/status``)
  and the peak (``ru_maxrss``).
* **verify** - generated examples per CPU-second for each property (profile ci, a fixed
  seed), and in the full run the wall time of ``tarazy verify --profile deep``.

The last line is machine-readable:
``verdict_vs_durable=X cold_start_vs_durable_import=Y check_provisions_per_s=Z
peak_rss_mb_100k=W`` (X: median paired ratio of a full verdict to raw durable; Y: median
paired ratio of CPU time; Z: at 10,000 provisions, or 2,000 in --quick; W: at 100,000
evaluations, or 20,000 in --quick).

Why not pyperf or hyperfine. Their conventions are followed where they fit and stated where
not: like pyperf, every number is a median over repeated runs (never a minimum, which on
a shared machine once showed a verdict faster than the matching inside it), the spread is
printed, and rows are compared only within one run; like hyperfine, commands are measured
as subprocesses against a baseline command (``python -c pass``) and the ratio is reported.
Unlike both: (1) runs are *interleaved* - each round runs every row once, in a rotating
order, and ratios are taken per round then their median (paired), so a burst of load from
another process hits both sides of a ratio alike; pyperf runs one benchmark's processes
back to back, hyperfine one command's runs back to back. (2) The measure is *CPU time*
(``time.process_time`` in-process, the child's ``rusage`` for subprocesses), not wall
time, because the machine is shared: CPU time does not count the time another process
held the core. Wall time is printed beside it where it matters (cold start, --jobs).
(3) Neither tool measures peak RSS of a process tree or reads a verdict per second from
inside one process; and neither is a dependency of the project, so the benchmark runs
wherever tarazy is installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

DAY = dt.date(2026, 11, 1)
REPO = Path(__file__).resolve().parent.parent


def _median(xs: Sequence[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def _spread(xs: Sequence[float]) -> str:
    if len(xs) < 2:
        return ""
    return f"[{min(xs):.3g}..{max(xs):.3g}]"


def interleaved(rows: dict[str, Callable[[], None]], rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each row per round; every round runs every row once, in a rotated
    order."""
    names = list(rows)
    times: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            start = time.process_time()
            rows[name]()
            times[name].append(time.process_time() - start)
    return times


def paired(times: dict[str, list[float]], top: str, bottom: str) -> float:
    return _median([a / b for a, b in zip(times[top], times[bottom], strict=True) if b > 0])


# --------------------------------------------------------------------------- setup


def _provisions(count: int, seed: int) -> list[Any]:
    from tarazy.engine.input import loading
    from tarazy.engine.verification import synthetic

    catalogue = loading.load_catalogue()
    seeds = [c.provision for c in loading.load_cases([], catalogue)]
    return list(synthetic.provisions(count, seed, catalogue, seeds))


def write_bill(path: Path, count: int, seed: int) -> None:
    from tarazy.engine.input import loading
    from tarazy.engine.verification import synthetic

    catalogue = loading.load_catalogue()
    seeds = [c.provision for c in loading.load_cases([], catalogue)]
    with path.open("w", encoding="utf-8") as out:
        synthetic.write_bill(
            out,
            synthetic.provisions(count, seed, catalogue, seeds),
            f"Synthetic bill of {count} provisions",
            DAY.isoformat(),
        )


# --------------------------------------------------------------------------- engine


def engine_section(count: int, rounds: int, seed: int) -> dict[str, float]:
    import durable_rules_engine

    from tarazy.engine.input import loading
    from tarazy.engine.model.facts import effect_facts, field_registry
    from tarazy.engine.rules.compiling import CompiledRules, encode
    from tarazy.engine.rules.reference import ReferenceMatcher
    from tarazy.engine.verdict.evaluating import Evaluator

    catalogue = loading.load_catalogue()
    doctrines = loading.load_doctrines(None, catalogue)
    fields = field_registry(catalogue)
    provisions = _provisions(count, seed)
    edition = "2026"
    facts = [[effect_facts(p, e, edition, catalogue) for e in p.effects] for p in provisions]
    effects = sum(len(f) for f in facts)
    print(
        f"engine: {count} provisions, {effects} effects, {len(doctrines.doctrines)} doctrines, "
        f"{rounds} interleaved rounds, CPU time, µs per provision (median [min..max])"
    )
    sid = iter(range(10**9, 10**12))
    cases = loading.load_cases([], catalogue, doctrines)  # a verdict asks the case base too
    with (
        CompiledRules(doctrines, fields) as rules,
        Evaluator(doctrines, catalogue, cases=cases) as ev,
    ):
        # The bundled doctrines compile to one durable ruleset (engine/rules/compiling.py splits
        # larger sets); raw durable and its C entry points run that ruleset on the same facts.
        assert rules.ruleset_count == 1, "the bundled doctrines no longer fit one ruleset"
        ruleset = rules._rulesets[0]
        host, name, handle = ruleset.host, ruleset.name, ruleset.handle
        encoded = [
            [encode(f, i, fields, ruleset.read, rules.thresholds) for i, f in enumerate(per)]
            for per in facts
        ]

        def batches() -> list[list[dict[str, object]]]:
            out = []
            for per in encoded:
                s = str(next(sid))
                out.append([{**fact, "sid": s} for fact in per])
            return out

        def raw() -> None:
            for batch in batches():
                host.assert_facts(name, batch)
                host.delete_state(name, batch[0]["sid"])

        def c_entry() -> None:
            # The facts are encoded beforehand, as for raw durable; serialising them to the
            # JSON the C engine reads is part of the row (the C engine takes only text).
            for batch in batches():
                s = batch[0]["sid"]
                result = durable_rules_engine.assert_facts(handle, json.dumps(batch))
                state = result[1]
                action = durable_rules_engine.start_action_for_state(handle, state)
                while action:
                    action = durable_rules_engine.complete_and_start_action(handle, state)
                durable_rules_engine.delete_state(handle, s)

        def matching() -> None:
            for per in facts:
                rules.match(per)

        def verdicts() -> None:
            for p in provisions:
                ev.evaluate(p, DAY, edition)

        reference = ReferenceMatcher(doctrines)
        ref_eval = Evaluator(doctrines, catalogue, reference, cases=cases)

        def ref_matching() -> None:
            for per in facts:
                reference(per)

        def ref_verdicts() -> None:
            for p in provisions:
                ref_eval.evaluate(p, DAY, edition)

        rows: dict[str, Callable[[], None]] = {
            "raw durable": raw,
            "durable C entry points": c_entry,
            "tarazy matching": matching,
            "tarazy verdict": verdicts,
            "reference matching": ref_matching,
            "reference verdict": ref_verdicts,
        }
        times = interleaved(rows, rounds)
    for label, ts in times.items():
        per = [t / count * 1e6 for t in ts]
        print(f"  {label:24} {_median(per):8.1f} µs  {_spread(per)}")
    ratios = {
        "matching_vs_durable": paired(times, "tarazy matching", "raw durable"),
        "verdict_vs_durable": paired(times, "tarazy verdict", "raw durable"),
        "verdict_vs_c": paired(times, "tarazy verdict", "durable C entry points"),
        "verdict_vs_matching": paired(times, "tarazy verdict", "tarazy matching"),
        "reference_verdict_vs_durable": paired(times, "reference verdict", "raw durable"),
    }
    for key, value in ratios.items():
        print(f"  {key:28} {value:6.2f}x (median of per-round ratios)")
    return ratios


# --------------------------------------------------------------------------- subprocesses


def run_child(args: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """(child CPU seconds, wall seconds, exit status) of one command, output discarded."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(args, stdout=null, stderr=null, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, wall, proc.returncode


TARAZY = [sys.executable, "-m", "tarazy.cli.main"]


def end_to_end(sizes: Sequence[int], rounds: int, seed: int, work: Path) -> dict[int, float]:
    print("end to end: tarazy check --format json, subprocess, child CPU time")
    rates: dict[int, float] = {}
    for size in sizes:
        bill = work / f"bill-{size}.yaml"
        if not bill.exists():
            write_bill(bill, size, seed)
        cpu, wall = [], []
        for _ in range(rounds if size <= 1000 else 1):
            c, w, code = run_child([*TARAZY, "check", str(bill), "--format", "json"])
            if code not in (0, 1, 3):
                raise SystemExit(f"tarazy check failed with status {code} on {bill}")
            cpu.append(c)
            wall.append(w)
        rates[size] = size / _median(cpu)
        print(
            f"  {size:>7} provisions  {_median(cpu):7.2f} CPU-s  {_median(wall):7.2f} s wall  "
            f"{rates[size]:8.0f} provisions per CPU-second"
        )
    return rates


def _tree_rss_kb(pid: int) -> int:
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return total


def big_check(size: int, jobs: int, seed: int, work: Path) -> tuple[float, float, int]:
    """Wall seconds, sampled peak RSS (MB) of the process tree, exit status."""
    bill = work / f"bill-{size}.yaml"
    if not bill.exists():
        write_bill(bill, size, seed)
    help_text = subprocess.run([*TARAZY, "check", "--help"], capture_output=True, text=True)
    args = [*TARAZY, "check", str(bill), "--format", "json"]
    if "--jobs" in help_text.stdout:
        args += ["--jobs", str(jobs)]
    else:
        print("  (this tarazy has no --jobs: measured serially)")
    peak = 0
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(args, stdout=null, stderr=subprocess.DEVNULL)
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.05)
    wall = time.perf_counter() - start
    return wall, peak / 1024, proc.returncode


def cold_start(rounds: int, work: Path) -> float:
    one = work / "one.yaml"
    one.write_text(
        "id: one\ninstrument: code\neffects:\n"
        "  - {right: judicial_protection, kind: condition, requirement: fee}\n",
        encoding="utf-8",
    )
    empty_cache = work / "empty-cache"
    commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        "import durable.lang": ([sys.executable, "-c", "import durable.lang"], None),
        "tarazy check (1 provision)": ([*TARAZY, "check", str(one), "--as-of", "2026-11-01"], None),
        "  same, empty cache dir": (
            [*TARAZY, "check", str(one), "--as-of", "2026-11-01"],
            {**os.environ, "XDG_CACHE_HOME": str(empty_cache)},
        ),
    }
    cpu: dict[str, list[float]] = {k: [] for k in commands}
    wall: dict[str, list[float]] = {k: [] for k in commands}
    # Warm up: the parse cache, the page cache, and bytecode caches - written here even where
    # PYTHONDONTWRITEBYTECODE is set (as in some sandboxes), because an installed tarazy has
    # them and `import durable.lang` reads its own.
    warm = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for args, _ in commands.values():
        run_child(args, warm)
    names = list(commands)
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            args, env = commands[name]
            if env is not None:
                subprocess.run(["rm", "-rf", str(empty_cache)], check=True)
            c, w, _ = run_child(args, env)
            cpu[name].append(c)
            wall[name].append(w)
    print(f"cold start: {rounds} interleaved rounds, subprocess, median CPU and wall ms")
    for name in names:
        print(
            f"  {name:28} {_median(cpu[name]) * 1e3:7.1f} ms CPU  "
            f"{_median(wall[name]) * 1e3:7.1f} ms wall"
        )
    ratio = paired(cpu, "tarazy check (1 provision)", "import durable.lang")
    wall_ratio = paired(wall, "tarazy check (1 provision)", "import durable.lang")
    print(f"  check vs import durable.lang: {ratio:.2f}x CPU, {wall_ratio:.2f}x wall (paired)")
    return ratio


# --------------------------------------------------------------------------- memory


def rss_worker(count: int, seed: int) -> None:
    """Runs in a child: evaluate ``count`` generated provisions, keep none, report RSS."""
    from tarazy.engine.input import loading
    from tarazy.engine.verdict.evaluating import Evaluator
    from tarazy.engine.verification import synthetic

    def rss_kb() -> int:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    catalogue = loading.load_catalogue()
    doctrines = loading.load_doctrines(None, catalogue)
    seeds = [c.provision for c in loading.load_cases([], catalogue)]
    tenth = 0
    with Evaluator(doctrines, catalogue) as ev:
        for n, p in enumerate(synthetic.provisions(count, seed, catalogue, seeds), 1):
            ev.evaluate(p, DAY, "2026")
            if n == count // 10:
                tenth = rss_kb()
    final = rss_kb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"tenth_kb": tenth, "final_kb": final, "peak_kb": peak}))


def memory(count: int, seed: int) -> float:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--rss-worker", str(count), "--seed", str(seed)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    growth = (data["final_kb"] - data["tenth_kb"]) / data["tenth_kb"] * 100
    print(
        f"memory: {count} evaluations in {time.perf_counter() - start:.0f} s: RSS "
        f"{data['tenth_kb'] / 1024:.1f} MB after {count // 10}, {data['final_kb'] / 1024:.1f} MB "
        f"at the end ({growth:+.1f}%), peak {data['peak_kb'] / 1024:.1f} MB"
    )
    return float(data["peak_kb"]) / 1024


# --------------------------------------------------------------------------- verify


def verify_section(examples: int, deep: bool) -> None:
    from tarazy.engine.input import loading
    from tarazy.engine.verification import verifying

    catalogue = loading.load_catalogue()
    doctrines = loading.load_doctrines(None, catalogue)
    cases = loading.load_cases([], catalogue, doctrines)
    ex = loading.load_doctrine_examples(None, catalogue, doctrines)
    print(f"verify: examples per CPU-second, profile ci, --examples {examples}")
    with verifying.context(catalogue, doctrines, cases, 20261122, ex) as ctx:
        for prop in (*verifying.PROPERTIES, verifying.ADEQUACY):
            if prop.name == "adequacy" and not deep:
                continue
            start = time.process_time()
            result = verifying.run_property(prop, ctx, "ci", examples, 20261122)
            cpu = time.process_time() - start
            print(
                f"  {prop.name:16} {result.examples:5} examples  {cpu:6.2f} CPU-s  "
                f"{result.examples / cpu if cpu else float('inf'):8.0f}/s  {result.status}"
            )
    if deep:
        c, w, code = run_child(
            [*TARAZY, "verify", "--profile", "deep", "--seed", "20261122", "--format", "json"]
        )
        print(f"  tarazy verify --profile deep: {w:.1f} s wall, {c:.1f} CPU-s, exit {code}")


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="reduced sizes, under a minute")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--only",
        default="engine,e2e,big,cold,memory,verify",
        help="comma-separated sections to run (engine, e2e, big, cold, memory, verify)",
    )
    parser.add_argument("--rss-worker", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_worker is not None:
        rss_worker(args.rss_worker, args.seed)
        return
    only = set(args.only.split(","))
    quick = args.quick
    if quick:
        only.discard("big")
    random.seed(args.seed)
    results: dict[str, float] = {}
    print(f"tarazy benchmark ({'quick' if quick else 'full'}), python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="tarazy-bench-") as tmp:
        work = Path(tmp)
        if "engine" in only:
            ratios = engine_section(500 if quick else 3000, 5 if quick else 7, args.seed)
            results["verdict_vs_durable"] = ratios["verdict_vs_durable"]
        if "e2e" in only:
            sizes = (1000, 2000) if quick else (1000, 10000)
            rates = end_to_end(sizes, 3, args.seed, work)
            results["check_provisions_per_s"] = rates[sizes[-1]]
        if "big" in only:
            wall, peak, code = big_check(100_000, 2, args.seed, work)
            print(
                f"100,000 provisions, --jobs 2: {wall:.1f} s wall, peak RSS of the process "
                f"tree {peak:.0f} MB (sampled every 50 ms), exit {code}"
            )
        if "cold" in only:
            results["cold_start_vs_durable_import"] = cold_start(8 if quick else 20, work)
        if "memory" in only:
            results["peak_rss_mb_100k"] = memory(20_000 if quick else 100_000, args.seed)
        if "verify" in only:
            verify_section(15 if quick else 150, deep=not quick)
    keys = ("verdict_vs_durable", "cold_start_vs_durable_import", "check_provisions_per_s")
    line = " ".join(f"{k}={results[k]:.2f}" if k in results else f"{k}=nan" for k in keys)
    peak_rss = results.get("peak_rss_mb_100k")
    print(f"{line} peak_rss_mb_100k={peak_rss:.1f}" if peak_rss else f"{line} peak_rss_mb_100k=nan")


if __name__ == "__main__":
    main()
