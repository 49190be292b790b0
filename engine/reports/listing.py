"""`tarazy rights` and `tarazy doctrine list` as text, in the reader's language.

Every frame goes through the message catalogue and every value prints as a word (a stage
by its name, a doctrine's outcome, a ruling by its label in ``lang``). Ids that a reader
types back stay: the right id, the aim id and the doctrine id in the first column.

The command line (``cli/main.py``, the ``rights`` and ``doctrine list`` commands) renders
its text with these functions; their JSON stays in the command (ids: it is data).
"""

from __future__ import annotations

from collections.abc import Sequence

from tarazy.engine import model
from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.messages import message
from tarazy.engine.model.words import (
    article_label,
    finding_word,
    ruling_label,
    stage_name,
    value_word,
)

__all__ = ["doctrine_list_text", "rights_text"]


def rights_text(catalogue: Catalogue, editions: Sequence[str], lang: str = "en") -> str:
    """The rights table: per right its article under each edition (``never`` where that
    edition lets it be restricted in no case) and its name; then the admitted aims.
    No trailing newline (as ``click.echo`` adds one)."""
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
    return "\n".join(lines)


def doctrine_list_text(doctrines: DoctrineSet, lang: str = "en") -> str:
    """The doctrines in stage order: id, stage, outcome and rulings on one line, the title
    in ``lang`` on the next. Ends with a newline."""
    ordered = sorted(doctrines.doctrines, key=lambda d: (list(model.STAGES).index(d.stage), d.id))
    lines = []
    for d in ordered:
        rulings = ", ".join(ruling_label(r, lang) for r in d.rulings) or message(
            "text of the clause", lang
        )
        stage = stage_name(d.stage, lang)
        outcome = finding_word(d.outcome, lang)
        lines.append(f"{d.id:40} {stage:16} {outcome:10} {rulings}")
        lines.append(f"{'':40} {d.title.get(lang)}")
    return "".join(line + "\n" for line in lines)
