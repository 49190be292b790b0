"""``tarazy rights``: the rights catalogue, as JSON and as a text table.

Source: the catalogue (``engine/data/catalogue.yaml``): each right's article per edition, and
whether that edition's restriction clause lists it as never restrictable (Art. 39(3) of the
1995 Constitution as amended to 2022, Art. 41(3) of the 2026 Constitution).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tarazy.engine.model import jsonout
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.messages import message
from tarazy.engine.model.words import article_label, value_word

__all__ = ["rights_json", "rights_text"]


def rights_json(catalogue: Catalogue, editions: Sequence[str], lang: str) -> str:
    """The catalogue restricted to ``editions`` as a JSON document: ``{editions: [{id, title,
    restriction_clause, in_force_from, in_force_to}], rights: [{id, name, editions: {EDITION:
    {article, never_restrictable, name, source, note?}}}], aims: [{id, name, admitted:
    [{edition, article, rights?}]}]}``; dates ISO 8601, texts in ``lang``."""
    data: dict[str, Any] = {
        "editions": [
            {
                "id": e.id,
                "title": e.title.get(lang),
                "restriction_clause": f"Art. {e.restriction_clause}",
                "in_force_from": e.in_force_from.isoformat(),
                "in_force_to": e.in_force_to.isoformat() if e.in_force_to else None,
            }
            for e in catalogue.editions
            if e.id in editions
        ],
        "rights": [
            {
                "id": r.id,
                "name": r.name.get(lang),
                "editions": {
                    u.edition: {
                        "article": u.article,
                        "never_restrictable": u.never_restrictable,
                        "name": r.name_under(u.edition).get(lang),
                        "source": u.source,
                        **({"note": u.note} if u.note else {}),
                    }
                    for u in r.editions
                    if u.edition in editions
                },
            }
            for r in catalogue.rights
        ],
        "aims": [
            {
                "id": a.id,
                "name": a.name.get(lang),
                "admitted": [
                    {
                        "edition": x.edition,
                        "article": x.article,
                        **({"rights": list(x.rights)} if x.rights else {}),
                    }
                    for x in a.admitted
                    if x.edition in editions
                ],
            }
            for a in catalogue.aims
        ],
    }
    return jsonout.document(data)


def rights_text(catalogue: Catalogue, editions: Sequence[str], lang: str) -> str:
    """The catalogue as a table in ``lang``: one line per right with its article under each
    of ``editions`` (``never`` where that edition forbids any restriction, ``—`` where it
    has no such right), then the admitted aims with their clauses. Ids a reader types back
    (the right and aim ids in the first column) stay ids. Ends with a newline."""
    never = message("never", lang)
    header = (
        f"{message('right', lang):32}"
        + "".join(f"{e:>16}" for e in editions)
        + "  "
        + message("name", lang)
    )
    lines = [header, "-" * len(header)]
    for r in catalogue.rights:
        cells = ""
        for e in editions:
            u = r.under(e)
            cells += (
                f"{(u.article + (' ' + never if u.never_restrictable else '')) if u else '—':>16}"
            )
        lines.append(f"{r.id:32}{cells}  {r.name.get(lang)}")
    lines.append("")
    lines.append(
        message(
            "'{never}': the edition's restriction clause lists the right as never restrictable",
            lang,
            never=never,
        )
    )
    lines.append(
        message(
            "({old} of 1995-2022, {new} of 2026). Admitted aims:",
            lang,
            old=article_label("39(3)", lang),
            new=article_label("41(3)", lang),
        )
    )
    for a in catalogue.aims:
        admitted = []
        for x in a.admitted:
            if x.edition not in editions:
                continue
            text = f"{x.edition} {article_label(x.article, lang)}"
            if x.rights:
                names = ", ".join(value_word("right", r, lang, catalogue) for r in x.rights)
                text += message(" for {rights}", lang, rights=names)
            admitted.append(text)
        lines.append(f"  {a.id:28} {'; '.join(admitted) or message('not admitted', lang)}")
    return "\n".join(lines) + "\n"
