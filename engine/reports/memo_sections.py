"""The sections of a memo (``memo``): one per provision, and the labels they use.

A section is built from a provision's JSON item (``reporting.provision_json``: the stage
tables, findings, defeated doctrines, notes) and the provision itself (its citation,
instrument, text and effects), in the language of a ``Context``; every frame goes through
``message``. The computed-fixes hook (``MemoFix``, ``FixSource``, ``fixes_blocks``) is here.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from tarazy.engine import model
from tarazy.engine.model import DoctrineSet, Provision
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.labels import ruling_label
from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import KIND_WORDS, STATUS_WORDS, article_label, citation_text
from tarazy.engine.reports import streaming
from tarazy.engine.reports.memo_blocks import (
    Block,
    Code,
    Fields,
    Heading,
    Items,
    Para,
    Run,
    Section,
    Table,
    plain,
)
from tarazy.engine.reports.textutil import case_note, dimension_word


@attrs.frozen
class MemoFix:
    """A computed fix as the memo prints it: on ``effect`` (1-based) the change that makes
    ``stage`` pass, in words (``change``, in the memo's language) and as a YAML patch to the
    bill (``patch``; empty when no change cures it, and ``change`` says why). The fixing
    analysis (``engine/analysis/fixing.py``, in progress) is to be adapted to this shape."""

    effect: int
    stage: str
    change: str
    patch: str = ""


# The hook for computed fixes: given a provision and its JSON item, the fixes to print
# (an empty sequence: none was found; None: fixes were not computed - no section).
FixSource = Callable[[Provision, Mapping[str, Any]], Sequence[MemoFix] | None]


@attrs.frozen
class Entry:
    """One checked provision: its JSON item (``reporting.provision_json``) and the group."""

    item: Mapping[str, Any]
    provision: Provision
    group: streaming.Group


@attrs.frozen
class Context:
    """What a section is written with: the language, the catalogue (names of rights and
    instruments, editions), the doctrine set (titles), the fixes hook (None: no fixes)."""

    lang: str
    catalogue: Catalogue
    doctrines: DoctrineSet
    fixes: FixSource | None = None


def msg(msgid: str, lang: str, /, **fields: object) -> str:
    """``message`` (engine/model/messages.py) under a short name."""
    return message(msgid, lang, **fields)


OUTCOME = {
    "does_not_conform": N_("Does not conform"),
    "conforms_with_concerns": N_("Conforms, with concerns"),
    "conforms": N_("Conforms"),
    "open": N_("Open"),
}
STAGE = {
    "legality": N_("Legality"),
    "absolute_rights": N_("Absolute rights"),
    "legitimate_aim": N_("Legitimate aim"),
    "necessity": N_("Necessity"),
    "balance": N_("Balance"),
    "equality": N_("Equality"),
    "certainty": N_("Certainty"),
}
HOLDING = {
    "does_not_conform": N_("held not to conform"),
    "conforms_with_recommendations": N_("upheld with recommendations"),
    "conforms_in_interpretation": N_("upheld in interpretation"),
    "conforms": N_("upheld"),
}
assert set(STAGE) == set(model.STAGES)
assert set(OUTCOME) == set(model.VERDICT_OUTCOMES)


def _settled_by(ctx: Context, stage: Mapping[str, Any]) -> str:
    lang = ctx.lang
    if stage["source"] == "precedent":
        labels = ", ".join(ruling_label(c, lang) for c in stage["cases"])
        return msg("precedent: {cases}", lang, cases=labels)
    if stage["doctrines"]:
        names = []
        for d in stage["doctrines"]:
            name = ctx.doctrines.get(d).title.get(lang)
            names.append(name + (" " + msg("(concern)", lang) if d in stage["concerns"] else ""))
        return "; ".join(names)
    return "" if stage["status"] == "not_applicable" else "—"


def _effect_words(ctx: Context, entry: Entry, index: int) -> str:
    """Effect ``index`` (0-based) in words: the right, its article under the edition applied,
    and the kind of measure."""
    effect, edition, lang = entry.provision.effects[index], entry.group.edition, ctx.lang
    name = ctx.catalogue.right(effect.right).name_under(edition).get(lang)
    article = ctx.catalogue.article(effect.right, edition)
    if article:
        name += f" ({article_label(article, lang)})"
    return msg("{right} — {kind}", lang, right=name, kind=msg(KIND_WORDS[effect.kind], lang))


def _effect_heading(ctx: Context, entry: Entry, index: int) -> str:
    words = _effect_words(ctx, entry, index)
    return msg("Effect {n}: {effect}", ctx.lang, n=index + 1, effect=words)


def provision_section(ctx: Context, entry: Entry, n: int) -> Section:
    """The section of one provision (``n``: its 1-based place in the memo)."""
    lang, item, p = ctx.lang, entry.item, entry.provision
    outcome = msg(OUTCOME[item["outcome"]], lang)
    head = msg("{n}. Provision {id}", lang, n=n, id=p.id) + (f": {p.title}" if p.title else "")
    rows: list[tuple[str, tuple[Run, ...]]] = []
    cite = citation_text(p.citation, lang)
    if cite:
        rows.append((msg("Citation", lang), plain(cite)))
    instrument = ctx.catalogue.instrument_name(p.instrument, lang)
    rows.append((msg("Instrument", lang), plain(instrument)))
    rows.append((msg("Bill file", lang), (Run(entry.group.file, code=True),)))
    if p.text:
        rows.append((msg("Text", lang), plain(p.text)))
    blocks: list[Block] = [
        Heading(2, head, f"p-{n}"),
        Para(
            (Run(msg("Verdict:", lang) + " "), Run(outcome, strong=True)),
            "verdict-" + item["outcome"],
        ),
        Fields(tuple(rows)),
    ]
    for table in item["stages"]:
        blocks.append(Heading(3, _effect_heading(ctx, entry, table["effect"] - 1)))
        blocks.append(
            Table(
                (msg("Stage", lang), msg("Status", lang), msg("Settled by", lang)),
                tuple(
                    (
                        msg(STAGE[s["stage"]], lang),
                        msg(STATUS_WORDS[s["status"]], lang),
                        _settled_by(ctx, s),
                    )
                    for s in table["stages"]
                ),
                tuple(s["status"] for s in table["stages"]),
                kind="stages",
            )
        )
    if item["findings"]:
        blocks.append(Heading(3, msg("Findings", lang)))
        blocks += [_finding(ctx, entry, k, f) for k, f in enumerate(item["findings"], 1)]
    questions = _questions(ctx, item)
    if questions:
        blocks += [Heading(3, msg("Open questions", lang)), Items(tuple(questions))]
    blocks += fixes_blocks(ctx, entry)
    blocks += _sources(ctx, entry)
    remarks = [
        plain(
            msg(
                "{doctrine} on effect {n}: {why}",
                lang,
                doctrine=d["doctrine"],
                n=d["effect"],
                why=d["why"],
            )
        )
        for d in item["defeated"]
    ]
    remarks += [plain(msg("Warning: {text}", lang, text=w)) for w in item["warnings"]]
    remarks += [plain(msg("Note: {text}", lang, text=t)) for t in item["notes"]]
    if remarks:
        blocks += [Heading(3, msg("Remarks", lang)), Items(tuple(remarks))]
    return Section("provision", tuple(blocks))


def _articles(articles: Sequence[str], edition: str, lang: str) -> str:
    if not articles:
        return msg("none", lang)
    return msg(
        "{articles} (Constitution, edition {edition})",
        lang,
        articles=", ".join(_article(a, lang) for a in articles),
        edition=edition,
    )


def _article(article: str, lang: str) -> str:
    """An article of the JSON item ("Art. 41(1)", English) as ``words.article_label`` writes
    it in ``lang`` («п. 1 ст. 41»)."""
    return article_label(article.removeprefix("Art. "), lang)


def _finding(ctx: Context, entry: Entry, k: int, f: Mapping[str, Any]) -> Section:
    lang, edition = ctx.lang, entry.group.edition
    if f["case"] is not None:
        name = msg("decided case {label}", lang, label=ruling_label(f["case"], lang))
    else:
        name = ctx.doctrines.get(f["doctrine"]).title.get(lang)
    kind = msg("violation", lang) if f["outcome"] == "violation" else msg("concern", lang)
    head = f"{k}. {msg(STAGE[f['stage']], lang)} · {kind} · {name}"
    rows = [
        (
            msg("Effect", lang),
            plain(f"{f['effect']}: {_effect_words(ctx, entry, f['effect'] - 1)}"),
        ),
        (msg("Reason", lang), plain(f["reason"])),
        (msg("Articles", lang), plain(_articles(f["articles"], edition, lang))),
    ]
    if f["rulings"]:
        rulings = "; ".join(f"{ruling_label(r, lang)} [{r}]" for r in f["rulings"])
        rows.append((msg("Rulings", lang), plain(rulings)))
    rows.append((msg("Remedy", lang), plain(f["remedy"])))
    rows.append((msg("Why", lang), (Run(explain_in(entry.item["explain"], lang), code=True),)))
    return Section(
        "finding", (Para((Run(head, strong=True),), "finding-head"), Fields(tuple(rows)))
    )


def explain_in(command: str, lang: str) -> str:
    """The JSON item's explain command (``tarazy explain FILE ID --as-of DAY [options]``,
    written for English) asking for ``lang``, as ``reporting.explain_words`` orders it."""
    if lang == "en":
        return command
    words = shlex.split(command)
    return shlex.join([*words[:6], "--lang", lang, *words[6:]])


def _questions(ctx: Context, item: Mapping[str, Any]) -> list[tuple[Run, ...]]:
    """One item per open stage: its questions, then the nearest decided case on each side
    and what distinguishes it (or that no decided case points either way)."""
    lang, out = ctx.lang, list[tuple[Run, ...]]()
    for table in item["stages"]:
        for s in table["stages"]:
            if s["status"] != "open":
                continue
            where = msg(
                "effect {n}, {stage}", lang, n=table["effect"], stage=msg(STAGE[s["stage"]], lang)
            )
            texts = list(s["questions"])
            for near in s["nearest"]:
                differs = "; ".join(dimension_word(d, lang) for d in near["distinctions"])
                differs = differs or msg("nothing recorded", lang)
                texts.append(
                    msg(
                        "Nearest decided case, {side}: {label} [{case}], differs on {differs}",
                        lang,
                        side=msg(HOLDING.get(near["holding"], "upheld"), lang),
                        label=ruling_label(near["case"], lang),
                        case=near["case"],
                        differs=differs,
                    )
                    + (f" ({case_note(near['note'], lang)})" if near["note"] else "")
                    + "."
                )
            if not s["nearest"]:
                texts.append(msg("No decided case on this right points either way.", lang))
            out.append((Run(where + ": ", strong=True), Run(" ".join(texts))))
    return out


def fixes_blocks(ctx: Context, entry: Entry) -> list[Block]:
    """The "Computed fixes" section of one provision: each ``MemoFix`` the ``fixes`` hook
    gives (stage, effect, the change in words and the YAML patch); a line saying none was
    found when it gives none for a provision that fails or has a concern; nothing at all
    when the hook is not set (fixes not computed) or gives None."""
    if ctx.fixes is None:
        return []
    fixes = ctx.fixes(entry.provision, entry.item)
    if fixes is None:
        return []
    lang = ctx.lang
    blocks: list[Block] = [Heading(3, msg("Computed fixes", lang))]
    if not fixes:
        if not entry.item["findings"]:
            return []
        blocks.append(
            Para(plain(msg("No change to the provision's facts was found that cures it.", lang)))
        )
    for fix in fixes:
        where = msg("effect {n}, {stage}", lang, n=fix.effect, stage=msg(STAGE[fix.stage], lang))
        blocks.append(Para((Run(where + ": ", strong=True), Run(fix.change)), "fix"))
        if fix.patch:
            blocks.append(Code(fix.patch))
    return [Section("fixes", tuple(blocks))]


def _sources(ctx: Context, entry: Entry) -> list[Block]:
    lang, item, edition = ctx.lang, entry.item, entry.group.edition
    articles: list[str] = []
    rulings: list[str] = []
    compared: list[str] = []
    for table in item["stages"]:
        for s in table["stages"]:
            articles += [a for a in s["articles"] if a not in articles]
            rulings += [c for c in s["cases"] if c not in rulings]
            compared += [n["case"] for n in s["nearest"] if n["case"] not in compared]
    for f in item["findings"]:
        articles += [a for a in f["articles"] if a not in articles]
        rulings += [r for r in f["rulings"] if r not in rulings]
    rows = [(msg("Articles applied", lang), plain(_articles(articles, edition, lang)))]
    if rulings:
        rows.append(
            (
                msg("Rulings relied on", lang),
                plain("; ".join(f"{ruling_label(r, lang)} [{r}]" for r in rulings)),
            )
        )
    compared = [c for c in compared if c not in rulings]
    if compared:
        rows.append(
            (
                msg("Decided cases compared", lang),
                plain("; ".join(f"{ruling_label(c, lang)} [{c}]" for c in compared)),
            )
        )
    return [Heading(3, msg("Sources", lang)), Fields(tuple(rows))]
