"""A fast path for reading YAML: libyaml's C parser, YAML 1.2 meaning, or nothing.

``yamlfile.parse`` (ruamel.yaml's pure-Python round-trip parser) is the reference: it keeps
the line of every value and says what is wrong with a file, with a line. It is also slow
- about 85% of a large ``tarazy check`` went into it. This module reads the same text with
libyaml's C parser (PyYAML's ``CParser``, event by event, so no node tree is held) and
builds the same ``Document``: the same plain data and the same line for every path.

It never decides anything on its own. Whatever it is not sure to read exactly as the
reference does, it hands back (``parse`` returns None) and the reference reads the file -
and reports the error, with its line, if there is one. It hands back:

* any error libyaml reports, and a file that is empty or holds more than one document;
* directives (``%YAML``, ``%TAG``), tags (``!x``, ``!!str``), anchors and aliases;
* a mapping key that is not plain text (a number, a boolean, null, a list, a mapping),
  the merge key ``<<``, and a key given twice;
* a plain scalar whose YAML 1.2 meaning it does not resolve itself: anything beginning
  with a digit, a sign or a dot that is not a plain decimal integer, a plain decimal
  float or a date (so ``0x1F``, ``0o17``, ``1_000``, ``.inf``, ``1:20`` and the like go to
  the reference), and ``=``;
* characters YAML 1.1 (libyaml) and YAML 1.2 (ruamel) read differently: NEL, the Unicode
  line and paragraph separators, a byte-order mark, and tabs (libyaml takes ``1<TAB>`` as
  a value, ruamel refuses it); and nesting deeper than ``MAX_DEPTH``.

What it resolves means what YAML 1.2's core schema says and what the reference returns:
``true``/``false`` in three spellings are booleans (``yes``, ``no``, ``on``, ``off`` are
text), ``null``/``~``/empty are null, ``010`` is the integer ten (not octal), ``1:20`` is
never a sexagesimal number, and dates stay the text written (the schemas check them). The
value of an ``id`` key that reads as a number is the text written (``id: 1e3`` is "1e3"),
as ``yamlgraph.id_as_text`` makes it in the reference.
Only str, int, float, bool, None, list and dict come out. ``tests/test_fastyaml.py``
checks the two readers against each other on generated documents (Hypothesis).

Without libyaml (a PyYAML built without it, or no PyYAML) ``parse`` always hands back.
"""

from __future__ import annotations

import gc
import re
import sys
from typing import Any

from tarazy.engine.input.yamlfile import Document, Path

try:  # PyYAML with libyaml; the fast path is simply off without it
    from yaml import (
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        StreamStartEvent,
    )
    from yaml import YAMLError as _LibyamlError
    from yaml._yaml import CParser

    AVAILABLE = True
except ImportError:  # pragma: no cover - depends on the installation
    AVAILABLE = False

# Hand back well before the reference's own depth limit (yamlgraph.MAX_DEPTH, 48), so that
# the reference, not this path, decides every file near it.
MAX_DEPTH = 40
_MAX_INT_CHARS = 310  # more digits than any float holds: the reference decides
# From LARGE characters on, only the lines a successful load asks for are recorded: every
# path of one or two levels, list items down to SHALLOW levels (provisions and their
# effects) and "id" keys; any other path re-reads the text once (see _Lines).
LARGE = 1 << 20
SHALLOW = 4

# YAML 1.2 numbers as the reference (ruamel.yaml's 1.2 resolver) recognises them, copied
# from it; only their plain decimal forms (_INT, _FLOAT) are converted here.
_RUAMEL_FLOAT = re.compile(
    r"""(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))\Z""",
    re.X,
)
_RUAMEL_INT = re.compile(
    r"""(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)\Z""",
    re.X,
)
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?\Z")
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOLEANS["FALSE"] = False
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_UNSURE_START = frozenset("0123456789+-.")
_FOREIGN = ("\x85", "\u2028", "\u2029", "\ufeff", "\t")


class _HandBack(Exception):
    """The fast path is not sure; the reference reads the file."""


def _plain(value: str) -> object:
    """A plain (unquoted) scalar under YAML 1.2's core schema, or _HandBack."""
    if value in _BOOLEANS:
        return _BOOLEANS[value]
    if value in _NULLS:
        return None
    if value[0] in _UNSURE_START:
        if _RUAMEL_INT.match(value):
            # an integer of many digits (or beyond a float's range) is the reference's to
            # refuse, with its message; int() itself refuses over 4,300 digits
            if _INT.match(value) and len(value) <= _MAX_INT_CHARS:
                integer = int(value)
                if abs(integer) <= sys.float_info.max:
                    return integer
            raise _HandBack  # 0x, 0o, 0b, underscores, too large
        if _RUAMEL_FLOAT.match(value):
            if _FLOAT.match(value):
                number = float(value)
                if number not in (float("inf"), float("-inf")):
                    return number
            raise _HandBack  # underscores, .inf, .nan, too large: the reference decides
        return value  # text, dates included (kept as written)
    if value == "=" or value == "<<":
        raise _HandBack
    return value


def parse(text: str, name: str) -> Document | None:
    """The document the reference reader would return for ``text``, or None when the
    fast path is not sure (then ``yamlfile.parse`` reads it, and reports any error)."""
    if not AVAILABLE or any(c in text for c in _FOREIGN):
        return None
    depth = MAX_DEPTH if len(text) < LARGE else 2
    enabled = gc.isenabled()
    gc.disable()  # millions of new containers, none cyclic: collections would be wasted work
    try:
        data, lines = _build(text, depth)
    except (_HandBack, _LibyamlError, RecursionError, ValueError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()
    if depth != MAX_DEPTH:
        lines = _Lines(lines, text)
    return Document(name, data, lines)


class _Lines(dict[Path, int]):
    """Lines of a large document: only those a successful load asks for (see LARGE); any
    other path - an error's - re-reads the text once with every line recorded. A large
    bill's lines take about a fifth of the memory they would."""

    def __init__(self, shallow: dict[Path, int], text: str) -> None:
        super().__init__(shallow)
        self._text: str | None = text

    def _complete(self) -> None:
        text, self._text = self._text, None
        if text is not None:
            self.update(_build(text, MAX_DEPTH)[1])

    def __contains__(self, key: object) -> bool:
        if not dict.__contains__(self, key) and self._text is not None:
            self._complete()
        return dict.__contains__(self, key)

    def __getitem__(self, key: Path) -> int:
        if key in self:
            return dict.__getitem__(self, key)
        raise KeyError(key)

    def get(self, key: Path, default: Any = None) -> Any:
        return dict.__getitem__(self, key) if key in self else default


def _build(text: str, depth: int) -> tuple[object, dict[Path, int]]:
    parser = CParser(text)
    try:
        return _events(parser, depth)
    finally:
        parser.dispose()


def _events(parser: Any, depth: int) -> tuple[object, dict[Path, int]]:
    """Plain data and the line of every path up to ``depth`` levels, from libyaml's
    events; _HandBack on anything the reference might read differently."""
    lines: dict[Path, int] = {(): 1}
    get = parser.get_event
    intern = sys.intern
    if not isinstance(get(), StreamStartEvent):
        raise _HandBack
    start = get()
    if not isinstance(start, DocumentStartEvent) or start.version or start.tags:
        raise _HandBack
    # The stack holds [container, its path, the pending key] for every open collection;
    # the bottom one holds the document itself.
    root: list[object] = []
    stack: list[list[Any]] = [[root, (), None]]
    top = stack[-1]
    while True:
        event = get()
        cls = type(event)
        container, path, key = top
        if cls is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _HandBack
            plain = not event.style
            if key is None and type(container) is dict:
                # A mapping key: text only, given once.
                name = intern(event.value)
                if plain and not isinstance(_plain(name), str):
                    raise _HandBack
                if name in container or name == "<<":
                    raise _HandBack
                if len(path) < depth or (len(path) < SHALLOW and name == "id"):
                    lines[(*path, name)] = event.start_mark.line + 1
                top[2] = name
                continue
            value: object = event.value
            if plain:
                value = _plain(event.value)
                if key == "id" and type(value) in (int, float):
                    value = event.value  # an id is text as written (yamlgraph.id_as_text)
                if type(value) is str and len(value) <= 40:
                    value = intern(value)  # identifiers repeat: one copy of each
            if key is not None:
                container[key] = value
                top[2] = None
            else:
                if container is not root and len(path) < max(depth, SHALLOW):
                    lines[(*path, len(container))] = event.start_mark.line + 1
                container.append(value)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _HandBack
            if key is None and type(container) is dict:
                raise _HandBack  # a collection as a mapping key
            if len(stack) > MAX_DEPTH:
                raise _HandBack
            new: Any = {} if cls is MappingStartEvent else []
            if key is not None:
                container[key] = new
                top[2] = None
                child: Path = (*path, key)
            elif container is root:
                container.append(new)
                child = ()
            else:
                child = (*path, len(container))
                if len(path) < max(depth, SHALLOW):
                    lines[child] = event.start_mark.line + 1
                container.append(new)
            top = [new, child, None]
            stack.append(top)
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            stack.pop()
            top = stack[-1]
        elif cls is DocumentEndEvent:
            break
        else:  # an alias, a second document, anything unexpected
            raise _HandBack
    if not isinstance(get(), StreamEndEvent) or not root or root[0] is None:
        raise _HandBack  # a second document; or an empty file, which the reference reports
    return root[0], lines
