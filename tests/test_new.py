"""`tarazy doctrine new`: skeletons that point editors at the shipped schemas, never
overwrite, do not load half-written, and load once filled."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.analysis import linting, skeleton
from tarazy.engine.input import loading
from tarazy.engine.model.catalogue import Catalogue

from .conftest import CASES, DOCTRINES, REPO

RULING = "KZ-CC-NR-2025-80"


@pytest.mark.parametrize("kind", skeleton.SCHEMA_KINDS)
def test_the_shipped_schemas_are_what_tarazy_schema_prints(kind: str) -> None:
    printed = CliRunner().invoke(main, ["schema", kind])
    assert printed.exit_code == 0
    shipped = (skeleton.SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8")
    assert shipped == printed.output, (
        f"engine/data/schemas/{kind}.json is stale: rewrite it with "
        f"`tarazy schema {kind} > engine/data/schemas/{kind}.json`"
    )


def test_the_schemas_are_package_data() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/schemas/*.json"' in text


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(DOCTRINES, tmp_path / "doctrines")
    shutil.copytree(CASES, tmp_path / "cases")
    return tmp_path / "doctrines", tmp_path / "cases"


def new(dirs: tuple[Path, Path], *extra: str) -> tuple[int, str]:
    args = ["doctrine", "new", "lifelong-bar-x", "--doctrines", str(dirs[0])]
    result = CliRunner().invoke(main, [*args, "--cases", str(dirs[1]), *extra])
    return result.exit_code, result.output


def test_it_writes_three_files_each_pointing_at_its_shipped_schema(dirs: tuple[Path, Path]) -> None:
    code, out = new(dirs, "--ruling", RULING, "--stage", "necessity")
    assert code == 0, out
    files = {
        "doctrine": dirs[0] / "lifelong-bar-x.yaml",
        "examples": dirs[0] / "tests" / "lifelong-bar-x.yaml",
        "case": dirs[1] / f"{RULING}.yaml",
    }
    for kind, path in files.items():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(.+)", first)
        assert match, first
        assert (path.parent / match.group(1)).resolve() == skeleton.SCHEMA_DIR / f"{kind}.json"


def test_it_never_overwrites_and_writes_nothing_when_it_refuses(dirs: tuple[Path, Path]) -> None:
    examples = dirs[0] / "tests" / "lifelong-bar-x.yaml"
    examples.write_text("mine\n", encoding="utf-8")
    code, out = new(dirs, "--ruling", RULING)
    assert code == 2 and "never overwrites" in out
    assert examples.read_text(encoding="utf-8") == "mine\n"
    assert not (dirs[0] / "lifelong-bar-x.yaml").exists()
    assert not (dirs[1] / f"{RULING}.yaml").exists()


def test_an_existing_case_is_kept_and_gives_the_date(dirs: tuple[Path, Path]) -> None:
    before = (dirs[1] / "KZ-CC-NR-2023-27.yaml").read_text(encoding="utf-8")
    code, out = new(dirs, "--ruling", "KZ-CC-NR-2023-27")
    assert code == 0, out
    assert (dirs[1] / "KZ-CC-NR-2023-27.yaml").read_text(encoding="utf-8") == before
    assert "effective: 2023-08-31" in (dirs[0] / "lifelong-bar-x.yaml").read_text(encoding="utf-8")


def test_a_bad_id_is_bad_input(dirs: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(main, ["doctrine", "new", "bad id", "--doctrines", str(dirs[0])])
    assert result.exit_code == 2 and "is not a doctrine id" in result.output


def fill(path: Path, pairs: list[tuple[str, str]]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new_ in pairs:
        assert old in text, old
        text = text.replace(old, new_)
    path.write_text(text, encoding="utf-8")


def test_half_written_it_does_not_load_once_filled_it_does(
    dirs: tuple[Path, Path], catalogue: Catalogue
) -> None:
    assert new(dirs, "--ruling", RULING)[0] == 0
    doctrine = dirs[0] / "lifelong-bar-x.yaml"
    found = linting.lint([doctrine], catalogue, dirs[1])
    errors = [f for f in found if f.severity == "error"]
    assert errors and all(f.file == str(doctrine) for f in errors)
    lines = doctrine.read_text(encoding="utf-8").splitlines()
    assert all("TODO" in lines[f.line - 1] for f in errors)

    fill(
        doctrine,
        [
            ("effective: TODO", "effective: 2025-12-20"),
            ("articles: [TODO]", 'articles: ["33(4)"]'),
            ("right: TODO", "right: equal_access_state_service"),
            ("kind: TODO", "kind: ban\n  trigger: criminal_conviction\n  sector: judiciary"),
        ],
    )
    fill(
        dirs[0] / "tests" / "lifelong-bar-x.yaml",
        [
            ("as_of: TODO", "as_of: 2026-11-01"),
            (
                "expect: fires\n    effect: {right: TODO, kind: TODO}",
                "expect: fires\n    effect: {right: equal_access_state_service, kind: ban, "
                "trigger: criminal_conviction, sector: judiciary}",
            ),
            ("effect: {right: TODO, kind: TODO}", "effect: {right: assembly, kind: ban}"),
        ],
    )
    fill(
        dirs[1] / f"{RULING}.yaml",
        [
            ("date: TODO", "date: 2025-12-20"),
            ("holding: TODO", "holding: does_not_conform"),
            ("right: TODO", "right: equal_access_state_service"),
            ("kind: TODO", "kind: ban"),
        ],
    )
    found = linting.lint([doctrine], catalogue, dirs[1])
    assert not [f for f in found if f.severity == "error"], found
    doctrines = loading.load_doctrines(dirs[0], catalogue)
    loading.load_case(dirs[1] / f"{RULING}.yaml", catalogue, doctrines)
    result = CliRunner().invoke(main, ["doctrine", "test", "--doctrines", str(dirs[0])])
    assert result.exit_code == 0, result.output
