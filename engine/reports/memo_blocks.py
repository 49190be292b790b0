"""The memo's document model - a few kinds of block - and its Markdown rendering.

``memo`` builds a memo as blocks from verdicts; this module renders them as Markdown and
``memo_html`` as HTML. Every string in a block is plain text - never markup - and is
escaped by the renderer, so a bill's titles and texts (and a doctrine's reasons) cannot
inject Markdown or HTML into a memo.

Markdown escaping (CommonMark, and the GFM extensions tables, strikethrough and autolinks):
``&``, ``<`` and ``>`` become entities (no raw HTML, no ``<autolink>``); the inline
punctuation ``\\ ` * _ [ ] | ~ #`` is backslash-escaped; where a text begins a line (a
paragraph, a list item) a character that would open a block there (``-``, ``+``, ``=``,
``>``, a number and ``.`` or ``)``) is escaped too; GFM's bare autolinks are broken
(``www\\.``, ``http\\://``, ``\\@``); control characters are shown as ``\\xNN`` and
bidirectional controls as ``\\uNNNN`` (``shown``), and line breaks fold into spaces (a text
never spans lines, so it can start no block of its own). Code (a command, a YAML patch) is a
code span or fenced block whose fence is longer than any run of backticks in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from tarazy.engine.reports.textutil import visible


@attrs.frozen
class Run:
    """A piece of inline text: plain, strong (bold), or code (a command or an id)."""

    text: str
    strong: bool = False
    code: bool = False


@attrs.frozen
class Heading:
    """A heading of ``level`` 1-4; ``anchor`` (memo-made, never from a bill) links to it."""

    level: int
    text: str
    anchor: str | None = None


@attrs.frozen
class Para:
    """A paragraph; ``kind`` names its role for styling ("verdict", "text", "note", ...)."""

    runs: tuple[Run, ...]
    kind: str = ""


@attrs.frozen
class Fields:
    """Label-value rows (a bill's particulars, a finding's reason and remedy)."""

    rows: tuple[tuple[str, tuple[Run, ...]], ...]


@attrs.frozen
class Table:
    """A table with a header row; ``marks`` gives each row a role ("fails", "open", ...),
    ``links`` each row's first cell an anchor (None: no link), ``kind`` the table a role."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    marks: tuple[str, ...] = ()
    links: tuple[str | None, ...] = ()
    kind: str = ""  # the table's role ("stages", "summary", "bills"), for styling


@attrs.frozen
class Items:
    """A bulleted (or numbered) list of inline texts."""

    items: tuple[tuple[Run, ...], ...]
    ordered: bool = False


@attrs.frozen
class Code:
    """A block of code or data shown as it is (a YAML patch)."""

    text: str


@attrs.frozen
class Section:
    """A group of blocks with a role ("provision", "finding", "summary", "fixes", ...)."""

    kind: str
    blocks: tuple[Block, ...]
    anchor: str | None = None


Block = Heading | Para | Fields | Table | Items | Code | Section


def plain(text: str) -> tuple[Run, ...]:
    """One plain run."""
    return (Run(text),)


# --------------------------------------------------------------------------- Markdown

_INLINE = re.compile(r"([\\`*_\[\]|~#])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([\-+=>])")
# Bidirectional controls would let a bill's text run right to left over what follows it
# (a title that reads differently from what it says): shown as \uNNNN, like controls.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` with control characters shown as ``\\xNN`` and bidirectional controls as
    ``\\uNNNN`` (both renderers show a text through this)."""
    return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", visible(text))


_SPACE = re.compile(r"\s+")
_AUTOLINK = re.compile(r"(?i)(www)\.|(\w)(://)|@")


def md_escape(text: str, line_start: bool = False) -> str:
    """``text`` as literal Markdown text on one line (see the module for what is escaped);
    ``line_start``: the text may begin a line (a paragraph, a list item), so a character
    that would open a block there is escaped too."""
    text = _SPACE.sub(" ", shown(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(_break_autolink, text)
    if line_start:
        text = _LINE_START.sub(_escape_start, text.lstrip())
    return text


def _escape_start(m: re.Match[str]) -> str:
    return m.group(1) + "\\" + m.group(2) if m.group(1) else "\\" + m.group(3)


def _break_autolink(m: re.Match[str]) -> str:
    if m.group(1):
        return m.group(1) + "\\."
    if m.group(2):
        return m.group(2) + "\\://"
    return "\\@"


def _fence(text: str, char: str = "`") -> str:
    longest = max((len(r) for r in re.findall(f"{re.escape(char)}+", text)), default=0)
    return char * (longest + 1)


def md_runs(runs: Sequence[Run], line_start: bool = False) -> str:
    """Inline runs as Markdown (``line_start``: they begin a line)."""
    out = []
    for n, r in enumerate(runs):
        if r.code:
            code = " ".join(shown(r.text).split())
            fence = _fence(code)
            pad = " " if code[:1] in ("`", " ") or code[-1:] in ("`", " ") else ""
            out.append(f"{fence}{pad}{code}{pad}{fence}")
        elif r.strong and r.text.strip():
            out.append(f"**{md_escape(r.text.strip(), line_start and n == 0)}**")
            out.append(" " if r.text.endswith(" ") else "")
        else:
            out.append(md_escape(r.text, line_start and n == 0))
    return "".join(out)


def to_markdown(blocks: Sequence[Block]) -> str:
    """The memo as Markdown (GFM: tables), ending with one newline."""
    return "\n\n".join(_md_block(b) for b in blocks).rstrip("\n") + "\n"


def _md_block(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + md_escape(block.text)
    if isinstance(block, Para):
        return md_runs(block.runs, line_start=True)
    if isinstance(block, Fields):
        return "\n".join(
            f"- **{md_escape(label)}:** {md_runs(value)}" for label, value in block.rows
        )
    if isinstance(block, Table):
        lines = [_md_row(block.header), "|" + "---|" * len(block.header)]
        lines += [_md_row(row) for row in block.rows]
        return "\n".join(lines)
    if isinstance(block, Items):
        return "\n".join(
            (f"{n}. " if block.ordered else "- ") + md_runs(item, line_start=True)
            for n, item in enumerate(block.items, 1)
        )
    if isinstance(block, Code):
        text = shown(block.text).rstrip("\n")
        fence = _fence(text)
        fence = fence if len(fence) >= 3 else "```"
        return f"{fence}\n{text}\n{fence}"
    parts = [_md_block(b) for b in block.blocks]
    if block.kind == "provision":
        parts.insert(0, "---")
    return "\n\n".join(parts)


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(md_escape(c) or " " for c in cells) + " |"
