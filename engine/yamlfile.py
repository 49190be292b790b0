"""Reading YAML safely, keeping the line of every value.

The file is parsed by ruamel.yaml's round-trip parser, which records positions; no tag
is ever constructed into a Python object (any explicit ``!tag`` is refused), so a file
cannot run code. The result is plain JSON data (dict, list, str, int, float, bool, None; dates
stay the text written) and a map from each value's path to its line.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path as FilePath

import attrs
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import InputError

Path = tuple[str | int, ...]


@attrs.frozen
class Document:
    """Plain data from one YAML file, with the line (1-based) of every path in it."""

    file: str
    data: object
    lines: dict[Path, int]

    def line_of(self, path: Iterable[str | int]) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        parts = tuple(path)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return self.lines.get((), 1)

    def error(self, message: str, path: Iterable[str | int] = ()) -> InputError:
        return InputError(message, self.file, self.line_of(path))


def read(file: str | FilePath) -> Document:
    """Read one YAML file; every problem is an ``InputError`` with file and line."""
    name = str(file)
    try:
        text = FilePath(file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except IsADirectoryError:
        raise InputError("expected a YAML file, found a directory", name) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    return parse(text, name)


class _Constructor(RoundTripConstructor):
    """Keeps dates as the text written; the schemas check their format, with a line."""


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda self, node: str(self.construct_scalar(node))
)


def parse(text: str, name: str) -> Document:
    from . import fastyaml  # libyaml when it is sure to read the text as below; else None

    fast = fastyaml.parse(text, name)
    if fast is not None:
        return fast
    return parse_reference(text, name)


def parse_reference(text: str, name: str) -> Document:
    """ruamel.yaml's reading: the reference for ``fastyaml``, and every error's wording."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    try:
        raw = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        if "duplicate key" in str(problem) or type(exc).__name__ == "DuplicateKeyError":
            problem = _duplicate_key_message(exc)
        raise InputError(f"malformed YAML: {problem}", name, line) from None
    except YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", name) from None
    if raw is None:
        raise InputError("the file is empty", name, 1)
    lines: dict[Path, int] = {(): 1}
    data = _plain(raw, (), lines, name)
    return Document(name, data, lines)


def _duplicate_key_message(exc: MarkedYAMLError) -> str:
    problem = str(exc.problem or "")
    # ruamel: 'found duplicate key "a" with value "2" (original value: "1")'
    key = problem.split('"')[1] if problem.count('"') >= 2 else "?"
    first = exc.context_mark.line + 1 if exc.context_mark is not None else None
    return f"duplicate key '{key}'" + (f" (first given on line {first})" if first else "")


def _plain(node: object, path: Path, lines: dict[Path, int], name: str) -> object:
    if isinstance(node, TaggedScalar) or (
        hasattr(node, "tag") and getattr(node.tag, "value", None) not in (None, "")
    ):
        raise InputError(
            "YAML tags (!...) are not allowed in tarazy files", name, lines.get(path, 1)
        )
    if isinstance(node, CommentedMap):
        result: dict[str, object] = {}
        for key, value in node.items():
            if not isinstance(key, str | int | float | bool) or isinstance(key, bool):
                raise InputError("mapping keys must be plain names", name, node.lc.line + 1)
            skey = str(key)
            line = node.lc.key(key)[0] + 1
            lines[(*path, skey)] = line
            result[skey] = _plain(value, (*path, skey), lines, name)
        return result
    if isinstance(node, CommentedSeq):
        items: list[object] = []
        for i, value in enumerate(node):
            lines[(*path, i)] = node.lc.item(i)[0] + 1
            items.append(_plain(value, (*path, i), lines, name))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        if not math.isfinite(node):
            raise InputError("numbers must be finite", name, lines.get(path, 1))
        return float(node)
    if isinstance(node, str):
        return str(node)
    raise InputError(f"unsupported YAML value {node!r}", name, lines.get(path, 1))
