"""``tarazy doctrine list``: the doctrines in stage order, as JSON and as text."""

from __future__ import annotations

from collections.abc import Sequence

from tarazy.engine import model
from tarazy.engine.model import DoctrineSet, jsonout
from tarazy.engine.model.messages import message
from tarazy.engine.model.words import finding_word, ruling_label, stage_name

__all__ = ["in_stage_order", "list_json", "list_text"]


def in_stage_order(doctrines: DoctrineSet) -> list[model.Doctrine]:
    """The doctrines ordered by their stage (the order of ``model.STAGES``), then by id."""
    stages = list(model.STAGES)
    return sorted(doctrines.doctrines, key=lambda d: (stages.index(d.stage), d.id))


def list_json(ordered: Sequence[model.Doctrine], lang: str) -> str:
    """``{doctrines: [{id, title, stage, outcome, rulings, effective, basis: {EDITION:
    {articles, status}}, file}]}`` as a JSON document; ``effective`` ISO 8601, ``file`` the
    doctrine's file as loaded (``null`` for a doctrine built in code)."""
    data = [
        {
            "id": d.id,
            "title": d.title.get(lang),
            "stage": d.stage,
            "outcome": d.outcome,
            "rulings": list(d.rulings),
            "effective": d.effective.isoformat(),
            "basis": {
                b.edition: {"articles": list(b.articles), "status": b.status} for b in d.basis
            },
            "file": d.location.file if d.location else None,
        }
        for d in ordered
    ]
    return jsonout.document({"doctrines": data})


def list_text(ordered: Sequence[model.Doctrine], lang: str) -> str:
    """Two lines per doctrine: id, stage, outcome and the rulings it comes from (labelled as
    the Court numbers them, or "text of the clause"), in ``lang``; then its title in
    ``lang``. The id stays an id (a reader types it back). Ends with a newline."""
    lines = []
    for d in ordered:
        rulings = ", ".join(ruling_label(r, lang) for r in d.rulings) or message(
            "text of the clause", lang
        )
        stage = stage_name(d.stage, lang)
        outcome = finding_word(d.outcome, lang)
        lines.append(f"{d.id:40} {stage:16} {outcome:10} {rulings}\n")
        lines.append(f"{'':40} {d.title.get(lang)}\n")
    return "".join(lines)
