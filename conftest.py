"""pytest collects every decided case in cases/ as one test item named by its case id, so
`pytest -k NR-2023-04` replays one ruling and a new case file needs no Python (as OpenFisca
collects its YAML tests). The item fails on a mismatch or an uncovered case and says why.
A case file that marks the engine's result as a known open one (``expected_engine: open``,
with the reason) is an expected failure, strictly: if it matches, the run fails so that the
mark is removed."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CASES_DIR = Path(__file__).resolve().parent / "cases"


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent == CASES_DIR:
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseMismatch(Exception):
    pass


class CaseFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        from tarazy.engine import loading

        catalogue = loading.load_catalogue()
        doctrines = _doctrines()
        case = loading.load_case(self.path, catalogue, doctrines)
        item = CaseItem.from_parent(self, name=case.id, case=case)
        if case.open_reason is not None:
            item.add_marker(pytest.mark.xfail(reason=case.open_reason, strict=True))
        yield item


@functools.cache
def _doctrines() -> Any:
    from tarazy.engine import loading

    return loading.load_doctrines(CASES_DIR.parent / "doctrines", loading.load_catalogue())


@functools.cache
def _evaluator() -> Any:
    from tarazy.engine import loading
    from tarazy.engine.evaluating import Evaluator

    catalogue = loading.load_catalogue()
    return Evaluator(_doctrines(), catalogue, cases=loading.load_cases([], catalogue))


class CaseItem(pytest.Item):
    def __init__(self, *, case: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        from tarazy.engine import replaying

        result = replaying.replay(self.case, _evaluator())
        self.user_properties.append(("match", result.match))
        self.user_properties.append(("strict", result.strict))
        if result.match in ("mismatch", "uncovered"):
            raise CaseMismatch(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseMismatch):
            from tarazy.engine import failures  # the text the shipped plugin prints too

            return failures.case_failure(self.case, excinfo.value.args[0])
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"case {self.name}"
