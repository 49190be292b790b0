"""Lint of the message catalogues: every text a report prints has a ru and a kk entry.

The msgids are collected in three ways, so that a text the code prints cannot be missed:

* every string literal passed as the first argument of ``message(...)``, ``N_(...)`` or
  ``msg(...)`` (the memo's short name for ``message``) in
  the source of ``tarazy.engine`` and ``tarazy.cli`` (read with ``ast``, so a literal
  split over lines is joined as Python joins it);
* the English descriptions of the vocabularies (``model.words.vocabulary``), which are
  the msgids of values printed as words;
* the descriptions of the fact fields (``facts.field_registry``), printed as field names.

``check`` returns findings for ``tarazy doctrine lint``: a msgid the code uses and a
catalogue lacks (a warning: reports show it in English behind ``[en] ``), an entry whose
placeholders differ from its msgid's (an error: filling it would fail or drop a value),
and entries no code uses (a warning: stale). Each is located at a line of the catalogue
file: the entry's own line, or for a missing entry the file's last line (where to add it).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path

import attrs
import yaml

from tarazy.engine import model
from tarazy.engine.model import messages
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.facts import field_registry
from tarazy.engine.model.words import FIELD_LABELS, vocabulary

__all__ = ["CatalogueProblem", "catalogue_lines", "check", "source_msgids", "used_msgids"]

ENGINE = Path(__file__).resolve().parents[1]
SOURCES = (ENGINE, ENGINE.parent / "cli")
_CALLS = {"message", "N_", "msg"}  # msg: the memo's short name for message
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@attrs.frozen(order=True)
class CatalogueProblem:
    """One problem of a catalogue: file, 1-based line, severity, code and message."""

    file: str
    line: int
    severity: str
    code: str
    message: str


def source_msgids(roots: Iterable[Path] = SOURCES) -> dict[str, tuple[str, int]]:
    """Msgid → (file, 1-based line) of its first use as ``message("...")`` or ``N_("...")``
    in the Python files under ``roots``."""
    found: dict[str, tuple[str, int]] = {}
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                first = node.args[0]
                text = first.value if isinstance(first, ast.Constant) else None
                if name in _CALLS and isinstance(text, str) and text:
                    found.setdefault(text, (str(path), node.lineno))
    return found


def used_msgids(catalogue: Catalogue) -> dict[str, tuple[str, int]]:
    """Every msgid a report may print (see the module), with where it comes from."""
    found = source_msgids()
    model_file = str(ENGINE / "model" / "__init__.py")
    fields = [
        "kind",
        "instrument",
        "trigger",
        "legal_ground",
        "safeguards",
        "grounds_of_distinction",
        "sector",
        "trigger_severity",
        "clarity",
        "justification",
        "requirement",
        "addressees_breadth",
        "ordered_by",
        "duration",
        "stage",
        "holding",
        "doctrine_outcome",
    ]
    for field in fields:
        for text in vocabulary(field).values():
            found.setdefault(text, (model_file, 1))
    facts_file = str(ENGINE / "model" / "facts.py")
    for name, spec in field_registry(catalogue).items():
        if name not in FIELD_LABELS and name not in model.MAGNITUDES:  # printed otherwise
            found.setdefault(spec.description, (facts_file, 1))
    for text in model.MAGNITUDES.values():
        found.setdefault(text, (model_file, 1))
    return found


def catalogue_lines(path: Path) -> dict[str, int]:
    """Msgid → 1-based line of its entry in a catalogue file."""
    if not path.is_file():
        return {}
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(k.value): k.start_mark.line + 1
        for k, _v in node.value
        if isinstance(k, yaml.ScalarNode)
    }


def check(
    catalogue: Catalogue, langs: Iterable[str] = messages.TRANSLATED
) -> list[CatalogueProblem]:
    """Missing, stale and inconsistent entries of the catalogues of ``langs``."""
    used = used_msgids(catalogue)
    out: list[CatalogueProblem] = []
    for lang in langs:
        path = messages.catalogue_file(lang)
        lines = catalogue_lines(path)
        last = max([*lines.values(), 1])
        try:
            entries = messages.catalogue(lang)
        except ValueError as exc:
            out.append(CatalogueProblem(str(path), 1, "error", "catalogue", str(exc)))
            continue
        for msgid, (file, line) in sorted(used.items()):
            if msgid not in entries:
                out.append(
                    CatalogueProblem(
                        str(path),
                        last,
                        "warning",
                        "no-translation",
                        f"no {lang} text for {msgid!r} (used at {Path(file).name}:{line}); "
                        f"reports show it in English behind {messages.FALLBACK_MARKER.strip()}",
                    )
                )
        for msgid, text in sorted(entries.items()):
            line = lines.get(msgid, 1)
            if set(_PLACEHOLDER.findall(msgid)) != set(_PLACEHOLDER.findall(text)):
                out.append(
                    CatalogueProblem(
                        str(path),
                        line,
                        "error",
                        "placeholders",
                        f"the {lang} text of {msgid!r} has other placeholders than its msgid",
                    )
                )
            if msgid not in used:
                out.append(
                    CatalogueProblem(
                        str(path), line, "warning", "stale", f"no code prints {msgid!r}"
                    )
                )
    return sorted(out)
