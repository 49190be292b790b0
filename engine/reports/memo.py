"""`tarazy check --format markdown|html`: a memo a ministry can file with a bill.

The memo opens with the bill's particulars (files, the edition of the Constitution applied
and the day; that a bill's own ``as_of`` overrides ``--as-of``), then the outcome summary,
then a section per provision - its particulars, the stage table of each effect (stage,
status, settled by), the findings (reason, articles of the edition applied, rulings by
their labels, remedy, the command that explains it), the open questions with the nearest
decided cases, the computed fixes (see ``MemoFix``), the sources - and closes with what
made it: the tarazy version and the content hashes of the doctrine set and the case base
(``provenance.stamp``), so the memo can be reproduced. Every frame goes through
``message`` (``--lang`` translates it); reasons and remedies come in the check's language.

**The memo collects first.** A summary opens it, so ``MemoReport`` keeps every provision's
result until the check ends and writes the memo in ``close``; nothing is written before.
It plugs into ``streaming.run`` as a ``Report`` whose ``fmt`` is ``"json"``: the checker
(in worker processes too, with ``--jobs``) renders each provision's JSON item, and the memo
reads that item back beside the provision itself. Memory grows with the bill (about the
size of the JSON report); a memo is for a bill a ministry files, not a load test.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from tarazy.engine import model
from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.words import citation_text, date_text
from tarazy.engine.reports import streaming
from tarazy.engine.reports.memo_blocks import (
    Block,
    Fields,
    Heading,
    Items,
    Para,
    Run,
    Section,
    Table,
    plain,
    to_markdown,
)
from tarazy.engine.reports.memo_sections import (
    OUTCOME,
    Context,
    Entry,
    FixSource,
    MemoFix,
    msg,
    provision_section,
)

__all__ = ["FORMATS", "FixSource", "MemoFix", "MemoReport", "build"]

FORMATS = ("markdown", "html")


class MemoReport(streaming.Report):
    """A ``streaming.Report`` that collects each provision's JSON item and writes the memo
    (``fmt_out``: "markdown" or "html") when the check closes. ``titles`` maps a bill file
    to the bill's title; ``fixes`` is the hook for computed fixes (None: none printed)."""

    def __init__(
        self,
        write: Callable[[str], object],
        fmt_out: str,
        catalogue: Catalogue,
        lang: str,
        stamp: Mapping[str, Any] | None = None,
        doctrines: DoctrineSet | None = None,
        titles: Mapping[str, str | None] | None = None,
        fixes: FixSource | None = None,
    ) -> None:
        if fmt_out not in FORMATS or doctrines is None:
            raise ValueError("a memo is markdown or html and names its doctrines")
        super().__init__(lambda _text: None, "json", catalogue, lang, stamp, doctrines)
        self.write, self.fmt_out, self.doctrine_set = write, fmt_out, doctrines
        self.titles, self.fixes = dict(titles or {}), fixes
        self.entries: list[Entry] = []
        self._group: streaming.Group | None = None
        self._next = 0

    def add(self, group: streaming.Group, outcome: str, piece: str) -> None:
        """Keep one checked provision (its JSON ``piece``) for the memo written at ``close``."""
        self.counts[outcome] += 1
        self.editions.add(group.edition)
        if self.progress is not None:
            self.progress()
        if group is not self._group:  # pieces come in input order, chunk by chunk
            self._group, self._next = group, 0
        provision = group.provisions[self._next]
        self._next += 1
        item = json.loads(piece)
        if item["id"] != provision.id:
            raise ValueError(f"memo: piece {item['id']} out of order (expected {provision.id})")
        self.entries.append(Entry(item, provision, group))

    def close(self) -> None:
        """Write the whole memo (summary first, so it waits for every provision)."""
        blocks = build(self)
        if self.fmt_out == "html":
            from tarazy.engine.reports import memo_html

            self.write(memo_html.to_html(blocks, self.lang, _title(self)))
        else:
            self.write(to_markdown(blocks))


# --------------------------------------------------------------------------- the memo


def _title(report: MemoReport) -> str:
    titles = {report.titles.get(e.group.file) for e in report.entries}
    if len(titles) == 1 and None not in titles:
        return str(titles.pop())
    files = sorted({e.group.file for e in report.entries})
    if len(files) == 1:
        return msg("Conformity memo on {file}", report.lang, file=files[0])
    return msg("Conformity memo on {count} bill files", report.lang, count=len(files))


def build(report: MemoReport) -> list[Block]:
    """The memo as blocks (see the module for its parts, in order)."""
    lang, entries = report.lang, report.entries
    ctx = Context(lang, report.catalogue, report.doctrine_set, report.fixes)
    blocks: list[Block] = [
        Para(plain(msg("Conformity memo", lang)), "kicker"),
        Heading(1, _title(report)),
        Para(plain(_lead(report)), "lead"),
        *_particulars(report),
        Heading(2, msg("Outcome", lang)),
        *_summary(report),
    ]
    for n, entry in enumerate(entries, 1):
        blocks.append(provision_section(ctx, entry, n))
    blocks.append(_provenance(report))
    return blocks


def _lead(report: MemoReport) -> str:
    if len({e.group.file for e in report.entries}) > 1:
        return msg(
            "The provisions of the bills tested against the doctrines and decided cases of the "
            "Constitutional Court of the Republic of Kazakhstan, stage by stage (the "
            "proportionality test).",
            report.lang,
        )
    return msg(
        "The provisions of the bill tested against the doctrines and decided cases of the "
        "Constitutional Court of the Republic of Kazakhstan, stage by stage (the "
        "proportionality test).",
        report.lang,
    )


def _particulars(report: MemoReport) -> list[Block]:
    """The bills checked: one bill as label-value rows, several as a table; either way each
    with the edition applied and the day, and a line for each bill whose own ``as_of``
    overrides ``--as-of``."""
    lang = report.lang
    seen: dict[tuple[str, str, dt.date, dt.date | None], streaming.Group] = {}
    for e in report.entries:  # a file's chunks (--jobs) are one bill
        g = e.group
        seen.setdefault((g.file, g.edition, g.day, g.overridden), g)
    groups = list(seen.values())
    overrides = [
        plain(
            msg(
                "{file}: the bill's own as_of ({day}) overrides --as-of ({option}).",
                lang,
                file=g.file,
                day=date_text(g.day, lang),
                option=date_text(g.overridden, lang),
            )
        )
        for g in groups
        if g.overridden is not None
    ]
    out: list[Block] = []
    if len(groups) == 1:
        g = groups[0]
        applied = msg(
            "edition {edition} ({title})",
            lang,
            edition=g.edition,
            title=report.catalogue.edition(g.edition).title.get(lang),
        )
        out.append(
            Fields(
                (
                    (msg("Bill file", lang), (Run(g.file, code=True),)),
                    (msg("Constitution applied", lang), plain(applied)),
                    (msg("As of", lang), plain(date_text(g.day, lang))),
                )
            )
        )
    else:
        rows = tuple(
            (g.file, report.titles.get(g.file) or "", g.edition, date_text(g.day, lang))
            for g in groups
        )
        head = (msg("Bill file", lang), msg("Bill", lang), msg("Edition", lang), msg("As of", lang))
        out.append(Table(head, rows, kind="bills"))
    if overrides:
        out.append(Items(tuple(overrides)))
    return out


def _summary(report: MemoReport) -> list[Block]:
    lang, counts = report.lang, Counter(e.item["outcome"] for e in report.entries)
    parts = [
        msg("{label}: {count}", lang, label=msg(OUTCOME[o], lang), count=counts[o])
        for o in model.VERDICT_OUTCOMES
        if counts.get(o)
    ]
    total = msg("Provisions checked: {count}.", lang, count=len(report.entries))
    rows = tuple(
        (
            e.provision.id,
            e.provision.title or "",
            citation_text(e.provision.citation, lang),
            msg(OUTCOME[e.item["outcome"]], lang),
        )
        for e in report.entries
    )
    return [
        Para((Run(total, strong=True), Run(" " + "; ".join(parts) + ("." if parts else "")))),
        Table(
            (
                msg("Provision", lang),
                msg("Title", lang),
                msg("Citation", lang),
                msg("Verdict", lang),
            ),
            rows,
            tuple("outcome-" + e.item["outcome"] for e in report.entries),
            tuple(f"p-{n}" for n in range(1, len(rows) + 1)),
            kind="summary",
        ),
        Para(
            plain(
                msg(
                    "A provision does not conform when a stage of one of its effects fails; it "
                    "conforms only when every stage that applies passes; it is open otherwise: "
                    "an open stage is a question for a lawyer, never a finding of conformity.",
                    lang,
                )
            ),
            "note",
        ),
    ]


def _provenance(report: MemoReport) -> Section:
    lang, stamp = report.lang, report.stamp or {}
    editions = ", ".join(sorted(report.editions)) or msg("none", lang)
    rows = (
        (msg("tarazy version", lang), (Run(str(stamp.get("version", "unknown")), code=True),)),
        (
            msg("Doctrine set (content hash)", lang),
            (Run(str(stamp.get("doctrines", "")), code=True),),
        ),
        (msg("Case base (content hash)", lang), (Run(str(stamp.get("cases", "")), code=True),)),
        (msg("Editions applied", lang), plain(editions)),
    )
    note = msg(
        "The same version of tarazy, a doctrine set and a case base with these content hashes "
        "give the same memo for the same bill files on the same dates. A content hash is the "
        "first 16 hex digits of SHA-256 over the YAML files of the folder, in name order. "
        "Each finding's command explains how its verdict was reached.",
        lang,
    )
    return Section(
        "provenance",
        (Heading(2, msg("How this memo was made", lang)), Fields(rows), Para(plain(note), "note")),
    )
