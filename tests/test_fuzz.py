"""Fuzzing the input layer (issue 11): every input is a valid load or one clean ``InputError``.

Kinds of input, each a Hypothesis strategy:

* ``yaml-text``    random text built from YAML's significant tokens (anchors, tags, merge keys,
                   directives, block scalars, escapes, numbers in every notation) and bytes
                   that are not UTF-8;
* ``yaml-data``    random nested data, written as YAML, loaded as each kind of file;
* ``wrong-types``  right-shaped files (a bill, a doctrine, examples, a case, taken from the
                   repository) with one to three values replaced by wrong or extreme ones,
                   keys dropped or added; what still loads is evaluated, compiled rules
                   against the reference interpreter (so numbers and sizes reach durable);
* ``thresholds``   doctrines given a number condition with an extreme threshold, compiled
                   and matched against provisions with extreme magnitudes;
* ``file-kinds``   FIFOs, devices, directories, dangling links, empty and BOM-led files.

Anything but a load or an ``InputError`` (with a file, on one line) fails; so does a single
input taking more than ``PER_INPUT_SECONDS`` (a SIGALRM guard, not a timing test) or the
process growing by more than ``MEMORY_GROWTH_MB``.

Budget: the ``ci`` profile (the default) is derandomized and runs ``EXAMPLES`` inputs per
kind, a few seconds each. A deeper run:

    TARAZY_FUZZ=deep TARAZY_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_fuzz.py

(random seeds; ``TARAZY_FUZZ_REPORT=counts.json`` writes the inputs tried and results per
kind; ``TARAZY_FUZZ_TOLERATE=1`` counts failures instead of stopping at the first, which is
how the 0.1.0 numbers in the README were taken).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import signal
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tarazy.engine.input import loading, yamlfile
from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError
from tarazy.engine.rules.reference import ReferenceMatcher
from tarazy.engine.verdict.evaluating import Evaluator

from .conftest import CASES, DOCTRINES, EXAMPLES

DEEP = os.environ.get("TARAZY_FUZZ") == "deep"
EXAMPLES_PER_KIND = int(os.environ.get("TARAZY_FUZZ_EXAMPLES", "2000" if DEEP else "120"))
TOLERATE = os.environ.get("TARAZY_FUZZ_TOLERATE") == "1"
REPORT = os.environ.get("TARAZY_FUZZ_REPORT")
EVALUATE = os.environ.get("TARAZY_FUZZ_EVALUATE", "1") == "1"
PER_INPUT_SECONDS = 20
MEMORY_GROWTH_MB = 400

FUZZ = settings(
    max_examples=EXAMPLES_PER_KIND,
    derandomize=not DEEP,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.generate] if TOLERATE else [Phase.generate, Phase.shrink],
)

COUNTS: dict[str, Counter[str]] = {}


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start) / 1024
    if REPORT:
        data = {k: dict(v) for k, v in COUNTS.items()}
        data["_memory_growth_mb"] = {"max_rss": round(grown)}
        Path(REPORT).write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
    assert grown < MEMORY_GROWTH_MB, f"the fuzzed loads grew the process by {grown:.0f} MB"


class _TooSlow(Exception):
    pass


@contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    def ring(*_: object) -> None:
        raise _TooSlow(f"one input took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def outcome(kind: str, attempt: Callable[[], object]) -> str:
    """Run one input; count and return 'loaded' or 'input-error', else fail (or count)."""
    counts = COUNTS.setdefault(kind, Counter())
    counts["tried"] += 1
    try:
        with _alarm(PER_INPUT_SECONDS):
            attempt()
    except InputError as exc:
        text = str(exc)
        problems = getattr(exc, "problems", [exc])  # 0.1.0 had no gathered errors
        if exc.file is None or any("\n" in str(p) for p in problems):
            return _failure(kind, f"an InputError without a file, or on several lines: {text}")
        counts["input-error"] += 1
        return "input-error"
    except Exception as exc:  # anything else is a crash
        return _failure(kind, f"{type(exc).__name__}: {exc}"[:300])
    counts["loaded"] += 1
    return "loaded"


def _failure(kind: str, message: str) -> str:
    COUNTS[kind]["failed"] += 1
    COUNTS[kind][f"failed: {message.split(':')[0]}"] += 1
    if not TOLERATE:
        pytest.fail(f"{kind}: {message}")
    return "failed"


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="tarazy-fuzz-") as tmp:
        yield Path(tmp)


# --------------------------------------------------------------------------- strategies

TOKENS = [
    "a", "b", "provisions", "effects", "id", "right", "kind", "instrument", "law", "ban",
    "speech", "bill", "as_of", "magnitude", "fee_percent", "duration", "years",
    ": ", ":", "- ", "\n", "\n  ", "\n    ", "  ", "\t", "[", "]", "{", "}", ", ", "&a ", "*a",
    "&b ", "*b", "!!omap ", "!!set ", "!!python/object:os.system ", "!t ", "!!str ", "!!int ",
    "<<: ", "? ", "|\n", ">-\n", "'", '"', '"\\ud800"', '"\\x00"', '"\\U0001F600"',
    "%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "%TAG ! tag:x,2000:\n---\n", "---\n", "...\n",
    "# c", "0x1F", "0o17", "010", "1e400", "1e-05", "1.0e+16", "-0.0", ".inf", "-.inf", ".nan",
    "~", "null", "true", "yes", "no", "10:1", "2026-01-01", "1994-12-31", "2026-02-30",
    "123456789012345678901234567890", "9" * 400, "\ufeff", "ж", "\x85", "\u2028", "\x00",
]  # fmt: skip


def yaml_text() -> st.SearchStrategy[bytes]:
    pieces = st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=40)
    text = pieces.map("".join)
    encoded = text.map(lambda t: t.encode("utf-8", "surrogatepass"))
    return encoded | st.binary(max_size=64)


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**60, max_value=2**1100)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([0.00001, 1e16, 5e-324, 1.7976931348623157e308, -0.0, 1e-300])
    | st.text(max_size=12)
    | st.sampled_from(["ban", "law", "speech", "2026-01-01", "a\n", "\ud800", "1e400", "-"])
)


def yaml_data() -> st.SearchStrategy[Any]:
    return st.recursive(
        SCALARS,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.text(max_size=8) | st.sampled_from(KEYS), inner, max_size=4)
        ),
        max_leaves=30,
    )


KEYS = [
    "provisions", "effects", "id", "right", "kind", "instrument", "bill", "as_of", "magnitude",
    "when", "unless", "any", "all", "not", "gt", "has_any", "doctrine", "examples", "effect",
    "expect", "relied_on", "citation", "duration", "years", "addressees", "label",
]  # fmt: skip


def dump(data: Any) -> bytes:
    """Data as a YAML 1.2 file: JSON (a subset of YAML 1.2), non-ASCII escaped, so lone
    surrogates reach the parser as ``\\ud800`` escapes."""
    return json.dumps(data, ensure_ascii=True, allow_nan=True).encode("ascii")


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += _paths(v, (*prefix, i))
    return found


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    data = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        if not path:
            continue
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(["replace", "replace", "drop", "add", "copy"]))
        if action == "replace":
            parent[last] = draw(yaml_data())
        elif action == "drop":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS) | st.text(max_size=6))] = draw(yaml_data())
        elif action == "copy" and isinstance(parent, list):
            parent.append(parent[last])
    return data


def _base(path: Path) -> Any:
    return yamlfile.read(path).data


BASES = {
    "bill": EXAMPLES / "court-fees.yaml",
    "doctrine": DOCTRINES / "access-to-justice-fee-relief.yaml",
    "examples": DOCTRINES / "tests" / "access-to-justice-fee-relief.yaml",
    "case": CASES / "KZ-CC-NR-2023-03.yaml",
}


# --------------------------------------------------------------------------- loaders


@pytest.fixture(scope="module")
def engines(catalogue: Catalogue, doctrines: DoctrineSet) -> Iterator[tuple[Evaluator, Evaluator]]:
    with (
        Evaluator(doctrines, catalogue) as compiled,
        Evaluator(doctrines, catalogue, ReferenceMatcher(doctrines)) as reference,
    ):
        yield compiled, reference


def _write(workdir: Path, name: str, content: bytes) -> Path:
    path = workdir / name
    if path.exists() or path.is_symlink():
        path.unlink()
    path.write_bytes(content)
    return path


def _load_as(
    what: str, path: Path, catalogue: Catalogue, doctrines: DoctrineSet, engines: Any
) -> None:
    if what == "bill":
        bill = loading.load_bill(path, catalogue)
        if EVALUATE:
            compiled, reference = engines
            for p in bill.provisions:
                day = bill.as_of or dt.date(2026, 11, 1)
                assert compiled.evaluate(p, day) == reference.evaluate(p, day)
    elif what == "doctrine":
        doctrine = loading.load_doctrine(path, catalogue)
        if EVALUATE:
            others = tuple(d for d in doctrines.doctrines if d.id != doctrine.id)
            _agree(DoctrineSet((*others, doctrine), "fuzz", "fuzz"), catalogue)
    elif what == "examples":
        folder = path.parent.parent
        loading.load_doctrine_examples(folder, catalogue, doctrines)
    else:
        loading.load_case(path, catalogue, doctrines)


PROBES: list[Any] = []


def _agree(doctrines: DoctrineSet, catalogue: Catalogue) -> None:
    """Compiled rules and the reference interpreter agree on the example bills."""
    if not PROBES:
        for f in sorted(EXAMPLES.glob("*.yaml")):
            PROBES.extend(loading.load_bill(f, catalogue).provisions)
    day = dt.date(2026, 11, 1)
    with (
        Evaluator(doctrines, catalogue) as compiled,
        Evaluator(doctrines, catalogue, ReferenceMatcher(doctrines)) as reference,
    ):
        for p in PROBES:
            assert compiled.evaluate(p, day) == reference.evaluate(p, day), p.id


def _file_name(what: str, data: Any) -> str:
    """The name the loader expects (a doctrine's id is its file name), when it can be one."""
    key = {"doctrine": "id", "examples": "doctrine", "case": "id"}.get(what)
    name = data.get(key) if key and isinstance(data, dict) else None
    usable = isinstance(name, str) and name.isprintable() and "/" not in name
    if usable and str(name).strip(".") and len(str(name)) < 100:
        return f"{name}.yaml"
    return "x.yaml"


def _fresh(folder: Path) -> Path:
    """An empty folder (what an earlier input left there would be loaded with this one)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        if stale.is_dir() and not stale.is_symlink():
            stale.rmdir()
        else:
            stale.unlink()
    return folder


# --------------------------------------------------------------------------- the suite


@FUZZ
@given(content=yaml_text())
def test_fuzz_yaml_text(
    content: bytes, workdir: Path, catalogue: Catalogue, doctrines: DoctrineSet, engines: Any
) -> None:
    path = _write(workdir, "text.yaml", content)
    outcome("yaml-text", lambda: _load_as("bill", path, catalogue, doctrines, engines))


@FUZZ
@given(data=yaml_data(), what=st.sampled_from(["bill", "doctrine", "examples", "case"]))
def test_fuzz_yaml_data(
    data: Any, what: str, workdir: Path, catalogue: Catalogue, doctrines: DoctrineSet, engines: Any
) -> None:
    folder = _fresh(workdir / "data" / "tests")
    path = _write(folder, _file_name(what, data), dump(data))
    outcome("yaml-data", lambda: _load_as(what, path, catalogue, doctrines, engines))


@pytest.mark.parametrize("what", list(BASES))
def test_fuzz_wrong_types(
    what: str, workdir: Path, catalogue: Catalogue, doctrines: DoctrineSet, engines: Any
) -> None:
    base = _base(BASES[what])
    folder = workdir / f"shaped-{what}" / "tests"

    @FUZZ
    @given(data=mutated(base))
    def one(data: Any) -> None:
        path = _write(_fresh(folder), _file_name(what, data), dump(data))
        outcome(f"wrong-types/{what}", lambda: _load_as(what, path, catalogue, doctrines, engines))

    one()


NUMBERS = (
    st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from([0.00001, 1e16, 1.0e16 + 2, 5e-324, 1.7976931348623157e308, -0.0, 2**63])
)


@FUZZ
@given(
    threshold=NUMBERS,
    op=st.sampled_from(["gt", "ge", "lt", "le"]),
    negate=st.booleans(),
    magnitudes=st.lists(NUMBERS, min_size=1, max_size=4),
)
def test_fuzz_thresholds(
    threshold: float,
    op: str,
    negate: bool,
    magnitudes: list[float],
    workdir: Path,
    catalogue: Catalogue,
    doctrines: DoctrineSet,
) -> None:
    base = _base(BASES["doctrine"])
    test = {"fee_percent": {op: threshold}}
    base["when"] = {"all": [base["when"], {"not": test} if negate else test]}
    folder = workdir / "thresholds"
    folder.mkdir(exist_ok=True)
    path = _write(folder, "access-to-justice-fee-relief.yaml", dump(base))
    effects = [
        {"right": "judicial_protection", "kind": "condition", "requirement": "fee",
         "magnitude": {"fee_percent": m}}
        for m in magnitudes
    ]  # fmt: skip
    bill = _write(folder, "bill.json", dump({"provisions": [
        {"id": "p", "instrument": "code", "effects": effects}]}))  # fmt: skip

    def attempt() -> None:
        doctrine = loading.load_doctrine(path, catalogue)
        provisions = loading.load_bill(bill, catalogue).provisions
        if not EVALUATE:
            return
        others = tuple(d for d in doctrines.doctrines if d.id != doctrine.id)
        ds = DoctrineSet((*others, doctrine), "fuzz", "fuzz")
        day = dt.date(2026, 11, 1)
        with (
            Evaluator(ds, catalogue) as compiled,
            Evaluator(ds, catalogue, ReferenceMatcher(ds)) as reference,
        ):
            for p in provisions:
                assert compiled.evaluate(p, day) == reference.evaluate(p, day)

    outcome("thresholds", attempt)


def _special(kind: str, where: Path) -> Path:
    path = _fresh(where) / f"{kind}.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "dangling":
        path.symlink_to(where / "missing.yaml")
    elif kind == "loop":
        path.symlink_to(path)
    elif kind in ("dev-null", "dev-zero", "dev-urandom"):
        path.symlink_to("/dev/" + kind.split("-")[1])
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + (EXAMPLES / "court-fees.yaml").read_bytes())
    elif kind == "latin1":
        path.write_bytes("title: Qazaq\xf1\n".encode("latin-1"))
    return path


@FUZZ
@given(
    kind=st.sampled_from(
        ["fifo", "directory", "dangling", "loop", "dev-null", "dev-zero", "dev-urandom",
         "empty", "bom", "latin1"]
    ),
    what=st.sampled_from(["bill", "doctrine", "examples", "case"]),
)  # fmt: skip
def test_fuzz_file_kinds(
    kind: str,
    what: str,
    workdir: Path,
    catalogue: Catalogue,
    doctrines: DoctrineSet,
    engines: Any,
) -> None:
    path = _special(kind, workdir / "kinds" / "tests")
    outcome("file-kinds", lambda: _load_as(what, path, catalogue, doctrines, engines))
    among = workdir / "kinds-among-doctrines"
    _special(kind, among)
    (among / "legal-certainty.yaml").write_bytes((DOCTRINES / "legal-certainty.yaml").read_bytes())
    outcome("file-kinds", lambda: loading.load_doctrines(among, catalogue))
