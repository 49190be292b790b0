"""The project's documents under docs/ are what the code, tests and data cite (issue 9).

Every citation of a document under docs/ must land: the file exists, and a cited section,
heading, ruling reading or consistency property exists in it. The numbered properties of
docs/design.md are the code's, in the order the runner checks them. No file cites the notes
the project started from, which are not in the repository. The README's layout section
names every folder and module of engine/ and every document of docs/.

The repository's text files are scanned (not .git, .venv, build output or caches); this file
is left out, since it must spell the patterns it looks for. A citation may run over a line
break, in prose or in comments (``# ...``), so lines are joined, their comment markers
dropped, before matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from tarazy.engine.verification import verifying

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
SELF = Path(__file__).resolve()
SKIP_DIRS = {
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
}
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".yml", ".toml", ".txt", ".json", ".cfg", ".ini", ".sh"}

# The notes the project started from, outside the repository (kept under ../shared/ beside a
# checkout). Case-sensitive: "docs/design.md" is the project's own document.
FORGOTTEN = re.compile(
    r"DESIGN\.md|case-review\.md|cases-reference\.md|constitution-editions\.md"
    r"|durable-rules-notes\.md|house-sketch\.md"
)
# ../shared/ may be named only for the external corpora a test or a measurement can be
# pointed at: the hostile-input reproducers and the probe bills.
SHARED = re.compile(r"shared/(?!repro\b|probes\b)[\w.-]+")

DOC = r"docs/([\w-]+)\.md`?"
DOC_FILE = re.compile(DOC)
SECTION = re.compile(DOC + r",?\s*\(?sections?\s+((?:\d+(?:\s*(?:,|and|-|–)\s*)?)+)")
PROPERTY = re.compile(DOC + r",?\s*\(?property\s+(\d+)(?:\s+\(`?(\w+)`?\))?")
HEADING = re.compile(DOC + r',?\s*"([^"\n]+)"')
READING = re.compile(DOC + r",?\s*(?:\(?sections?\s+\d+,\s*)?reading\s+(Әділет\s+\d+)")

NUMBERED_HEADING = re.compile(r"^#{1,6}\s+(\d+)\.\s+(.*?)\s*$", re.M)
ANY_HEADING = re.compile(r"^#{1,6}\s+(?:\d+\.\s+)?(.*?)\s*$", re.M)
PROPERTY_ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*`(\w+)`\s*\|", re.M)


def _text_files() -> Iterator[Path]:
    for path in sorted(REPO.rglob("*")):
        relative = path.relative_to(REPO).parts
        if any(p in SKIP_DIRS or p.endswith(".egg-info") for p in relative[:-1]):
            continue
        if not path.is_file() or path.resolve() == SELF:
            continue
        if path.suffix in TEXT_SUFFIXES or path.parent.name == ".ci":
            yield path


def _flat(text: str) -> str:
    """The text on one line: a line break, the white space around it and a comment marker
    opening the next line become one space."""
    return re.sub(r"[ \t]*\n[ \t]*(?:#+|//|>)?[ \t]*", " ", text)


@cache
def _files() -> dict[str, str]:
    """Repository-relative path → its text, lines joined."""
    texts = {}
    for path in _text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        texts[path.relative_to(REPO).as_posix()] = _flat(text)
    return texts


@cache
def _doc(name: str) -> str:
    return (DOCS / f"{name}.md").read_text(encoding="utf-8")


def _sections(name: str) -> set[int]:
    return {int(n) for n, _ in NUMBERED_HEADING.findall(_doc(name))}


def _headings(name: str) -> set[str]:
    return {h.strip() for h in ANY_HEADING.findall(_doc(name))}


def _properties() -> list[tuple[int, str]]:
    """The numbered property table of docs/design.md: (number, name) in order."""
    return [(int(n), name) for n, name in PROPERTY_ROW.findall(_doc("design"))]


def _citations(pattern: re.Pattern[str]) -> Iterator[tuple[str, re.Match[str]]]:
    for where, text in _files().items():
        for found in pattern.finditer(text):
            yield where, found


def test_the_scan_sees_the_citations() -> None:
    # Guards the guard: the scan reads the folders that cite docs/, and finds citations of
    # every kind the tests below check (each was written when the documents were).
    files = _files()
    for expected in (
        "README.md",
        "engine/model/__init__.py",
        "doctrines/liberty-only-by-court.yaml",
    ):
        assert expected in files, f"{expected} was not scanned"
    for pattern in (SECTION, PROPERTY, HEADING, READING):
        assert any(True for _ in _citations(pattern)), f"no citation matches {pattern.pattern}"


def test_every_cited_document_exists() -> None:
    missing = sorted(
        {
            f"{where}: docs/{found[1]}.md"
            for where, found in _citations(DOC_FILE)
            if not (DOCS / f"{found[1]}.md").is_file()
        }
    )
    assert not missing, "cited documents that do not exist:\n" + "\n".join(missing)


def test_every_cited_section_exists() -> None:
    dangling = []
    for where, found in _citations(SECTION):
        if not (DOCS / f"{found[1]}.md").is_file():
            continue  # reported by test_every_cited_document_exists
        have = _sections(found[1])
        for number in re.findall(r"\d+", found[2]):
            if int(number) not in have:
                dangling.append(f"{where}: docs/{found[1]}.md has no section {number}")
    assert not dangling, "\n".join(sorted(set(dangling)))


def test_every_cited_heading_exists() -> None:
    dangling = []
    for where, found in _citations(HEADING):
        if not (DOCS / f"{found[1]}.md").is_file():
            continue
        if found[2].strip() not in _headings(found[1]):
            dangling.append(f'{where}: docs/{found[1]}.md has no heading "{found[2]}"')
    assert not dangling, "\n".join(sorted(set(dangling)))


def test_every_cited_ruling_reading_exists() -> None:
    dangling = []
    for where, found in _citations(READING):
        wanted = "reading " + " ".join(found[2].split())
        if not any(wanted.lower() in h.lower() for h in _headings(found[1])):
            dangling.append(f"{where}: docs/{found[1]}.md has no heading for {wanted!r}")
    assert not dangling, "\n".join(sorted(set(dangling)))


def test_every_cited_property_exists_under_its_name() -> None:
    table = dict(_properties())
    dangling = []
    for where, found in _citations(PROPERTY):
        if found[1] != "design":
            dangling.append(f"{where}: properties are numbered in docs/design.md only")
            continue
        number, name = int(found[2]), found[3]
        if number not in table:
            dangling.append(f"{where}: docs/design.md has no property {number}")
        elif name is not None and table[number] != name:
            dangling.append(
                f"{where}: property {number} of docs/design.md is {table[number]}, not {name}"
            )
    assert not dangling, "\n".join(sorted(set(dangling)))


def test_the_numbered_properties_are_the_codes() -> None:
    # The numbers citations use are those of the table in docs/design.md, section 9; the table
    # must list the properties the runner checks, in its order, numbered from 1.
    code = [p.name for p in (*verifying.PROPERTIES, verifying.ADEQUACY)]
    table = _properties()
    assert [n for n, _ in table] == list(range(1, len(table) + 1)), "numbered 1, 2, 3, ..."
    assert [name for _, name in table] == code, (
        "docs/design.md's property table differs from engine/verification/verifying.py "
        "(PROPERTIES, then ADEQUACY): add, remove or reorder its rows, and re-point citations "
        "of the numbers that moved"
    )


def test_no_file_cites_the_notes_outside_the_repository() -> None:
    found = sorted(
        f"{where}: {hit[0]}"
        for where, text in _files().items()
        for pattern in (FORGOTTEN, SHARED)
        for hit in pattern.finditer(text)
    )
    assert not found, "cite docs/ instead:\n" + "\n".join(found)


def test_the_checks_catch_what_they_name() -> None:
    # Each pattern, on a citation that dangles and on one that lands (the guards can fail).
    flat = _flat('x (docs/design.md,\n    # property 99 (replay)) and "docs/sources.md, section 2"')
    hits = list(PROPERTY.finditer(flat))
    assert [(h[1], h[2], h[3]) for h in hits] == [("design", "99", "replay")]
    assert 99 not in dict(_properties())
    assert [h[2] for h in SECTION.finditer(flat)] == ["2"]
    assert [h[2] for h in SECTION.finditer("docs/sources.md, sections 0 and 2")] == ["0 and 2"]
    assert [h[2] for h in READING.finditer("(docs/sources.md, reading Әділет 218122)")] == [
        "Әділет 218122"
    ]
    assert FORGOTTEN.search("see ../shared/" + "DESIGN.md")
    assert not FORGOTTEN.search("see docs/design.md")
    assert SHARED.search("../shared/seeds/000") and not SHARED.search("../shared/repro")


# --------------------------------------------------------------------------- README layout


def _layout() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Layout")
    block = readme[start:].split("```")
    assert len(block) >= 3, "README's layout section has no code block"
    return block[1]


ENGINE_FOLDERS = sorted(p.parent.name for p in (REPO / "engine").glob("*/__init__.py"))


def test_the_engine_folders_are_the_pipeline_stages() -> None:
    # The stages the layout and docs/architecture.md describe (a regression pin on the
    # folders as issue 9 left them; a new stage changes both documents and this list).
    assert ENGINE_FOLDERS == [
        "analysis",
        "input",
        "model",
        "reports",
        "rules",
        "verdict",
        "verification",
    ]


@pytest.mark.parametrize("folder", ENGINE_FOLDERS)
def test_the_readme_layout_names_every_module(folder: str) -> None:
    layout = _layout()
    assert re.search(rf"^\s+{folder}/", layout, re.M), f"README layout lacks engine/{folder}/"
    for module in sorted((REPO / "engine" / folder).glob("*.py")):
        if module.stem != "__init__":
            assert re.search(rf"\b{module.stem}\b", layout), (
                f"README's layout section does not name engine/{folder}/{module.name}"
            )


def test_the_readme_layout_names_every_document() -> None:
    layout = _layout()
    for doc in sorted(DOCS.glob("*.md")):
        assert re.search(rf"^\s+{re.escape(doc.name)}\b", layout, re.M), (
            f"README's layout section does not list docs/{doc.name}"
        )
