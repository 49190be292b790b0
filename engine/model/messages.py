"""The message catalogue: every frame, label and sentence a report prints, by language.

Interface (stable; the catalogue behind it is filled by the languages work of issue 14):
``message(msgid, lang, **fields)`` returns the text of ``msgid`` in ``lang`` ("en", "ru" or
"kk") with ``{name}`` placeholders filled from ``fields``. ``msgid`` is the English text
itself (gettext's convention), so code reads as what it prints. A text with no translation
in ``lang`` falls back to English with a visible marker; ``tarazy doctrine lint`` lists them.

Until the catalogue lands this returns the English text for every language.
"""

from __future__ import annotations

__all__ = ["message"]


def message(msgid: str, lang: str = "en", /, **fields: object) -> str:
    """The text of ``msgid`` in ``lang`` with its ``{placeholders}`` filled from ``fields``.

    Raises ``KeyError`` when a placeholder of ``msgid`` has no field."""
    return msgid.format(**fields) if fields else msgid
