"""`tarazy check` as a stream: verdicts written as they are made, serially or in processes.

The input is read and validated in full before this module is called (no half output on
bad input). Then the report is written in three parts, through a thin interface that
knows nothing of a verdict's shape:

* the opening (for JSON, ``{"provisions": [``; for JUnit and SARIF, ``ciformats``);
* one rendered piece per provision, in input order - in text, preceded by a group header
  whenever the file or the edition changes - each rendered by ``check_text``/``check_json`` from one
  ``CheckedProvision`` (``Checker.piece``);
* the closing: the summary by outcome and the stamp (version and content hashes).

JUnit keeps one file's test cases until the file ends (its suite states their counts);
every other format writes each piece as it comes.

With ``jobs > 1`` the provisions are evaluated and rendered in worker processes, in
chunks; each worker builds its own ``Evaluator`` (durable_rules' state lives in the
process that registered the ruleset). The parent writes the pieces in input order, so
the output is byte-for-byte the serial one; at most ``4 * jobs`` chunks are in flight, so
memory does not grow with the input. Workers are started with ``forkserver`` (``spawn``
where there is none): they do not inherit the parent's copy of a large bill.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from tarazy.engine.model import Bill, Case, DoctrineSet, Provision
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import EngineError, InputError
from tarazy.engine.reports import batch, check_json, check_text
from tarazy.engine.verdict.evaluating import Evaluator

if TYPE_CHECKING:
    from concurrent.futures import Future

CHUNK = 200  # provisions per task: large enough to pay for pickling, small for streaming


@attrs.frozen
class Group:
    """Provisions of one file checked on one day under one edition."""

    file: str
    day: dt.date
    edition: str
    provisions: Sequence[Provision]
    # the --as-of date the bill's own as_of overrode (None: it did not)
    overridden: dt.date | None = None
    # options the explain pointer repeats so that it explains this very check
    # (--doctrines DIR, --cases DIR)
    explain_options: tuple[str, ...] = ()


def groups_of(
    bills: Iterable[Bill],
    catalogue: Catalogue,
    default_day: dt.date,
    as_of: dt.date | None = None,
    explain_options: tuple[str, ...] = (),
) -> list[Group]:
    """One group per bill: checked on its own ``as_of`` if it states one, else on
    ``default_day``, under the edition in force that day; ``as_of`` (the ``--as-of`` given,
    if any) is recorded where the bill's own date overrides it."""
    from tarazy.engine.verdict.evaluating import edition_for

    found = []
    for bill in bills:
        day = bill.as_of or default_day
        overridden = batch.overridden_as_of(bill, as_of)
        edition = edition_for(day, catalogue)
        found.append(Group(bill.path, day, edition, bill.provisions, overridden, explain_options))
    return found


class Checker:
    """Evaluates one provision and renders its piece of the report."""

    def __init__(
        self,
        doctrines: DoctrineSet,
        catalogue: Catalogue,
        fmt: str,
        lang: str,
        cases: Sequence[Case] = (),
    ) -> None:
        from tarazy.engine.analysis import survival

        self.doctrines, self.catalogue, self.fmt, self.lang = doctrines, catalogue, fmt, lang
        self.evaluator = Evaluator(doctrines, catalogue, cases=cases)
        self._warnings = survival.basis_warnings

    def piece(self, provision: Provision, group: Group) -> tuple[str, str]:
        """(outcome, the provision's piece of the report)."""
        verdict = self.evaluator.evaluate(provision, group.day, group.edition, self.lang)
        item = check_json.CheckedProvision(
            verdict,
            group.file,
            check_text.drafting_notes(verdict, self.lang),
            self._warnings(verdict, self.doctrines, self.catalogue, self.lang),
            group.overridden,
            group.explain_options,
        )
        if self.fmt == "json":
            return verdict.outcome, check_json.provision_json_text(item)
        if self.fmt == "sarif":
            from tarazy.engine.reports import ciformats

            explain = check_json.explain_command(item, self.lang)
            return verdict.outcome, ciformats.sarif_piece(
                ciformats.sarif_results(item, explain, self.lang)
            )
        lines = check_text.text_provision(item, self.doctrines, self.catalogue, self.lang)
        if self.fmt == "junit":
            from tarazy.engine.reports import ciformats

            return verdict.outcome, ciformats.junit_case(item, lines, self.lang)
        return verdict.outcome, "\n".join(lines) + "\n"

    def close(self) -> None:
        """Free the evaluator (its durable_rules rulesets)."""
        self.evaluator.close()


class Report:
    """Writes the opening, the pieces in order, and the closing of one report."""

    def __init__(
        self,
        write: Callable[[str], object],
        fmt: str,
        catalogue: Catalogue,
        lang: str,
        stamp: Mapping[str, Any] | None = None,
        doctrines: DoctrineSet | None = None,
    ) -> None:
        self.write, self.fmt, self.catalogue, self.lang = write, fmt, catalogue, lang
        self.stamp = stamp  # version and content hashes, closing the report (None: not said)
        self.editions: set[str] = set()
        self.counts: Counter[str] = Counter()
        self._header: tuple[str, str, dt.date] | None = None
        # JUnit: the test cases of the current file, written as a suite when it ends
        self._suite: tuple[str, Counter[str], list[str]] | None = None
        self._results = False  # SARIF: a result was written
        self.progress: Callable[[], object] | None = None  # told of each provision added
        if fmt == "json":
            self.write(check_json.JSON_OPEN)
        elif fmt == "junit":
            from tarazy.engine.reports import ciformats

            self.write(ciformats.JUNIT_OPEN)
        elif fmt == "sarif":
            from tarazy.engine.reports import ciformats

            if doctrines is None:
                raise ValueError("a SARIF report names its rules: pass the doctrines")
            version = str(stamp["version"]) if stamp else "unknown"
            self.write(ciformats.sarif_open(doctrines, version))

    def add(self, group: Group, outcome: str, piece: str) -> None:
        """Write the piece of one provision (its verdict ``outcome`` counted) in the report's
        format, after the group's heading when it opens a new bill."""
        first = not self.counts
        self.counts[outcome] += 1
        self.editions.add(group.edition)
        if self.progress is not None:
            self.progress()
        if self.fmt == "json":
            self.write(check_json.json_item(piece, first))
            return
        if self.fmt == "sarif":
            if piece:
                self.write(("," if self._results else "") + "\n        " + piece)
                self._results = True
            return
        if self.fmt == "junit":
            if self._suite is None or self._suite[0] != group.file:
                self._end_suite()
                self._suite = (group.file, Counter(), [])
            self._suite[1][outcome] += 1
            self._suite[2].append(piece)
            return
        header = (group.file, group.edition, group.day)
        if header != self._header:
            self._header = header
            lines = check_text.text_header(
                group.file, group.edition, group.day, self.catalogue, self.lang, first
            )
            if group.overridden is not None:
                lines.append(check_text.override_line(group.day, group.overridden, self.lang))
            self.write("\n".join(lines) + "\n")
        self.write(piece)

    def _end_suite(self) -> None:
        if self._suite is not None:
            from tarazy.engine.reports import ciformats

            self.write(ciformats.junit_suite(*self._suite))
            self._suite = None

    def close(self) -> None:
        """Write the closing of the report: the counts, the stamp, and the end of the JSON,
        JUnit or SARIF document."""
        if self.fmt == "json":
            self.write(check_json.json_close(self.counts, bool(self.counts), self.stamp))
        elif self.fmt == "junit":
            from tarazy.engine.reports import ciformats

            self._end_suite()
            self.write(ciformats.junit_properties(self.stamp) + ciformats.JUNIT_CLOSE)
        elif self.fmt == "sarif":
            from tarazy.engine.reports import ciformats

            self.write(ciformats.sarif_close(self.stamp, self._results))
        else:
            lines = check_text.text_summary(self.counts, self.lang)
            if self.stamp is not None:
                lines.append(check_text.stamp_text(self.stamp, sorted(self.editions), self.lang))
            self.write("\n".join(lines) + "\n")


def run(
    groups: Sequence[Group],
    report: Report,
    doctrines: DoctrineSet,
    catalogue: Catalogue,
    jobs: int = 1,
    cases: Sequence[Case] = (),
) -> Counter[str]:
    """Evaluate every provision of the groups and write the report; returns the outcomes
    counted."""
    if jobs <= 1 or sum(len(g.provisions) for g in groups) <= CHUNK:
        checker = Checker(doctrines, catalogue, report.fmt, report.lang, cases)
        try:
            for group in groups:
                for provision in group.provisions:
                    report.add(group, *checker.piece(provision, group))
        finally:
            checker.close()
    else:
        for group, outcome, piece in _parallel(groups, doctrines, catalogue, report, jobs, cases):
            report.add(group, outcome, piece)
    report.close()
    return report.counts


# --------------------------------------------------------------------------- processes

_worker: Checker | None = None


def _start_worker(
    doctrines: DoctrineSet, catalogue: Catalogue, fmt: str, lang: str, cases: Sequence[Case]
) -> None:
    global _worker
    _worker = Checker(doctrines, catalogue, fmt, lang, cases)


def _work(group: Group) -> list[tuple[str, str]]:
    assert _worker is not None, "the worker was not started"
    return [_worker.piece(p, group) for p in group.provisions]


def _chunks(groups: Iterable[Group]) -> Iterator[Group]:
    for group in groups:
        for start in range(0, len(group.provisions), CHUNK):
            yield attrs.evolve(group, provisions=tuple(group.provisions[start : start + CHUNK]))


def _parallel(
    groups: Sequence[Group],
    doctrines: DoctrineSet,
    catalogue: Catalogue,
    report: Report,
    jobs: int,
    cases: Sequence[Case] = (),
) -> Iterator[tuple[Group, str, str]]:
    import multiprocessing  # only for --jobs: not imported at start-up
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: workers do not inherit (and copy on write) the parent's loaded input;
    # spawn where there is no forkserver (Windows).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_start_worker,
        initargs=(doctrines, catalogue, report.fmt, report.lang, tuple(cases)),
    ) as pool:
        pending: deque[tuple[Group, Future[list[tuple[str, str]]]]] = deque()
        chunks = _chunks(groups)
        for chunk in chunks:
            pending.append((chunk, pool.submit(_work, chunk)))
            if len(pending) >= 4 * jobs:
                yield from _drain(pending.popleft())
        while pending:
            yield from _drain(pending.popleft())


def _drain(entry: tuple[Group, Future[list[tuple[str, str]]]]) -> Iterator[tuple[Group, str, str]]:
    group, future = entry
    try:
        pieces = future.result()
    except (EngineError, InputError):
        raise
    except Exception as exc:  # a worker died or could not be started: never a verdict
        raise EngineError(f"a worker process failed ({type(exc).__name__}: {exc})") from exc
    for outcome, piece in pieces:
        yield group, outcome, piece
