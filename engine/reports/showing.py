"""``tarazy doctrine show ID``: one doctrine in plain words, with what it rests on, the
decided cases it decides and its examples.

The rule is generated from the doctrine's conditions (``wording``), so it says what the
engine does, not what the author meant. "The decided cases it decides" are found by
replaying every case of the case base: a case is listed where the doctrine fires on it, or
where it applies (passes, or leaves a stage open) and the case's ``relied_on`` names it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import attrs

from tarazy.engine import model
from tarazy.engine.analysis.replaying import Replay
from tarazy.engine.model import Case, Doctrine, DoctrineExample, conditions
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.facts import effect_facts
from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import OUTCOME_WORDS, article_label, holding_word, ruling_label
from tarazy.engine.reports.wording import Wording
from tarazy.engine.verdict.evaluating import doctrine_status, edition_for

HEADINGS: dict[str, str] = {
    # msgids of the message catalogue
    "stage": N_("Stage"),
    "outcome": N_("Outcome where it fires"),
    "effective": N_("In effect from"),
    "when": N_("It applies to an effect of a provision when"),
    "open_when": N_("It leaves the stage open, and asks the question below, when"),
    "unless": N_("It does not fire (the stage passes on it) when"),
    "fires": N_("Otherwise it fires."),
    "question": N_("Question put"),
    "specialises": N_("Displaces, where it applies, the general doctrine(s)"),
    "basis": N_("Basis, per edition of the Constitution"),
    "rulings": N_("Rulings it comes from"),
    "no_rulings": N_("none: it rests on the text of the Constitution"),
    "not_decided": N_("Not decided by those rulings"),
    "reason": N_("Reason given when it fires"),
    "remedy": N_("Remedy"),
    "cases": N_("Decided cases it decides (replayed)"),
    "no_cases": N_("none of the decided cases"),
    "examples": N_("Examples"),
    "no_examples": N_("none (write tests/{id}.yaml beside the doctrine)"),
    "every": N_("every effect (no further condition)"),
    "lapsed": N_("lapsed"),
    "carried_by": N_("results carried by"),
    "file": N_("File"),
    "as_of": N_("as of"),
    "placeholders": N_("(words in braces are filled from the provision)"),
    "same": N_("same"),
    "changed": N_("changed"),
}
EXPECT_WORDS: dict[str, str] = {
    "fires": N_("fires"),
    "passes": N_("passes"),
    "open": N_("leaves the stage open"),
    "does_not_apply": N_("does not apply"),
}


@attrs.frozen
class Decided:
    """A decided case the doctrine decides: what the doctrine did with it."""

    case: Case
    status: str  # fires | passes | open
    outcome: str  # the engine's verdict on the case
    relied_on: bool


def decided_cases(doctrine: Doctrine, replays: Sequence[Replay]) -> list[Decided]:
    """The cases where the doctrine fires, or applies and the Court's reasoning relies on it."""
    found = []
    for r in replays:
        status = doctrine_status(r.verdict, doctrine.id)
        relied = doctrine.id in r.case.relied_on
        if status == "fires" or (status != "does_not_apply" and relied):
            found.append(Decided(r.case, status, r.verdict.outcome, relied))
    return found


def _wrap(text: str, indent: str) -> list[str]:
    words = " ".join(text.split())
    return textwrap.wrap(
        words, width=92, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    ) or [indent]


def show_text(
    doctrine: Doctrine,
    catalogue: Catalogue,
    decided: Sequence[Decided],
    examples: Sequence[DoctrineExample],
    cases: Sequence[Case],
    lang: str = "en",
) -> str:
    """The plain-language account of one doctrine (see the module)."""
    h = {key: message(text, lang) for key, text in HEADINGS.items()}
    words = Wording(catalogue, lang)
    d = doctrine
    stage = message(model.STAGES[d.stage], lang)
    outcome = message(model.DOCTRINE_OUTCOMES[d.outcome], lang)
    lines = [f"{d.id} — {d.title.get(lang)}", ""]
    lines.append(f"{h['stage']}: {stage}")
    lines.append(f"{h['outcome']}: {outcome}")
    lines.append(f"{h['effective']}: {d.effective.isoformat()}")
    if d.location is not None:
        lines.append(f"{h['file']}: {d.location.file}")
    lines += ["", f"{h['when']}:"]
    rule = words.lines(d.when)
    lines += rule or [f"  - {h['every']}"]
    if d.open_when is not None:
        lines += ["", f"{h['open_when']}:", *words.lines(d.open_when)]
        if d.question is not None:
            lines += [f"  {h['question']}:", *_wrap(d.question.get(lang), "    ")]
    if d.unless is not None:
        lines += ["", f"{h['unless']}:", *words.lines(d.unless)]
    lines += ["", h["fires"]]
    if d.specialises:
        lines += [f"{h['specialises']}: {', '.join(d.specialises)}"]
    lines += ["", f"{h['basis']}:"]
    for b in d.basis:
        edition = catalogue.edition(b.edition)
        status = h[b.status] if b.status in ("lapsed", "same", "changed") else b.status
        arts = ", ".join(article_label(a, lang) for a in b.articles) or "-"
        lines.append(f"  {b.edition} ({edition.title.get(lang)}): {arts} [{status}]")
        if b.note:
            lines += _wrap(b.note, "      ")
        if b.carried_by:
            lines.append(f"      {h['carried_by']}: {', '.join(b.carried_by)}")
    lines += ["", f"{h['rulings']}:"]
    by_id = {c.id: c for c in cases}
    if not d.rulings:
        lines.append(f"  {h['no_rulings']}")
    for ruling in d.rulings:
        case = by_id.get(ruling)
        label = ruling_label(ruling, lang)
        if case is None:
            lines.append(f"  {label} ({ruling}): {message('no case file', lang)}")
        else:
            holding = holding_word(case.holding, lang)
            lines += _wrap(
                f"{label} ({ruling}, {case.date.isoformat()}): {case.title} — {holding}", "  "
            )
    if d.not_decided:
        lines += ["", f"{h['not_decided']}:", *_wrap(d.not_decided, "  ")]
    lines += ["", f"{h['reason']} {h['placeholders']}:", *_wrap(d.reason.get(lang), "  ")]
    lines += ["", f"{h['remedy']}:", *_wrap(d.remedy.get(lang), "  ")]
    lines += ["", f"{h['cases']}:"]
    if not decided:
        lines.append(f"  {h['no_cases']}")
    expect = {key: message(text, lang) for key, text in EXPECT_WORDS.items()}
    for x in decided:
        relied = message(", relied on", lang) if x.relied_on else ""
        said = message(
            "held: {holding}; the doctrine {does}{relied}; engine: {outcome}",
            lang,
            holding=holding_word(x.case.holding, lang),
            does=expect[x.status],
            relied=relied,
            outcome=message(OUTCOME_WORDS[x.outcome], lang),
        )
        lines += _wrap(
            f"{ruling_label(x.case.id, lang)} ({x.case.id}, {x.case.date.isoformat()}): "
            f"{x.case.title} — {said}",
            "  ",
        )
    lines += ["", f"{h['examples']}:"]
    if not examples:
        lines.append(f"  {h['no_examples'].format(id=d.id)}")
    read = sorted(
        set().union(*(conditions.fields_read(c) for c in (d.when, d.unless, d.open_when)))
    )
    for ex in examples:
        applied = edition_for(ex.as_of, catalogue)
        facts = effect_facts(ex.provision, ex.provision.effects[0], applied, catalogue)
        where = f"{ex.location.file}:{ex.location.line}" if ex.location else ""
        lines += _wrap(f"{expect[ex.expect]} — {ex.why}", "  ")
        lines += _wrap(f"{h['as_of']} {ex.as_of.isoformat()}; {words.facts(facts, read)}", "      ")
        if where:
            lines.append(f"      {where}")
    return "\n".join(lines) + "\n"
