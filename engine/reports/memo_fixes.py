"""The memo's computed fixes: ``engine/analysis/fixing.py``'s search, in the memo's shape.

``ComputedFixes`` is the ``FixSource`` hook of ``memo.MemoReport`` (memo_sections.py): given
a checked provision and its JSON item it re-evaluates the provision on the item's date and
edition, searches the fixes of every failing stage (``fixing.fixes_for``) and turns each into
a ``MemoFix``: the effect (1-based), the stage, what the change does in words, and the YAML
patch to the bill (the changed keys with their new values, under a comment naming the
effect). A provision that fails no stage gets no fixes section (None).

The search evaluates amended provisions (about 10 per failing provision, at most a few
hundred; docs/fixes.md), so a memo of a long bill takes longer than the text report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from tarazy.engine.analysis import fixing
from tarazy.engine.analysis.fixing import Change, Fix
from tarazy.engine.model import Case, DoctrineSet, Provision
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.messages import message
from tarazy.engine.reports.fixes_report import change_text, flow
from tarazy.engine.reports.memo_sections import MemoFix
from tarazy.engine.verdict.evaluating import Evaluator

__all__ = ["ComputedFixes", "memo_fix", "patch_text"]


def patch_text(changes: Sequence[Change], lang: str = "en") -> str:
    """The YAML patch of ``changes``: for each effect (1-based, in a comment in ``lang``) the
    bill-file keys that change with their new values, one per line (``safeguards:
    [deferral]``); a nested key is written nested (``addressees:`` then ``  breadth:
    narrow``). Keys and values stay the bill file's: they are what the drafter types."""
    lines: list[str] = []
    current: object = ()
    for change in changes:
        if change.effect != current:
            current = change.effect
            where = (
                message("Provision", lang)
                if change.effect is None
                else message("effect {n}", lang, n=change.effect + 1)
            )
            lines.append("# " + where)
        *parents, key = change.key.split(".")
        for depth, parent in enumerate(parents):
            lines.append("  " * depth + f"{parent}:")
        lines.append("  " * len(parents) + f"{key}: {flow(change.after)}")
    return "\n".join(lines)


def memo_fix(fix: Fix, lang: str) -> MemoFix:
    """One ``fixing.Fix`` as the memo prints it (see the module)."""
    if fix.status == "cured_before":
        words = message("cured by the fix of an earlier stage", lang)
    elif fix.status in ("passes", "open"):
        shown = "; ".join(change_text(c) for c in fix.changes)
        if fix.status == "passes":
            words = message("change {changes}; the stage then passes.", lang, changes=shown)
        else:
            words = message(
                "no change along the deciding facts makes the stage pass; the smallest that "
                "stops it failing ({changes}) leaves it open: {questions}",
                lang,
                changes=shown,
                questions=" ".join(fix.questions),
            )
        for alternative in fix.alternatives:
            words += " " + message(
                "Or, as small: {changes}.",
                lang,
                changes="; ".join(change_text(c) for c in alternative),
            )
    elif fix.reason == "bound":
        words = message(
            "no fix was found before the search of pairs of changes reached its bound; a fix "
            "along {tried} may still exist.",
            lang,
            tried=", ".join(fix.tried),
        )
    else:
        words = message(
            "no change along the dimensions cures it; tarazy fix gives the reason.", lang
        )
    patch = patch_text(fix.changes, lang) if fix.status in ("passes", "open") else ""
    return MemoFix(fix.effect + 1, fix.stage, words, patch)


class ComputedFixes:
    """The memo's fixes hook (see the module). Use as a context manager, or call ``close``:
    it holds an ``Evaluator`` (durable_rules sessions)."""

    def __init__(
        self, doctrines: DoctrineSet, catalogue: Catalogue, cases: Sequence[Case], lang: str
    ) -> None:
        self.evaluator = Evaluator(doctrines, catalogue, cases=cases)
        self.lang = lang

    def __call__(self, provision: Provision, item: Mapping[str, Any]) -> list[MemoFix] | None:
        """The fixes of ``provision``, checked as ``item`` (its JSON report) says: None when
        no stage fails. Raises what ``Evaluator.evaluate`` raises."""
        if not any(
            stage["status"] == "fails" for effect in item["stages"] for stage in effect["stages"]
        ):
            return None
        day = dt.date.fromisoformat(item["as_of"])
        verdict = self.evaluator.evaluate(provision, day, item["edition"], self.lang)
        found = fixing.fixes_for(verdict, self.evaluator, self.lang)
        return [memo_fix(f, self.lang) for f in found.fixes]

    def close(self) -> None:
        """Release the evaluator's sessions."""
        self.evaluator.close()

    def __enter__(self) -> ComputedFixes:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
