"""`tarazy check` for the terminal: per provision the verdict, the stage table of each
effect, the findings with reasons and remedies, and the open questions with the nearest
decided cases - in 80 columns, in the reader's language.

Every frame is a msgid of the message catalogue (``model.messages``) and every value is
printed as a word (``model.words``): a right by its name, a kind of effect, a stage, a
status, a field, a holding - never as its id. Ids a reader types back stay: provision,
doctrine and case ids, and the `why:` command.

Output is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from tarazy.engine import model
from tarazy.engine.model import DoctrineSet, StageResult, Verdict
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import (
    OUTCOME_LABELS,
    articles_text,
    citation_text,
    date_text,
    finding_word,
    kind_word,
    ruling_label,
    stage_name,
    status_word,
    value_word,
)
from tarazy.engine.reports.check_json import CheckedProvision, explain_words
from tarazy.engine.reports.textutil import (
    WIDTH,
    case_note,
    command_lines,
    dimension_word,
    visible,
    wrap,
)

__all__ = [
    "WIDTH",
    "case_note",
    "command_lines",
    "dimension_word",
    "drafting_notes",
    "effect_label",
    "override_line",
    "stage_table_text",
    "stamp_text",
    "text_header",
    "text_provision",
    "text_summary",
    "to_text",
    "visible",
    "wrap",
]

# The side of a nearest decided case, by its holding.
_SIDES: dict[str, str] = {
    "does_not_conform": N_("held not to conform"),
    "conforms_with_recommendations": N_("upheld with recommendations"),
    "conforms_in_interpretation": N_("upheld in interpretation"),
    "conforms": N_("upheld"),
}


def effect_label(
    verdict: Verdict, index: int, lang: str = "en", catalogue: Catalogue | None = None
) -> str:
    """The effect as reports name it, e.g. ``effect 1 (peaceful assembly, ban)``.

    The effect's number (1-based), the right by its name (by its id when no catalogue is
    given) and the kind of effect in words."""
    effect = verdict.provision.effects[index]
    right = value_word("right", effect.right, lang, catalogue)
    return message(
        "effect {number} ({right}, {kind})",
        lang,
        number=index + 1,
        right=right,
        kind=kind_word(effect.kind, lang),
    )


def drafting_notes(verdict: Verdict, lang: str = "en") -> tuple[str, ...]:
    """What the drafter should know beyond the stage table (facts that decide nothing)."""
    notes = []
    for i, effect in enumerate(verdict.provision.effects):
        if effect.justification is not None:
            notes.append(
                message(
                    "effect {number} says 'justification: {value}'; whether a justification "
                    "is objective and reasonable is the legal conclusion itself, so this field "
                    "decides nothing (the equality stage weighs the ground and the aim)",
                    lang,
                    number=i + 1,
                    value=effect.justification,
                )
            )
    return tuple(notes)


def _settled_by(r: StageResult, lang: str = "en") -> str:
    if r.source == "precedent":
        return message("by precedent: {cases}", lang, cases=", ".join(r.cases))
    if r.doctrines:
        concern = message(" (concern)", lang)
        return ", ".join(d + (concern if d in r.concerns else "") for d in r.doctrines)
    return "-" if r.status != "not_applicable" else ""


def stage_table_text(
    verdict: Verdict, lang: str = "en", catalogue: Catalogue | None = None
) -> list[str]:
    """The stage table of every effect, compactly, in 80 columns."""
    lines: list[str] = []
    names = {s: _name_lines(stage_name(s, lang)) for s in model.STAGES}
    width = max(16, *(len(n[0]) + 1 for n in names.values()))
    statuses = {s: status_word(s, lang) for s in model.STAGE_STATUSES}
    status_width = max(7, *(len(s) + 1 for s in statuses.values()))
    for table in verdict.stages:
        lines += wrap(effect_label(verdict, table.effect, lang, catalogue), "       ", "   ")
        for r in table.stages:
            first, *more = names[r.stage]
            head = f"     {first:<{width}} {statuses[r.status]:<{status_width}} "
            settled = _settled_by(r, lang)
            lines += wrap(settled, " " * len(head), head) if settled else [head.rstrip()]
            lines += [f"     {rest}" for rest in more]
    return lines


# The widest stage name the stage table gives a column (a longer one continues below its
# row), so the column of what settled a stage keeps room for the longest doctrine id.
_NAME_COLUMN = 24


def _name_lines(name: str) -> list[str]:
    """A stage name in the table: one line, or, when longer than ``_NAME_COLUMN``, its
    part up to the last comma that fits (else the words that fit) and the rest below
    («права и свободы,» / «не подлежащие ограничению»)."""
    if len(name) <= _NAME_COLUMN:
        return [name]
    cut = name.rfind(", ", 0, _NAME_COLUMN)
    if cut > 0:
        return [name[: cut + 1], name[cut + 2 :]]
    first = " ".join(_fitting_words(name.split(), _NAME_COLUMN))
    return [first, name[len(first) :].strip()] if first else [name]


def _fitting_words(words: list[str], width: int) -> list[str]:
    """The leading ``words`` that fit in ``width`` columns, joined by single spaces."""
    taken: list[str] = []
    for word in words:
        if len(" ".join([*taken, word])) > width:
            break
        taken.append(word)
    return taken


def _open_questions_text(
    verdict: Verdict, lang: str = "en", catalogue: Catalogue | None = None
) -> list[str]:
    lines: list[str] = []
    for table in verdict.stages:
        for r in table.stages:
            if r.status != "open":
                continue
            label = message(
                "effect {number}, {stage}",
                lang,
                number=table.effect + 1,
                stage=stage_name(r.stage, lang),
            )
            for q in r.questions:
                lines += wrap(f"{label}: {q}", "        ", "      - ")
            for n in r.nearest:
                side = message(_SIDES.get(n.holding, _SIDES["conforms"]), lang)
                differs = "; ".join(dimension_word(d, lang) for d in n.distinctions)
                text = message(
                    "nearest {side}: {ruling} [{case}], differs on {differs}",
                    lang,
                    side=side,
                    ruling=ruling_label(n.case, lang),
                    case=n.case,
                    differs=differs or message("nothing recorded", lang),
                )
                if n.note:
                    text += f" ({case_note(n.note, lang)})"
                lines += wrap(text, "          ", "        ")
            if not r.nearest:
                none = message("no decided case on this right points either way", lang)
                lines += wrap(none, "        ")
    return lines


def to_text(
    checked: Sequence[CheckedProvision],
    doctrines: DoctrineSet,
    catalogue: Catalogue,
    lang: str = "en",
    stamp: Mapping[str, Any] | None = None,
) -> str:
    """Verdicts for the terminal: per provision the verdict, the stage table of each effect,
    the findings with reasons and remedies, and the open questions with the nearest cases."""
    lines: list[str] = []
    current: tuple[str, str, str] | None = None
    for item in checked:
        v = item.verdict
        header = (item.file, v.edition, v.as_of.isoformat())
        if header != current:
            current = header
            lines += text_header(item.file, v.edition, v.as_of, catalogue, lang, first=not lines)
            if item.as_of_overridden is not None:
                lines.append(override_line(v.as_of, item.as_of_overridden, lang))
        lines += text_provision(item, doctrines, catalogue, lang)
    counts: Counter[str] = Counter(item.verdict.outcome for item in checked)
    lines += text_summary(counts, lang)
    if stamp is not None:
        editions = sorted({item.verdict.edition for item in checked})
        lines.append(stamp_text(stamp, editions, lang))
    return "\n".join(lines) + "\n"


def stamp_text(stamp: Mapping[str, Any], editions: Sequence[str], lang: str = "en") -> str:
    """The last line of a text report: what made it (version, editions, content hashes),
    continued on a second line only where it would not fit in 80 columns."""
    if len(editions) > 1:
        on = message("editions {editions}", lang, editions=message(" and ", lang).join(editions))
    else:
        on = message("edition {edition}", lang, edition=editions[0] if editions else "none")
    text = message(
        "tarazy {version}, {on}, doctrines {doctrines}, cases {cases}",
        lang,
        version=stamp["version"],
        on=on,
        doctrines=stamp["doctrines"],
        cases=stamp["cases"],
    )
    return "\n".join(wrap(text, "  ", ""))


def text_header(
    file: str, edition_id: str, as_of: dt.date, catalogue: Catalogue, lang: str, first: bool
) -> list[str]:
    """The lines opening a group of provisions from one file checked under one edition."""
    edition = catalogue.edition(edition_id)
    lines = [
        *([] if first else [""]),
        f"== {file}",
        *wrap(
            message(
                "Constitution applied: edition {edition} ({title}), as of {day}",
                lang,
                edition=edition_id,
                title=edition.title.get(lang),
                day=date_text(as_of, lang),
            ),
            "   ",
        ),
    ]
    return [visible(line) for line in lines]


def override_line(day: dt.date, option: dt.date, lang: str = "en") -> str:
    """The header line saying that a bill's own as_of overrides --as-of."""
    return "   " + message(
        "The bill's own as_of ({day}) overrides --as-of ({option}).",
        lang,
        day=date_text(day, lang),
        option=date_text(option, lang),
    )


def text_provision(
    item: CheckedProvision, doctrines: DoctrineSet, catalogue: Catalogue, lang: str
) -> list[str]:
    """The lines of one checked provision in the text report."""
    v = item.verdict
    p = v.provision
    lines = [""]
    title = f" — {p.title}" if p.title else ""
    lines += wrap(f"[{message(OUTCOME_LABELS[v.outcome], lang)}] {p.id}{title}", "   ", "")
    cite = citation_text(p.citation, lang)
    instrument = message(
        "instrument: {instrument}", lang, instrument=catalogue.instrument_name(p.instrument, lang)
    )
    lines += wrap(f"{cite + ' · ' if cite else ''}{instrument}", "   ")
    lines += stage_table_text(v, lang, catalogue)
    for n, f in enumerate(v.findings, 1):
        if f.case is not None:
            name = message("decided case {ruling}", lang, ruling=ruling_label(f.case, lang))
        else:
            name = doctrines.get(f.doctrine).title.get(lang)
        outcome = finding_word(f.outcome, lang)
        lines += wrap(
            f"{n}. {stage_name(f.stage, lang)} · {outcome} · {f.doctrine} — {name}",
            "      ",
            "   ",
        )
        on = message("on {effect}", lang, effect=effect_label(v, f.effect, lang, catalogue))
        lines += wrap(on, "        ", "      ")
        lines += wrap(message("Reason: {text}", lang, text=f.reason), "      ")
        if f.articles:
            arts = articles_text(f.articles, v.edition, lang)
            lines += wrap(message("Articles: {articles}", lang, articles=arts), "      ")
        if f.rulings:
            rulings = ", ".join(f"{ruling_label(r, lang)} [{r}]" for r in f.rulings)
            lines += wrap(message("Rulings: {rulings}", lang, rulings=rulings), "      ")
        lines += wrap(message("Remedy: {text}", lang, text=f.remedy), "      ")
        lines += command_lines(message("why: ", lang), explain_words(item, lang), "      ")
    questions = _open_questions_text(v, lang, catalogue)
    if questions:
        lines.append("   " + message("Open questions:", lang))
        lines += questions
    if v.defeated:
        lines.append("   " + message("Defeated:", lang))
        for d in v.defeated:
            text = message(
                "{doctrine} on effect {number}: {why}",
                lang,
                doctrine=d.doctrine,
                number=d.effect + 1,
                why=d.why,
            )
            lines += wrap(text, "        ", "      - ")
    for warning in item.warnings:
        lines += wrap(message("Warning: {text}", lang, text=warning), "   ")
    for note in item.notes:
        lines += wrap(message("Note: {text}", lang, text=note), "   ")
    return [visible(line) for line in lines]


# The count of provisions by outcome closing the report ("2 does not conform").
_SUMMARY: dict[str, str] = {
    "does_not_conform": N_("does not conform: {count}"),
    "conforms_with_concerns": N_("conforms with concerns: {count}"),
    "conforms": N_("conforms: {count}"),
    "open": N_("open: {count}"),
}


def text_summary(counts: Mapping[str, int], lang: str = "en") -> list[str]:
    """The closing lines of the text report: provisions by outcome (wrapped in 80 columns)."""
    parts = [
        message(_SUMMARY[o], lang, count=counts[o]) for o in model.VERDICT_OUTCOMES if counts.get(o)
    ]
    total = sum(counts.values())
    head = message("Provisions checked: {count}", lang, count=total)
    # "count: n" in every language: no plural to get wrong; a semicolon between, as an
    # outcome may have a comma in it («Проверено норм: 3; не соответствуют Конституции: 2»)
    line = message("{provisions}; {outcomes}", lang, provisions=head, outcomes="; ".join(parts))
    return ["", *wrap(line, "  ", "")]
