"""Labels of rulings and articles as the Court and a lawyer write them (in English by
default; ``lang`` gives the Russian and Kazakh forms, see ``words``)."""

from __future__ import annotations

from collections.abc import Sequence

from tarazy.engine.model import words

__all__ = ["articles_label", "ruling_label"]


def ruling_label(case_id: str, lang: str = "en") -> str:
    """KZ-CC-NR-2023-03 → 'NR No. 3 of 2023'; from No. 11 of 2023 on the Court numbers its
    normative resolutions with the suffix НП: KZ-CC-NR-2023-27 → '27-НП of 2023'."""
    return words.ruling_label(case_id, lang)


def articles_label(articles: Sequence[str], edition: str, lang: str = "en") -> str:
    """Articles as a report names them in ``lang``: "Art. 41(1), Art. 41(3) (Constitution,
    edition 2026)" in English, or "none"."""
    return words.articles_text(tuple(articles), edition, lang)
