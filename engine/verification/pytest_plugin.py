"""A pytest plugin shipped with tarazy (entry point ``pytest11``: ``tarazy``): collects the
decided cases and the doctrine examples of any configured folder as test items, so a
project that keeps its own doctrines or cases runs them with ``pytest``.

Configure it in ``pytest.ini`` / ``pyproject.toml`` (``[tool.pytest.ini_options]``)::

    tarazy_cases = cases            # folders of case files: one item per case, named by id
    tarazy_doctrines = doctrines    # a doctrines folder: one item per example in its tests/

Nothing is collected unless a folder is configured (``-p no:tarazy`` disables the plugin).
A case item fails on a mismatch or an uncovered result and says why; a case file marked
``expected_engine: open`` is a strict expected failure. An example item fails when its
doctrine does not do what it expects. The failure texts are ``failures.case_failure`` and
``failures.example_failure``, the ones ``tarazy doctrine test`` prints. The cases are
evaluated against the configured doctrines (the bundled ones if none), with the configured
cases as the case base (the bundled ones if none).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

YAML = (".yaml", ".yml")


def pytest_addoption(parser: pytest.Parser) -> None:
    """The two ini options."""
    parser.addini("tarazy_cases", "folders of tarazy case files to replay", type="paths")
    parser.addini(
        "tarazy_doctrines",
        "a folder of tarazy doctrines whose tests/ examples to run",
        type="paths",
    )


class _Setup:
    """What one session loads once: the doctrines, the case base and an evaluator."""

    def __init__(self, config: pytest.Config) -> None:
        self.case_dirs = [Path(p).resolve() for p in config.getini("tarazy_cases")]
        doctrine_dirs = [Path(p).resolve() for p in config.getini("tarazy_doctrines")]
        self.doctrines_dir = doctrine_dirs[0] if doctrine_dirs else None
        self._loaded: dict[str, Any] = {}

    def load(self) -> dict[str, Any]:
        if not self._loaded:
            from tarazy.engine.input import loading
            from tarazy.engine.verdict.evaluating import Evaluator

            catalogue = loading.load_catalogue()
            doctrines = loading.load_doctrines(self.doctrines_dir, catalogue)
            cases = loading.load_cases(self.case_dirs, catalogue, doctrines)
            self._loaded = {
                "catalogue": catalogue,
                "doctrines": doctrines,
                "evaluator": Evaluator(doctrines, catalogue, cases=cases),
                # examples are run as `tarazy doctrine test` runs them: with the case base
                "examples": Evaluator(doctrines, catalogue, cases=cases),
            }
        return self._loaded

    def close(self) -> None:
        if self._loaded:
            self._loaded["evaluator"].close()
            self._loaded["examples"].close()


_KEY = pytest.StashKey[_Setup]()


def pytest_configure(config: pytest.Config) -> None:
    """Read the configured folders."""
    config.stash[_KEY] = _Setup(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Release the rule engine."""
    setup = config.stash.get(_KEY, None)
    if setup is not None:
        setup.close()


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    """A case file of a configured case folder, or an examples file of the configured
    doctrines' tests/ folder."""
    setup = parent.config.stash.get(_KEY, None)
    if setup is None or file_path.suffix not in YAML or file_path.name.startswith("."):
        return None
    folder = file_path.resolve().parent
    if folder in setup.case_dirs:
        return TarazyCaseFile.from_parent(parent, path=file_path, tarazy=setup)
    if setup.doctrines_dir is not None and folder == setup.doctrines_dir / "tests":
        return TarazyExamplesFile.from_parent(parent, path=file_path, tarazy=setup)
    return None


class CaseMismatch(Exception):
    """A decided case the doctrines do not reproduce."""


class TarazyCaseFile(pytest.File):
    """One case file: one item, named by the case id."""

    def __init__(self, *, tarazy: _Setup, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tarazy = tarazy

    def collect(self) -> Iterator[pytest.Item]:
        """One item for the case in this file, expected to fail (strict) when the case
        records a known open result."""
        from tarazy.engine.input import loading

        loaded = self.tarazy.load()
        case = loading.load_case(self.path, loaded["catalogue"], loaded["doctrines"])
        item = TarazyCaseItem.from_parent(self, name=case.id, case=case, tarazy=self.tarazy)
        if case.open_reason is not None:
            item.add_marker(pytest.mark.xfail(reason=case.open_reason, strict=True))
        yield item


class TarazyCaseItem(pytest.Item):
    """Replay one case; fail on a mismatch or an uncovered result."""

    def __init__(self, *, case: Any, tarazy: _Setup, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.tarazy = tarazy

    def runtest(self) -> None:
        """Replay the case; raise ``CaseMismatch`` on a mismatch or an uncovered stage."""
        from tarazy.engine.analysis import replaying

        result = replaying.replay(self.case, self.tarazy.load()["evaluator"])
        self.user_properties.append(("match", result.match))
        self.user_properties.append(("strict", result.strict))
        if result.match in ("mismatch", "uncovered"):
            raise CaseMismatch(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """The failure as ``failures.case_failure`` words it."""
        if isinstance(excinfo.value, CaseMismatch):
            from tarazy.engine.analysis import failures

            return failures.case_failure(self.case, excinfo.value.args[0])
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        """(path, line, label) for pytest; the line is 0-based, as pytest counts."""
        return self.path, 0, f"case {self.name}"


class ExampleFailed(Exception):
    """A doctrine example whose doctrine did something else."""


class TarazyExamplesFile(pytest.File):
    """One examples file: one item per example, named <doctrine>-<n>."""

    def __init__(self, *, tarazy: _Setup, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tarazy = tarazy

    def collect(self) -> Iterator[pytest.Item]:
        """One item per example in the file, named by the example's provision id."""
        from tarazy.engine.input import loading

        loaded = self.tarazy.load()
        for ex in loading.examples_of(self.path, loaded["catalogue"], loaded["doctrines"]):
            yield TarazyExampleItem.from_parent(
                self, name=ex.provision.id, example=ex, tarazy=self.tarazy
            )


class TarazyExampleItem(pytest.Item):
    """Evaluate one example; fail when its doctrine does not do what it expects."""

    def __init__(self, *, example: Any, tarazy: _Setup, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.example = example
        self.tarazy = tarazy

    def runtest(self) -> None:
        """Evaluate the example; raise ``ExampleFailed`` when it does not hold."""
        from tarazy.engine.analysis import examplecheck

        ex = self.example
        verdict = self.tarazy.load()["examples"].evaluate(ex.provision, ex.as_of)
        wrong = examplecheck.mismatch(verdict, ex)
        if wrong is not None:
            raise ExampleFailed(wrong[1], wrong[0])

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """The failure as ``failures.example_failure`` words it."""
        if isinstance(excinfo.value, ExampleFailed):
            from tarazy.engine.analysis import failures

            return failures.example_failure(self.example, *excinfo.value.args)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        """(path, line, label) for pytest; the line is 0-based, as pytest counts
        (the example's own location is 1-based)."""
        line = self.example.location.line - 1 if self.example.location else 0
        return self.path, line, f"example {self.name}"
