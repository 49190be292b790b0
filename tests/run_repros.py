"""Run the hostile-input reproducers of issue 11 against a tarazy command and classify each.

Usage: python tests/run_repros.py [REPRO_DIR] [--tarazy CMD]

REPRO_DIR defaults to ../shared/repro: the corpus issue 11 names, an external corpus kept
outside the repository (beside the checkout). Each case runs under a
wall-clock timeout (20 s) and an address-space cap (2 GiB), and is one of:

  ok       the expected exit status, and when it is 2 one line on stderr with no traceback
  crash    a traceback, a signal (SIGSEGV, abort) or an unexpected status
  hang     killed by the timeout
  wrong    a clean exit, but not the one expected (e.g. a silent pass)

Not a test (pytest does not collect it): it needs the corpus, which is not in the repository.
The per-kind counts it prints are the before/after numbers of the issue.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import attrs

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 20
MEMORY_CAP = 2 * 1024**3


@attrs.frozen
class Case:
    kind: str
    name: str
    args: tuple[str, ...]
    expect: frozenset[int]
    cwd: Path | None = None
    need: str = ""  # a pattern the output must contain


@attrs.frozen
class Result:
    case: Case
    status: str
    rc: int | None
    seconds: float
    max_rss_kb: int
    detail: str


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(tarazy: list[str], case: Case) -> Result:
    start = time.monotonic()
    rss_file = tempfile.NamedTemporaryFile(prefix="tarazy-rss-", delete=False)  # noqa: SIM115
    rss_file.close()
    try:
        proc = subprocess.Popen(
            ["/usr/bin/time", "-q", "-f", "%M", "-o", rss_file.name, *tarazy, *case.args],
            cwd=case.cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            errors="replace",
            preexec_fn=_limit,
            start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.communicate()
            return Result(case, "hang", None, time.monotonic() - start, 0, f"> {TIMEOUT} s")
        seconds = time.monotonic() - start
        numbers = re.findall(r"^\d+$", Path(rss_file.name).read_text(), re.M)
        rss = int(numbers[-1]) if numbers else 0
    finally:
        os.unlink(rss_file.name)
    rc = proc.returncode
    last = (err.strip().splitlines() or [""])[-1][:160]
    lines = err.strip().splitlines()
    clean_error = all(line.startswith("tarazy: error: ") for line in lines) and bool(lines)
    if rc < 0 or "Traceback" in err or rc not in (0, 1, 2, 3, 4) or (rc == 2 and not clean_error):
        status = "crash"
    elif case.need and not re.search(case.need, err + out):
        status = "wrong"
    elif rc not in case.expect:
        status = "wrong" if rc in (0, 1, 2, 3) else "crash"
    else:
        status = "ok"
    return Result(case, status, rc, seconds, rss, last or " ".join(out.strip().splitlines()[-1:]))


def cases(repro: Path, work: Path) -> list[Case]:
    """The corpus as commands. ``work`` is a scratch directory for generated inputs."""
    r = repro
    out: list[Case] = []

    def add(kind: str, name: str, *args: str, expect: set[int], need: str = "") -> None:
        out.append(Case(kind, name, tuple(args), frozenset(expect), need=need))

    # numbers
    d1 = r / "r1-exponent-float"
    add("numbers", "r1 normal fee", "check", "--doctrines", str(d1 / "doctrines"),
        str(d1 / "normal-fee.yaml"), expect={1})  # fmt: skip
    add("numbers", "r1 fee 0.00001", "check", "--doctrines", str(d1 / "doctrines"),
        str(d1 / "tiny-fee.yaml"), expect={3})  # fmt: skip
    add("numbers", "r1 threshold 1.0e+16", "check", "--doctrines",
        str(d1 / "doctrines-threshold"), str(d1 / "normal-fee.yaml"), expect={2, 3})  # fmt: skip
    for label, value, expect in (
        ("fee 1e16", "1e16", {1}),
        ("fee 1.0e+16", "1.0e+16", {1}),
        ("fee 1e-300", "1e-300", {3}),
        ("fee 5e-324", "5e-324", {3}),
        ("fee 1e400", "1e400", {2}),
        ("fee 2**1024", str(2**1024), {1, 2}),
        ("fee 2**1023 (float max range)", str(2**1023), {1, 2}),
        ("fee 123456789012345678901234567890", "123456789012345678901234567890", {1, 2}),
    ):
        bill = work / f"fee-{len(out)}.yaml"
        bill.write_text(
            (d1 / "tiny-fee.yaml").read_text(encoding="utf-8").replace("0.00001", value),
            encoding="utf-8",
        )
        add("numbers", label, "check", "--doctrines", str(d1 / "doctrines"), str(bill),
            expect=expect)  # fmt: skip
    # size limits
    d2 = r / "r2-expression-limit"
    add("size", "r2 doctrine list", "doctrine", "list", "--doctrines", str(d2 / "doctrines"),
        expect={0})  # fmt: skip
    add("size", "r2 check", "check", "--doctrines", str(d2 / "doctrines"),
        str(d2 / "bill.yaml"), expect={3})  # fmt: skip
    d4 = work / "r4"
    d4.mkdir()
    subprocess.run([sys.executable, str(r / "r4-ruleset-size-limit" / "make_doctrines.py"), "300"],
                   cwd=d4, check=True)  # fmt: skip
    add("size", "r4 300 doctrines, list", "doctrine", "list", "--doctrines",
        str(d4 / "doctrines"), expect={0, 2})  # fmt: skip
    add("size", "r4 300 doctrines, check", "check", "--doctrines", str(d4 / "doctrines"),
        str(r / "r4-ruleset-size-limit" / "bill.yaml"), expect={1, 2})  # fmt: skip
    for attempt in range(3):
        add("size", f"R11 any-193 check #{attempt + 1}", "check", "--doctrines",
            str(r / "loader" / "R11-any-193"), str(r / "loader" / "R11-bill.yaml"),
            expect={1, 2})  # fmt: skip
    add("size", "R11 any-193 list", "doctrine", "list", "--doctrines",
        str(r / "loader" / "R11-any-193"), expect={0, 2})  # fmt: skip
    # state
    d3 = r / "r3-state-property-limit"
    for n in (27, 28, 60):
        bill = work / f"bill{n}.yaml"
        with bill.open("w", encoding="utf-8") as handle:
            subprocess.run([sys.executable, str(d3 / "make_bill.py"), str(n)], stdout=handle,
                           check=True)  # fmt: skip
        add("state", f"r3 {n} effects", "check", "--format", "json", str(bill), expect={1})
    # file kinds
    d5 = work / "r5"
    d5.mkdir()
    (d5 / "doctrines" / "tests").mkdir(parents=True)
    for f in (REPO / "doctrines").glob("*.yaml"):
        shutil.copy(str(f), d5 / "doctrines")
    (d5 / "doctrines" / "restriction-only-by-law.yaml").rename(
        d5 / "doctrines" / "restriction-only-by-law.yml"
    )
    shutil.copy(
        str(REPO / "doctrines" / "tests" / "legal-certainty.yaml"),
        str(d5 / "doctrines" / "tests" / "legal-certainty.yml"),
    )
    (d5 / "cases").mkdir()
    for f in (REPO / "cases").glob("*.yaml"):
        shutil.copy(str(f), d5 / "cases")
    (d5 / "cases" / "KZ-CC-NR-2023-03.yaml").rename(d5 / "cases" / "KZ-CC-NR-2023-03.yml")
    peaceful = str(REPO / "examples" / "peaceful-assemblies.yaml")
    add("yml", "r5 doctrine saved as .yml, check", "check", "--doctrines",
        str(d5 / "doctrines"), peaceful, expect={1}, need="does not conform: 2")  # fmt: skip
    certainty = (REPO / "doctrines" / "tests" / "legal-certainty.yaml").read_text("utf-8")
    examples = certainty.count("\n  - why:")  # the only examples file, saved as .yml
    add("yml", "r5 examples only in .yml", "doctrine", "test", "--doctrines",
        str(d5 / "doctrines"), expect={3}, need=f"{examples} examples, 0 failed")  # fmt: skip
    count = len(list((REPO / "cases").glob("*.yaml")))  # every case, the .yml one included
    add("yml", "r5 case saved as .yml, replay", "replay", "--cases", str(d5 / "cases"),
        expect={0}, need=f"{count} cases")  # fmt: skip
    yml_bill = work / "bill.yml"
    shutil.copy(peaceful, str(yml_bill))
    add("yml", "bill saved as .yml", "check", str(yml_bill), expect={1})
    d6 = r / "r6-yaml11-directive"
    add("directive", "r6 %YAML 1.1", "check", str(d6 / "bill-yaml11.yaml"), expect={2})
    add("directive", "r6 without directive", "check", str(d6 / "bill-yaml12.yaml"), expect={1})
    add("alias", "r8 alias bomb", "check", str(r / "r8-alias-bomb" / "bomb.yaml"), expect={2})
    for f in sorted((r / "loader").glob("R0*.yaml")):
        add("loader", f.stem, "check", str(f), expect={2})
    d10 = r / "r10-oneof-error-message"
    add("messages", "r10 stray key in flow mapping", "check", str(d10 / "bill.yaml"),
        expect={2}, need=r"bill.yaml:\d+: .*unknown field")  # fmt: skip
    add("messages", "r10 as_of before 1995", "check", str(d10 / "before-1995.yaml"),
        expect={2}, need=r"before-1995.yaml:\d+: ")  # fmt: skip
    # non-regular files
    fifo = work / "R08.yaml"
    os.mkfifo(fifo)
    add("special", "R08 FIFO, check", "check", str(fifo), expect={2})
    add("special", "R08 FIFO, replay", "replay", str(fifo), expect={2})
    fifo_doctrines = work / "R08-doctrines"
    shutil.copytree(REPO / "doctrines", fifo_doctrines)
    os.mkfifo(fifo_doctrines / "x.yaml")
    add("special", "R08 FIFO among doctrines", "doctrine", "test", "--doctrines",
        str(fifo_doctrines), expect={2})  # fmt: skip
    fifo_examples = work / "R08-examples"
    shutil.copytree(REPO / "doctrines", fifo_examples)
    os.mkfifo(fifo_examples / "tests" / "x.yaml")
    add("special", "R08 FIFO among examples", "doctrine", "test", "--doctrines",
        str(fifo_examples), expect={2})  # fmt: skip
    add("special", "R09 /dev/zero", "check", "/dev/zero", expect={2})
    add("special", "/dev/null", "check", "/dev/null", expect={2})
    add("special", "a directory as bill", "check", str(work), expect={2})
    sub = work / "R10-subdir"
    shutil.copytree(r / "loader" / "R10-doctrines-subdir", sub)
    (sub / "extra.yaml").mkdir()
    add("special", "R10 subdir named .yaml", "doctrine", "list", "--doctrines", str(sub),
        expect={2})  # fmt: skip
    dangling = work / "R10-dangling"
    shutil.copytree(r / "loader" / "R10-doctrines-dangling", dangling)
    (dangling / "x.yaml").symlink_to("/nonexistent.yaml")
    add("special", "R10 dangling link", "doctrine", "list", "--doctrines", str(dangling),
        expect={2})  # fmt: skip
    unreadable = work / "unreadable.yaml"
    shutil.copy(peaceful, str(unreadable))
    unreadable.chmod(0)
    if os.geteuid() != 0:
        add("special", "unreadable bill", "check", str(unreadable), expect={2})
    # silent passes
    empty = work / "empty-doctrines"
    (empty / "tests").mkdir(parents=True)
    for f in (REPO / "doctrines").glob("*.yaml"):
        shutil.copy(str(f), empty)
    add("silent", "doctrine test with zero examples", "doctrine", "test", "--doctrines",
        str(empty), expect={2, 3})  # fmt: skip
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("repro", nargs="?", default=str(REPO.parent / "shared" / "repro"))
    parser.add_argument("--tarazy", default=str(Path(sys.executable).parent / "tarazy"))
    options = parser.parse_args()
    tarazy = shlex.split(options.tarazy)
    counts: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory(prefix="tarazy-repro-") as tmp:
        show: Callable[[Result], None] = lambda res: print(  # noqa: E731
            f"{res.status:6} {res.case.kind:10} {res.case.name:40} rc={res.rc} "
            f"{res.seconds:6.2f}s {res.max_rss_kb // 1024:5d}MB  {res.detail}",
            flush=True,
        )
        for case in cases(Path(options.repro), Path(tmp)):
            res = run(tarazy, case)
            show(res)
            counts.setdefault(case.kind, Counter())[res.status] += 1
    print()
    bad = 0
    for kind, c in counts.items():
        print(f"{kind:10} " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
        bad += sum(v for k, v in c.items() if k != "ok")
    print(f"not ok: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
