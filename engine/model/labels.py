"""Labels of rulings and articles as the Court and a lawyer write them."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["articles_label", "ruling_label"]


def ruling_label(case_id: str) -> str:
    """KZ-CC-NR-2023-03 → 'NR No. 3 of 2023'; from No. 11 of 2023 on the Court numbers its
    normative resolutions with the suffix НП: KZ-CC-NR-2023-27 → '27-НП of 2023'."""
    parts = case_id.split("-")
    if len(parts) == 5 and parts[:3] == ["KZ", "CC", "NR"]:
        number = int(parts[4])
        if parts[3] == "2023" and number <= 10:
            return f"NR No. {number} of {parts[3]}"
        return f"{number}-НП of {parts[3]}"
    return case_id


def articles_label(articles: Sequence[str], edition: str) -> str:
    """Articles as a report names them: "Art. 41(1), Art. 41(3) (Constitution, edition
    2026)", or "none"."""
    if not articles:
        return "none"
    return ", ".join(f"Art. {a}" for a in articles) + f" (Constitution, edition {edition})"
