"""The message catalogue: every frame, label and sentence a report prints, by language.

Interface (stable): ``message(msgid, lang, **fields)`` returns the text of ``msgid`` in
``lang`` ("en", "ru" or "kk") with ``{name}`` placeholders filled from ``fields``. ``msgid``
is the English text itself (gettext's convention), so code reads as what it prints.

The catalogue is YAML, one file a language: ``engine/data/messages/ru.yaml`` and
``kk.yaml``, each a mapping from the English msgid to its translation (English needs no
file: a msgid is its own English text). A comment line starting ``# ASSUMPTION`` above an
entry marks a term the translator was not sure of (no official text was read for it);
``tarazy doctrine lint`` counts them.

A msgid with no entry in ``lang`` falls back to the English text behind the visible marker
``[en] `` (``FALLBACK_MARKER``), so a reader sees that the line is untranslated rather than
reading English as if it were the report's language; ``tarazy doctrine lint`` lists every
msgid the code uses that a catalogue lacks (``engine/analysis/messagecheck.py``), with the
file and line of the catalogue.

A msgid written where it is not translated at once (a table of labels) is marked with
``N_("...")``, gettext's no-op marker, so the check finds it as it finds ``message("...")``.
"""

from __future__ import annotations

import functools
from pathlib import Path

__all__ = [
    "CATALOGUE_DIR",
    "FALLBACK_MARKER",
    "N_",
    "TRANSLATED",
    "catalogue",
    "catalogue_file",
    "message",
    "translate",
]

CATALOGUE_DIR = Path(__file__).resolve().parents[1] / "data" / "messages"
FALLBACK_MARKER = "[en] "
TRANSLATED = ("ru", "kk")  # the languages with a catalogue file; English is the msgids


def catalogue_file(lang: str) -> Path:
    """The catalogue file of ``lang`` (``ru`` or ``kk``)."""
    return CATALOGUE_DIR / f"{lang}.yaml"


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """The entries of ``lang``'s catalogue, msgid → text (empty for English or a language
    with no file). Raises ``ValueError`` when the file is not a mapping of strings."""
    if lang not in TRANSLATED:
        return {}
    path = catalogue_file(lang)
    if not path.is_file():
        return {}
    import yaml  # only a ru or kk report reads a catalogue: not imported at start-up

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError(f"{path}: the catalogue must map English texts to texts")
    return data


def translate(msgid: str, lang: str = "en") -> str:
    """``msgid`` in ``lang``, unfilled: the catalogue's text, or the English text behind
    ``FALLBACK_MARKER`` when ``lang`` has no entry for it."""
    if lang == "en" or not msgid:
        return msgid
    text = catalogue(lang).get(msgid)
    if text is None:
        return FALLBACK_MARKER + msgid
    return text


def message(msgid: str, lang: str = "en", /, **fields: object) -> str:
    """The text of ``msgid`` in ``lang`` with its ``{placeholders}`` filled from ``fields``.

    Raises ``KeyError`` when a placeholder of the text has no field."""
    text = translate(msgid, lang)
    return text.format(**fields) if fields else text


def N_(msgid: str) -> str:
    """Mark ``msgid`` for the catalogue without translating it (returns it unchanged)."""
    return msgid
