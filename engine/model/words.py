"""Values as words in the reader's language: stage names, statuses, outcomes, holdings,
kinds of effect, vocabulary values, rights and aims, articles and rulings.

Every word is a msgid of the message catalogue (``messages``): the English descriptions of
the vocabularies in ``model`` are the msgids, so a value is described once, in the model,
and translated in ``engine/data/messages/{ru,kk}.yaml``. No function here returns a raw
id where a word exists; an unknown value (a value no vocabulary has) is returned as is.

Article labels follow each language's legal usage: "Art. 39(1)" in English,
«п. 1 ст. 39» in Russian (пункт, статья; «пп.» for a sub-paragraph), «39-баптың
1-тармағы» in Kazakh (бап, тармақ, тармақша; the forms of the Kazakh texts of the
Court's rulings, e.g. «38-бабы 2-тармағы 11) тармақшасы» in 27-НҚ of 2023).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tarazy.engine import model
from tarazy.engine.model import fields
from tarazy.engine.model.messages import N_, message, translate

if TYPE_CHECKING:
    from tarazy.engine.model.catalogue import Catalogue

__all__ = [
    "FIELD_LABELS",
    "FINDING_WORDS",
    "KIND_WORDS",
    "OUTCOME_LABELS",
    "OUTCOME_WORDS",
    "STAGE_NAMES",
    "STATUS_WORDS",
    "article_label",
    "articles_text",
    "field_word",
    "finding_word",
    "holding_word",
    "kind_word",
    "ruling_label",
    "stage_name",
    "status_word",
    "value_word",
    "values_text",
    "vocabulary",
]

STAGE_NAMES: dict[str, str] = {
    "legality": N_("legality"),
    "absolute_rights": N_("absolute rights"),
    "legitimate_aim": N_("legitimate aim"),
    "necessity": N_("necessity"),
    "balance": N_("balance"),
    "equality": N_("equality"),
    "certainty": N_("certainty"),
}
assert set(STAGE_NAMES) == set(model.STAGES)

STATUS_WORDS: dict[str, str] = {
    "fails": N_("FAILS"),
    "passes": N_("passes"),
    "open": N_("OPEN"),
    "not_applicable": N_("n/a"),
}

# The verdict, as the heading of a provision ([DOES NOT CONFORM]) and in running text.
OUTCOME_LABELS: dict[str, str] = {
    "does_not_conform": N_("DOES NOT CONFORM"),
    "conforms_with_concerns": N_("CONFORMS, WITH CONCERNS"),
    "conforms": N_("CONFORMS"),
    "open": N_("OPEN"),
}
OUTCOME_WORDS: dict[str, str] = {
    "does_not_conform": N_("does not conform"),
    "conforms_with_concerns": N_("conforms with concerns"),
    "conforms": N_("conforms"),
    "open": N_("open"),
}
assert set(OUTCOME_LABELS) == set(OUTCOME_WORDS) == set(model.VERDICT_OUTCOMES)

# What a finding's doctrine does ("1. legality · violation · restriction-only-by-law").
FINDING_WORDS: dict[str, str] = {"violation": N_("violation"), "concern": N_("concern")}

# The kind of an effect in a short label ("effect 1 (peaceful assembly, ban)"); the long
# description is model.EFFECT_KINDS.
KIND_WORDS: dict[str, str] = {
    "denial": N_("denial"),
    "condition": N_("condition of access"),
    "ban": N_("ban"),
    "deprivation": N_("deprivation"),
    "procedural_limit": N_("procedural limit"),
    "differentiation": N_("differentiation"),
    "sanction": N_("sanction"),
}
assert set(KIND_WORDS) == set(model.EFFECT_KINDS)

_SPECIAL: dict[str, str] = {"unspecified": N_("not stated"), "none": N_("none")}

_DURATIONS: dict[str, str] = {
    "none": N_("no duration is stated (the effect is immediate)"),
    "fixed": N_("a fixed term"),
    "until_condition": N_("until a condition is met"),
    "indefinite": N_("without limit of time"),
}

FIELD_LABELS: dict[str, str] = {
    # Fields whose registry description reads badly as a label.
    "right": N_("the right affected"),
    "clarity": N_("whether the rule is clear"),
    "justification": N_("whether an objective and reasonable justification is stated"),
}


@functools.cache
def _field_vocabularies() -> dict[str, Mapping[str, str]]:
    """Each closed file field's vocabulary, read from the model's field metadata (the one
    declaration, ``model/fields.py``), under its fact name: an effect's and a provision's
    fields by their own names, the addressees' as ``addressees_<name>``."""
    found: dict[str, Mapping[str, str]] = {}
    for cls, prefix in (
        (model.Provision, ""),
        (model.Effect, ""),
        (model.Addressees, "addressees_"),
    ):
        for attribute, field in fields.file_fields(cls):
            if field.form in ("choice", "choices") and isinstance(field.vocabulary, Mapping):
                found[prefix + attribute.name] = field.vocabulary
    return found


def vocabulary(field: str) -> Mapping[str, str]:
    """The English descriptions of ``field``'s values (empty for a field with none): a file
    field's from the model's field metadata, and the few report values that are no field
    (a duration's kind, a stage, a holding, a doctrine's outcome)."""
    known = _field_vocabularies().get(field)
    if known is not None:
        return known
    return {
        # a by-law's id (its vocabulary is the tuple BYLAW_INSTRUMENTS): an instrument's words
        "delegated_to": model.INSTRUMENTS,
        "duration": _DURATIONS,
        "stage": model.STAGES,
        "holding": model.HOLDINGS,
        "doctrine_outcome": model.DOCTRINE_OUTCOMES,
    }.get(field, {})


def stage_name(stage: str, lang: str) -> str:
    """The short name of a stage ("absolute rights")."""
    return translate(STAGE_NAMES.get(stage, stage), lang)


def status_word(status: str, lang: str) -> str:
    """A stage status as the stage table prints it (FAILS, passes, OPEN, n/a)."""
    return translate(STATUS_WORDS.get(status, status), lang)


def kind_word(kind: str, lang: str) -> str:
    """The short name of a kind of effect ("ban")."""
    return translate(KIND_WORDS.get(kind, kind), lang)


def finding_word(outcome: str, lang: str) -> str:
    """A finding's outcome in words (violation, concern)."""
    return translate(FINDING_WORDS.get(outcome, outcome), lang)


def holding_word(holding: str, lang: str) -> str:
    """A holding of the Court in words ("conforms in the Court's interpretation")."""
    return translate(model.HOLDINGS.get(holding, holding), lang)


def value_word(field: str, value: str, lang: str, catalogue: Catalogue | None = None) -> str:
    """One value of ``field`` in words: a right or aim by its catalogue name, an
    instrument by the catalogue's name, a vocabulary value by its description."""
    if catalogue is not None:
        if field == "right" and value in catalogue.right_ids:
            return catalogue.right(value).name.get(lang)
        if field == "aims" and value in catalogue.aim_ids:
            return catalogue.aim(value).name.get(lang)
        if field in ("instrument", "delegated_to") and value in model.INSTRUMENTS:
            return catalogue.instrument_name(value, lang)
    words = vocabulary(field)
    if value in words:
        return translate(words[value], lang)
    if value in _SPECIAL:
        return translate(_SPECIAL[value], lang)
    return value


def values_text(
    field: str, values: object, lang: str, catalogue: Catalogue | None = None, sep: str = "; "
) -> str:
    """Several values of ``field`` in words, sorted by id, or "none"."""
    if isinstance(values, str):
        return value_word(field, values, lang, catalogue)
    assert isinstance(values, frozenset | tuple | list | set)
    shown = [value_word(field, str(v), lang, catalogue) for v in sorted(values)]
    return sep.join(shown) or translate(_SPECIAL["none"], lang)


def field_word(name: str, description: str, lang: str) -> str:
    """A fact field's name in words; ``description`` is its registry description (the
    msgid where ``FIELD_LABELS`` has no better label)."""
    return translate(FIELD_LABELS.get(name, description), lang)


_ARTICLE = re.compile(r"^(\d+(?:-\d+)?)((?:\(\d+\))*)$")


def article_label(article: str, lang: str = "en") -> str:
    """One article as a lawyer writes it: "39(1)" → "Art. 39(1)", «п. 1 ст. 39»,
    «39-баптың 1-тармағы»; "16(3)(6)" adds the sub-paragraph (пп. 6; 6) тармақшасы).
    A reference of another shape keeps its digits behind the word for article."""
    m = _ARTICLE.match(article)
    if lang == "en" or m is None:
        prefix = {"en": "Art.", "ru": "ст.", "kk": "бап"}.get(lang, "Art.")
        return f"{prefix} {article}" if lang in ("en", "ru") or m is None else article
    number, rest = m.group(1), re.findall(r"\d+", m.group(2))
    if lang == "ru":
        parts = [f"ст. {number}"]
        if rest:
            parts.insert(0, f"п. {rest[0]}")
        if len(rest) > 1:
            parts.insert(0, f"пп. {rest[1]}")
        return " ".join(parts)
    if lang == "kk":
        if not rest:
            return f"{number}-бап"
        if len(rest) == 1:
            return f"{number}-баптың {rest[0]}-тармағы"
        return f"{number}-баптың {rest[0]}-тармағының {rest[1]}) тармақшасы"
    return f"Art. {article}"


def articles_text(articles: object, edition: str, lang: str = "en") -> str:
    """Articles of one edition as a list with the edition named, or "none"."""
    assert isinstance(articles, tuple | list)
    if not articles:
        return translate(_SPECIAL["none"], lang)
    listed = ", ".join(article_label(str(a), lang) for a in articles)
    return message(
        "{articles} (Constitution, edition {edition})", lang, articles=listed, edition=edition
    )


def ruling_label(case_id: str, lang: str = "en") -> str:
    """A normative resolution of the Court as it is cited: KZ-CC-NR-2023-03 → "NR No. 3 of
    2023", «НП № 3 2023 г.», «2023 жылғы № 3 НҚ»; from No. 11 of 2023 on the Court
    numbers them with the suffix НП (Kazakh НҚ): KZ-CC-NR-2023-27 → "27-НП of 2023",
    «№ 27-НП 2023 г.», «2023 жылғы № 27-НҚ». Another id is returned as is."""
    parts = case_id.split("-")
    if len(parts) != 5 or parts[:3] != ["KZ", "CC", "NR"] or not parts[4].isdigit():
        return case_id
    number, year = int(parts[4]), parts[3]
    early = year == "2023" and number <= 10
    if early:
        return message("NR No. {number} of {year}", lang, number=number, year=year)
    return message("{number}-НП of {year}", lang, number=number, year=year)
