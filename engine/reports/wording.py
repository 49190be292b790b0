"""A doctrine's conditions in plain legal language (``tarazy doctrine show``).

Each test of a condition is read through the vocabulary descriptions of ``model`` (and the
rights catalogue for rights, aims and instruments), never as raw ids where a description
exists: ``kind: ban`` reads "what the effect does to the right: excludes a group from
something (an office, a service, an activity)". Russian text uses the catalogue's Russian
names and the Russian descriptions below; a value with no Russian description falls back
to the English one (still never a raw id).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

from tarazy.engine import model
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import AllOf, AnyOf, Condition, FieldSpec, Not, Test
from tarazy.engine.model.facts import DURATIONS, UNSPECIFIED, field_registry

WIDTH = 92

DURATION_WORDS: dict[str, str] = {
    "none": "no duration is stated (the effect is immediate)",
    "fixed": "a fixed term",
    "until_condition": "until a condition is met",
    "indefinite": "without limit of time",
}
assert set(DURATION_WORDS) == set(DURATIONS)

SPECIAL_WORDS: dict[str, str] = {UNSPECIFIED: "not stated", "none": "none"}

EN_FIELDS: dict[str, str] = {
    "right": "the right affected",
    "clarity": "whether the rule is clear",
    "justification": "whether an objective and reasonable justification is stated",
}

RU_FIELDS: dict[str, str] = {
    "right": "затронутое право",
    "kind": "что последствие делает с правом",
    "instrument": "вид акта, содержащего норму",
    "instrument_is_law": "акт является законом (конституционным законом, кодексом или законом)",
    "basis": "что влечёт последствие",
    "duration": "срок действия последствия",
    "duration_years": "срок в годах",
    "duration_hours": "срок (максимальный) в часах",
    "ordered_by": "кто принимает решение о мере",
    "aims": "заявленные цели",
    "aims_stated": "заявлена хотя бы одна цель",
    "has_admitted_aim": "хотя бы одна заявленная цель допускается ограничительной оговоркой",
    "has_inadmissible_aim": "хотя бы одна заявленная цель не допускается ограничительной оговоркой",
    "legal_ground": "основание в законе",
    "safeguards": "имеющиеся гарантии",
    "grounds_of_distinction": "признаки, по которым проводится различие",
    "political_grounds": "последствие связано с политическими взглядами",
    "sector": "сфера или служба",
    "trigger_severity": "тяжесть проступка",
    "clarity": "ясность нормы",
    "justification": "обоснование различия",
    "requirement": "чего требует условие",
    "delegated_to": "подзаконный акт, которому закон передаёт существо последствия",
    "addressees_breadth": "круг затронутых лиц",
    "right_never_restrictable": "редакция Конституции относит право к не подлежащим ограничению",
}

RU_VALUES: dict[str, str] = {
    # EFFECT_KINDS
    "denial": "полное лишение доступа к праву",
    "condition": "доступ при условии уплаты или выполнения требования",
    "ban": "исключение группы лиц (из должности, службы, деятельности)",
    "deprivation": "прекращение уже имеющегося права (пенсии, статуса, имущества)",
    "procedural_limit": "сужение порядка осуществления права при сохранении пути защиты",
    "differentiation": "различие в положении группы по сравнению с другими",
    "sanction": "санкция (штраф, арест, уголовная ответственность) за поведение",
    # LEGAL_GROUNDS
    "express": "закон прямо предусматривает это последствие",
    "implied": "последствие выводится из другой нормы",
    # SAFEGUARDS
    "deferral": "отсрочка",
    "installment": "рассрочка",
    "exemption": "освобождение, например для малоимущих",
    "reduction": "уменьшение суммы, например для малоимущих",
    "individual_assessment": "индивидуальная оценка случая",
    "judicial_review": "судебный контроль",
    "hearing": "заслушивание затронутого лица до применения меры",
    "time_limit": "мера прекращается по истечении срока",
    "periodic_review": "периодический пересмотр меры",
    "alternative_avenue": "иной путь осуществления права остаётся открытым",
    # SECTORS
    "general_civil_service": "государственная (административная) служба",
    "law_enforcement": "правоохранительная служба",
    "military": "воинская служба",
    "special_state_bodies": "специальные государственные органы",
    "judiciary": "судебная система",
    "penal_system": "учреждения исполнения наказаний",
    "criminal_procedure": "уголовный процесс",
    "civil_procedure": "гражданский и административный процесс",
    "land": "землепользование",
    "assembly": "мирные собрания",
    "associations": "общественные объединения",
    "family": "семья и гражданское состояние",
    "insurance": "страхование и пенсии",
    "business": "предпринимательство",
    # TRIGGER_SEVERITIES
    "minor": "незначительный проступок",
    "discrediting": "проступок, дискредитирующий службу",
    "criminal": "уголовное правонарушение",
    # CLARITIES
    "clear": "ясная и предсказуемая",
    "open_to_arbitrary_reading": "допускает произвольное толкование",
    "self_contradictory": "внутренне противоречивая",
    # REQUIREMENTS
    "fee": "пошлина или сбор",
    "registration": "предварительная государственная регистрация",
    "notification": "предварительное уведомление",
    "permit": "разрешение",
    "personal_filing": "личная подача (без представителя)",
    "residence": "проживание в течение срока",
    # ADDRESSEE_BREADTHS
    "individual": "индивидуально определённые лица",
    "specific_group": "узкая определённая группа",
    "broad_group": "широкая категория лиц",
    "everyone": "все",
    # ORDERING_AUTHORITIES
    "court": "суд (судья)",
    "prosecutor": "прокурор",
    "investigator": "следователь или орган дознания",
    "police": "полиция или иной правоохранительный орган",
    "official": "иное должностное лицо или государственный орган",
    # DURATIONS
    "fixed": "определённый срок",
    "until_condition": "до наступления условия",
    "indefinite": "бессрочно",
    UNSPECIFIED: "не указано",
    "none": "нет",
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "all": "all of these hold:",
        "any": "at least one of these holds:",
        "not": "it is not the case that:",
        "one_of": "one of",
        "none_of": "none of",
        "not_eq": "anything but",
        "is_not": "not:",
        "has_any": "include at least one of",
        "has_all": "include every one of",
        "has_none": "include none of",
        "gt": "is stated and greater than",
        "ge": "is stated and at least",
        "lt": "is stated and less than",
        "le": "is stated and at most",
        "or": " or ",
    },
    "ru": {
        "all": "выполняются все условия:",
        "any": "выполняется хотя бы одно из условий:",
        "not": "неверно, что:",
        "one_of": "одно из",
        "none_of": "ничто из",
        "not_eq": "что угодно, кроме",
        "is_not": "неверно, что",
        "has_any": "включают хотя бы одно из",
        "has_all": "включают всё из",
        "has_none": "не включают ничего из",
        "gt": "указан и больше",
        "ge": "указан и не меньше",
        "lt": "указан и меньше",
        "le": "указан и не больше",
        "or": " или ",
    },
}


def _vocabulary(field: str) -> Mapping[str, str]:
    return {
        "kind": model.EFFECT_KINDS,
        "instrument": model.INSTRUMENTS,
        "delegated_to": model.INSTRUMENTS,
        "trigger": model.TRIGGERS,
        "legal_ground": model.LEGAL_GROUNDS,
        "safeguards": model.SAFEGUARDS,
        "grounds_of_distinction": model.GROUNDS_OF_DISTINCTION,
        "sector": model.SECTORS,
        "trigger_severity": model.TRIGGER_SEVERITIES,
        "clarity": model.CLARITIES,
        "justification": model.JUSTIFICATIONS,
        "requirement": model.REQUIREMENTS,
        "addressees_breadth": model.ADDRESSEE_BREADTHS,
        "ordered_by": model.ORDERING_AUTHORITIES,
        "duration": DURATION_WORDS,
    }.get(field, {})


class Wording:
    """Renders conditions and values in one language (``en`` or ``ru``)."""

    def __init__(self, catalogue: Catalogue, lang: str = "en") -> None:
        self.catalogue = catalogue
        self.lang = "ru" if lang in ("ru", "kk") else "en"
        self.fields: dict[str, FieldSpec] = field_registry(catalogue)
        self.words = WORDS[self.lang]

    def field(self, name: str) -> str:
        """A field's description."""
        if self.lang == "ru" and name in RU_FIELDS:
            return RU_FIELDS[name]
        if self.lang == "en" and name in EN_FIELDS:
            return EN_FIELDS[name]
        if self.lang == "ru" and name in model.MAGNITUDES:
            return f"величина: {self.fields[name].description.removeprefix('magnitude: ')}"
        return self.fields[name].description

    def value(self, field: str, value: str) -> str:
        """One value of a field, described (never the raw id where a description exists)."""
        if field == "right" and value in self.catalogue.right_ids:
            return self.catalogue.right(value).name.get(self.lang)
        if field == "aims" and value in self.catalogue.aim_ids:
            return self.catalogue.aim(value).name.get(self.lang)
        if field in ("instrument", "delegated_to") and value in model.INSTRUMENTS:
            return self.catalogue.instrument_name(value, self.lang)
        if self.lang == "ru" and field != "basis" and value in RU_VALUES:
            return RU_VALUES[value]
        vocabulary = _vocabulary(field)
        if value in vocabulary:
            return vocabulary[value]
        return SPECIAL_WORDS.get(value, value)

    def _values(self, field: str, values: tuple[str, ...]) -> str:
        return "; ".join(self.value(field, v) for v in values)

    def test(self, test: Test) -> str:
        """One leaf test as a sentence fragment."""
        w = self.words
        name = self.field(test.field)
        value = test.value
        if isinstance(value, bool):
            holds = value if test.op == "eq" else not value
            return name if holds else f"{w['is_not']} {name}"
        if isinstance(value, float):
            return f"{name} {w[test.op]} {value:g}"
        if test.op in ("has_any", "has_all", "has_none"):
            assert isinstance(value, tuple)
            return f"{name} {w[test.op]}: {self._values(test.field, value)}"
        if isinstance(value, tuple):
            which = w["one_of"] if test.op == "in" else w["none_of"]
            return f"{name}: {which}: {self._values(test.field, value)}"
        shown = self.value(test.field, value)
        return f"{name}: {shown}" if test.op == "eq" else f"{name}: {w['not_eq']} {shown}"

    def facts(self, facts: Mapping[str, object], names: Iterable[str]) -> str:
        """Some facts of an effect, described: "field: value; ..."."""
        shown = []
        for name in sorted(names):
            value = facts.get(name)
            if isinstance(value, frozenset):
                text = "; ".join(self.value(name, v) for v in sorted(value)) or "-"
            elif isinstance(value, bool):
                text = (
                    ("yes" if value else "no") if self.lang == "en" else ("да" if value else "нет")
                )
            elif isinstance(value, float):
                text = f"{value:g}"
            elif value is None:
                text = SPECIAL_WORDS[UNSPECIFIED] if self.lang == "en" else RU_VALUES[UNSPECIFIED]
            else:
                text = self.value(name, str(value))
            shown.append(f"{self.field(name)}: {text}")
        return "; ".join(shown)

    def lines(self, condition: Condition, indent: int = 2) -> list[str]:
        """A condition as an indented list: implicit AND as one bullet per test."""
        pad = " " * indent
        if isinstance(condition, Test):
            return textwrap.wrap(
                self.test(condition),
                width=WIDTH,
                initial_indent=f"{pad}- ",
                subsequent_indent=f"{pad}  ",
                break_on_hyphens=False,
            )
        if isinstance(condition, Not):
            return [f"{pad}- {self.words['not']}", *self.lines(condition.part, indent + 4)]
        if isinstance(condition, AnyOf):
            out = [f"{pad}- {self.words['any']}"]
            for part in condition.parts:
                if isinstance(part, AllOf) and len(part.parts) > 1:
                    # one alternative of several facts: a group, never flattened into the list
                    out.append(f"{pad}    - {self.words['all']}")
                    out += self.lines(part, indent + 8)
                else:
                    out += self.lines(part, indent + 4)
            return out
        return [line for part in condition.parts for line in self.lines(part, indent)]
