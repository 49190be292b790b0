"""Reading YAML safely, keeping the line of every value.

The file is parsed by ruamel.yaml's round-trip parser, which records positions; no tag
is ever constructed into a Python object (any explicit ``!tag`` is refused), so a file
cannot run code. The result is plain JSON data (dict, list, str, int, float, bool, None; dates
stay the text written, and so does an ``id`` that reads as a number) and a map from each
value's path to its line.

The file itself is read by ``safefile.read_bytes`` (its size bound ``MAX_BYTES`` and the
refusal of FIFOs and devices); both are re-exported here for the loader.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from pathlib import Path as FilePath
from typing import Any

import attrs
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.docinfo import DocInfo, version
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.parser import RoundTripParser
from ruamel.yaml.tokens import DirectiveToken

from tarazy.engine.input.safefile import MAX_BYTES, read_bytes
from tarazy.engine.input.yamlgraph import MAX_DEPTH, check_graph
from tarazy.engine.model.errors import InputError

Path = tuple[str | int, ...]


__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "parse", "parse_reference", "read", "read_bytes"]


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
        """An ``InputError`` naming this file and the (1-based) line of ``path``'s nearest
        node (``line_of``); raise it."""
        return InputError(message, self.file, self.line_of(path))


MAX_REFERENCE_CHARS = 4 * 1024 * 1024
"""The largest text the reference reader (ruamel) is given; larger files must be read by
libyaml (``fastyaml``), which needs a fraction of the memory."""


def read(file: str | FilePath) -> Document:
    """Read one YAML file; every problem is an ``InputError`` with file and line."""
    name = str(file)
    data = read_bytes(file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (byte {exc.start})", name, line) from None
    return parse(text, name)


class _Constructor(RoundTripConstructor):
    """Keeps dates as the text written; the schemas check their format, with a line."""


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda self, node: str(self.construct_scalar(node))
)


class _Composer(Composer):
    """Refuses every explicit tag (``!!omap``, ``!!int``, ``!x``) where it is written.

    Tags are resolved from the text alone (YAML 1.2 core schema); an explicit one would make
    ruamel build an object tarazy does not read, or fail (``!!int`` with no digits raised
    IndexError) — so none is accepted, with the line it is on."""

    def _refuse_tag(self) -> None:
        event = self.parser.peek_event()
        tag = getattr(event, "ctag", None)
        if tag is not None:  # even the non-specific `!`, which ruamel would resolve as plain
            shown = str(getattr(tag, "value", tag)).replace("tag:yaml.org,2002:", "!!")
            raise MarkedYAMLError(
                problem=f"YAML tags (!...) are not allowed in tarazy files (found {shown})",
                problem_mark=event.start_mark,
            )

    def compose_scalar_node(self, anchor: Any) -> Any:
        self._refuse_tag()
        return super().compose_scalar_node(anchor)

    def compose_sequence_node(self, anchor: Any) -> Any:
        self._refuse_tag()
        return super().compose_sequence_node(anchor)

    def compose_mapping_node(self, anchor: Any) -> Any:
        self._refuse_tag()
        return super().compose_mapping_node(anchor)


class _Parser(RoundTripParser):
    """Refuses ``%YAML`` directives other than 1.2 and any ``%TAG`` directive.

    A ``%YAML 1.1`` header would make ruamel read ``10:1`` as 601 and ``010`` as 8; tarazy
    reads YAML 1.2 only, so a file means the same thing whatever its header."""

    def process_directives(self) -> Any:
        token = self.scanner.peek_token()
        if isinstance(token, DirectiveToken):
            mark = token.start_mark
            if token.name == "YAML" and tuple(token.value) != (1, 2):
                version = ".".join(str(v) for v in token.value)
                raise MarkedYAMLError(
                    problem=f"a %YAML {version} directive; tarazy reads YAML 1.2 only "
                    "(remove the directive)",
                    problem_mark=mark,
                )
            if token.name != "YAML":
                raise MarkedYAMLError(
                    problem=f"a %{token.name} directive; tarazy files take no directives",
                    problem_mark=mark,
                )
        return super().process_directives()


def parse(text: str, name: str) -> Document:
    """Parse YAML 1.2 text into plain data with lines; every problem is an ``InputError``.
    libyaml reads it when it is sure to read it as the reference does (``fastyaml``);
    otherwise - and for every error's wording - the reference reading below."""
    from tarazy.engine.input import (
        fastyaml,  # libyaml when it is sure to read the text as below; else None
    )

    fast = fastyaml.parse(text, name)
    if fast is not None:
        return fast
    if len(text) > MAX_REFERENCE_CHARS:
        # ruamel's pure-Python reader needs about 100 times a file's size in memory: a large
        # file it would have to read is refused, with the reason, rather than risk that
        raise InputError(
            f"the file is over {MAX_REFERENCE_CHARS // 1024 // 1024} MiB and uses YAML that only "
            "the careful reader accepts (anchors or aliases, tags, directives, merge keys, "
            "non-decimal numbers, duplicate keys or deep nesting); write it plainly or split it",
            name,
        )
    return parse_reference(text, name)


def parse_reference(text: str, name: str) -> Document:
    """ruamel.yaml's reading: the reference for ``fastyaml``, and every error's wording.
    Every limit on hostile input (aliases, depth, tags, directives, duplicate keys) is
    enforced here; ``fastyaml`` hands back any text that could reach one."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Parser = _Parser
    yaml.Composer = _Composer
    yaml.allow_duplicate_keys = False
    yaml.max_depth = MAX_DEPTH + 2  # the composer stops before Python's recursion limit
    yaml.doc_infos.append(DocInfo(requested_version=version(None)))
    yaml.tags = {}
    try:
        constructor, parser = yaml.get_constructor_parser(text)
        try:
            node = constructor.composer.get_single_node()
            if node is not None:
                check_graph(node, name)
            raw = None
            if node is not None:
                try:
                    raw = constructor.construct_document(node)
                except (YAMLError, RecursionError, MemoryError):
                    raise
                except Exception as exc:
                    # Construction only turns the (already checked) graph into values, so
                    # any failure here is a value ruamel cannot build (tests/test_fuzz.py
                    # found `!!int ` raising IndexError before explicit tags were refused).
                    raise InputError(
                        f"malformed YAML: a value that cannot be read "
                        f"({type(exc).__name__}: {exc})",
                        name,
                    ) from None
        finally:
            parser.dispose()
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        if exc.problem and exc.context and str(exc.context).startswith("expected"):
            problem = f"{exc.context}, {exc.problem}"  # "expected a single document ..."
        if "duplicate key" in str(problem) or type(exc).__name__ == "DuplicateKeyError":
            problem = _duplicate_key_message(exc)
        if isinstance(exc, MaxDepthExceededError):
            problem = f"values nest more than {MAX_DEPTH} levels deep"
        raise InputError(f"malformed YAML: {problem}", name, line) from None
    except YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", name) from None
    except RecursionError:
        raise InputError(f"values nest more than {MAX_DEPTH} levels deep", name) from None
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


def _text(value: str, name: str, line: int) -> str:
    """Text that can be written out: a lone surrogate (from a ``"\\ud800"`` escape) is
    refused here rather than failing when the report is printed."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = value[exc.start]
        raise InputError(
            f"text contains a lone surrogate (U+{ord(bad):04X}); expected valid Unicode",
            name,
            line,
        ) from None
    return str(value)


def _plain(node: object, path: Path, lines: dict[Path, int], name: str) -> object:
    here = lines.get(path, 1)
    if isinstance(node, TaggedScalar) or (
        hasattr(node, "tag") and getattr(node.tag, "value", None) not in (None, "")
    ):
        raise InputError("YAML tags (!...) are not allowed in tarazy files", name, here)
    if isinstance(node, CommentedMap):
        result: dict[str, object] = {}
        for key, value in node.items():
            if not isinstance(key, str | int | float | bool) or isinstance(key, bool):
                raise InputError("mapping keys must be plain names", name, node.lc.line + 1)
            line = node.lc.key(key)[0] + 1
            skey = _text(str(key), name, line)
            if skey in result:  # 2026: and "2026": are one key to tarazy
                first = lines.get((*path, skey))
                raise InputError(
                    f"duplicate key '{skey}'"
                    + (f" (first given on line {first})" if first else ""),
                    name,
                    line,
                )
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
        if abs(node) > sys.float_info.max:
            raise InputError(
                "a number too large; numbers must lie within about ±1.8e308", name, here
            )
        return int(node)
    if isinstance(node, float):
        if not math.isfinite(node):
            raise InputError("numbers must be finite", name, here)
        return float(node)
    if isinstance(node, str):
        return _text(node, name, here)
    raise InputError(f"unsupported YAML value {type(node).__name__}", name, here)
