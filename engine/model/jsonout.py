"""The one way tarazy writes JSON, so every JSON output has the same settings.

Settings (pinned by the byte-for-byte output tests): non-ASCII text as itself
(``ensure_ascii=False``: Cyrillic and Kazakh are written as letters, not ``\\uXXXX``), keys in
the order the code built them (never sorted: the order is part of each documented shape),
and an indent of two spaces for documents. ``line`` writes one compact object per line, as
the streamed reports and SARIF results are written.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["INDENT", "document", "dumps", "line"]

INDENT = 2
"""Spaces per level of a JSON document."""


def dumps(data: Any, *, indent: int | None = INDENT, sort_keys: bool = False) -> str:
    """``data`` as JSON text with tarazy's settings, without a final newline.

    ``indent=None`` gives the compact one-line form (``", "`` and ``": "`` separators, as
    ``json.dumps`` writes them). Raises ``TypeError`` for a value JSON cannot hold."""
    return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys)


def document(data: Any) -> str:
    """``data`` as an indented JSON document ending with one newline (a whole output)."""
    return dumps(data) + "\n"


def line(data: Any) -> str:
    """``data`` as compact JSON on one line, without a final newline."""
    return dumps(data, indent=None)
