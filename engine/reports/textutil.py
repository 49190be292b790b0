"""Text helpers shared by the text reports: 80 columns, control characters made visible,
a shell command wrapped so it can be pasted, and the words for the dimensions a case is
compared on and for the case base's notes (in the reader's language)."""

from __future__ import annotations

import functools
import re
import shlex
import textwrap
from collections.abc import Sequence
from typing import Any

from tarazy.engine import model
from tarazy.engine.model.facts import field_registry
from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import field_word

__all__ = ["WIDTH", "case_note", "command_lines", "dimension_word", "visible", "wrap"]

WIDTH = 80

# C0 and C1 control characters (ESC among them) in text a bill supplies would reach the
# terminal as commands (colours, cursor moves, a retitled window): the text report shows
# them as \xNN instead. Unicode's bidirectional controls (embeddings and overrides
# U+202A-U+202E, isolates U+2066-U+2069, the marks U+200E, U+200F and U+061C) would reorder
# what the reader sees (an id shown backwards, a verdict moved): shown as \uNNNN. JSON keeps
# them as data.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def visible(line: str) -> str:
    """``line`` with every control character but tab and newline shown as ``\\xNN`` and
    every bidirectional control as ``\\uNNNN`` (``\\u202e``)."""
    return _CONTROLS.sub(_escape, line)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    """``text`` in lines of at most ``WIDTH`` columns (``first`` indents the first line)."""
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [indent]


def command_lines(label: str, words: Sequence[str], indent: str) -> list[str]:
    """A shell command in 80 columns: shell-quoted words, a line ending in a backslash
    where it continues, so the lines can be pasted into a shell as they are."""
    quoted: list[str] = []
    for w in words:  # an option stays on the line of its value
        if quoted and quoted[-1].startswith("--") and " " not in quoted[-1]:
            quoted[-1] += " " + shlex.quote(w)
        else:
            quoted.append(shlex.quote(w))
    lines = [indent + label + quoted[0]]
    for word in quoted[1:]:
        if len(lines[-1]) + 1 + len(word) + 2 <= WIDTH:
            lines[-1] += " " + word
        else:
            lines[-1] += " \\"
            lines.append(indent + " " * len(label) + "  " + word)
    return lines


@functools.cache
def _registry() -> dict[str, Any]:
    from tarazy.engine.input import cache

    return dict(field_registry(cache.load_catalogue()))


def dimension_word(name: str, lang: str = "en") -> str:
    """A field or dimension a case is compared or differs on, in words (a magnitude by
    what it measures; its id only where nothing describes it)."""
    if name in model.MAGNITUDES:
        return message(model.MAGNITUDES[name], lang)
    spec = _registry().get(name)
    if spec is not None:
        return field_word(name, spec.description, lang)
    return name


_NOTES = (
    (
        re.compile(r"^decided under (?P<edition>\S+), on reasoning no doctrine records$"),
        N_("decided under {edition}, on reasoning no doctrine records"),
    ),
    (
        re.compile(
            r"^decided under (?P<edition>\S+); the basis of (?P<doctrine>\S+) is "
            r"(?P<status>\S+) under (?P<now>\S+)$"
        ),
        N_("decided under {edition}; the basis of {doctrine} is {status} under {now}"),
    ),
)


N_("absent")  # a basis status in the second note


def case_note(note: str, lang: str = "en") -> str:
    """The case base's note on a case that does not bind (``CaseBase.not_binding``, English),
    in ``lang``: each of its two forms is a msgid with the values put back."""
    for pattern, msgid in _NOTES:
        m = pattern.match(note)
        if m is not None:
            fields = m.groupdict()
            if "status" in fields:
                fields["status"] = message(fields["status"], lang)
            return message(msgid, lang, **fields)
    return note
