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
from tarazy.engine.model.labels import ruling_label
from tarazy.engine.reports.wording import Wording
from tarazy.engine.verdict.evaluating import doctrine_status, edition_for

HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "stage": "Stage",
        "outcome": "Outcome where it fires",
        "effective": "In effect from",
        "when": "It applies to an effect of a provision when",
        "open_when": "It leaves the stage open, and asks the question below, when",
        "unless": "It does not fire (the stage passes on it) when",
        "fires": "Otherwise it fires.",
        "question": "Question put",
        "specialises": "Displaces, where it applies, the general doctrine(s)",
        "basis": "Basis, per edition of the Constitution",
        "rulings": "Rulings it comes from",
        "no_rulings": "none: it rests on the text of the Constitution",
        "not_decided": "Not decided by those rulings",
        "reason": "Reason given when it fires",
        "remedy": "Remedy",
        "cases": "Decided cases it decides (replayed)",
        "no_cases": "none of the decided cases",
        "examples": "Examples",
        "no_examples": "none (write tests/{id}.yaml beside the doctrine)",
        "every": "every effect (no further condition)",
        "lapsed": "lapsed",
        "carried_by": "results carried by",
        "file": "File",
        "as_of": "as of",
        "placeholders": "(words in braces are filled from the provision)",
        "art": "Art.",
        "same": "same",
        "changed": "changed",
    },
    "ru": {
        "stage": "Стадия",
        "outcome": "Итог, если доктрина срабатывает",
        "effective": "Действует с",
        "when": "Применяется к последствию нормы, если",
        "open_when": "Оставляет стадию открытой и ставит вопрос ниже, если",
        "unless": "Не срабатывает (стадия пройдена), если",
        "fires": "Иначе срабатывает.",
        "question": "Вопрос",
        "specialises": "Вытесняет, где применяется, общие доктрины",
        "basis": "Основание по редакциям Конституции",
        "rulings": "Решения, из которых она выведена",
        "no_rulings": "нет: основана на тексте Конституции",
        "not_decided": "Чего эти решения не решили",
        "reason": "Мотив при срабатывании",
        "remedy": "Как исправить",
        "cases": "Решённые дела, которые она решает (воспроизведены)",
        "no_cases": "ни одно из решённых дел",
        "examples": "Примеры",
        "no_examples": "нет (добавьте tests/{id}.yaml рядом с доктриной)",
        "every": "любое последствие (без иных условий)",
        "lapsed": "утратило силу",
        "carried_by": "результаты сохраняют",
        "file": "Файл",
        "as_of": "на дату",
        "placeholders": "(слова в фигурных скобках берутся из нормы)",
        "art": "ст.",
        "same": "без изменений",
        "changed": "изменено",
    },
}

STAGE_WORDS_RU: dict[str, str] = {
    "legality": "законность: ограничение только законом, с прямым основанием",
    "absolute_rights": "права, не подлежащие ограничению; запрет ограничений по политическим "
    "мотивам",
    "legitimate_aim": "цель, допускаемая ограничительной оговоркой",
    "necessity": "наименее ограничительное средство",
    "balance": "соразмерность в узком смысле",
    "equality": "различие только при объективном и разумном обосновании",
    "certainty": "ясность и предсказуемость норм",
}
OUTCOME_WORDS_RU = {
    "violation": "норма не соответствует Конституции",
    "concern": "норма соответствует, с рекомендацией",
}
EXPECT_WORDS = {
    "en": {
        "fires": "fires",
        "passes": "passes",
        "open": "leaves the stage open",
        "does_not_apply": "does not apply",
    },
    "ru": {
        "fires": "срабатывает",
        "passes": "стадия пройдена",
        "open": "стадия открыта",
        "does_not_apply": "не применяется",
    },
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
    lang = "ru" if lang in ("ru", "kk") else "en"
    h = HEADINGS[lang]
    words = Wording(catalogue, lang)
    d = doctrine
    stage = STAGE_WORDS_RU[d.stage] if lang == "ru" else model.STAGES[d.stage]
    outcome = OUTCOME_WORDS_RU[d.outcome] if lang == "ru" else model.DOCTRINE_OUTCOMES[d.outcome]
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
        arts = ", ".join(f"{h['art']} {a}" for a in b.articles) or "-"
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
        label = ruling_label(ruling)
        if case is None:
            lines.append(f"  {label} ({ruling}): no case file")
        else:
            holding = model.HOLDINGS[case.holding]
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
    expect = EXPECT_WORDS[lang]
    for x in decided:
        relied = ", relied on" if x.relied_on else ""
        lines += _wrap(
            f"{ruling_label(x.case.id)} ({x.case.id}, {x.case.date.isoformat()}): "
            f"{x.case.title} — held: {model.HOLDINGS[x.case.holding]}; the doctrine "
            f"{expect[x.status]}{relied}; engine: {x.outcome}",
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
