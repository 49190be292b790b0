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

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tarazy.engine import model
from tarazy.engine.model import fields
from tarazy.engine.model.messages import N_, message, translate

if TYPE_CHECKING:
    from tarazy.engine.model.catalogue import Catalogue
    from tarazy.engine.model.provisions import Citation

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
    "citation_text",
    "date_text",
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


def _reference(
    article: str | None, paragraph: str | None, subparagraph: str | None, lang: str
) -> str:
    """Article, paragraph and subparagraph (each as written, "7-1" too; any may be None) as
    Russian or Kazakh cite them, the smallest unit first in Russian: «пп. 6 п. 3 ст. 16»,
    «16-баптың 3-тармағының 6) тармақшасы»; without an article «п. 5», «5-тармақ»."""
    if lang == "ru":
        parts = [f"пп. {subparagraph}" if subparagraph else ""]
        parts += [f"п. {paragraph}" if paragraph else "", f"ст. {article}" if article else ""]
        return " ".join(p for p in parts if p)
    # kk: each unit in the genitive before the next, the last in the possessive
    units = [(article, "бап", "баптың", "бап"), (paragraph, "тармақ", "тармағының", "тармағы")]
    chain = [(f"{n}-", *forms) for n, *forms in units if n]
    if subparagraph:
        chain.append((f"{subparagraph}) ", "тармақша", "", "тармақшасы"))
    if not chain:
        return ""
    if len(chain) == 1:
        return chain[0][0] + chain[0][1]
    head = [num + genitive for num, _, genitive, _ in chain[:-1]]
    return " ".join([*head, chain[-1][0] + chain[-1][3]])


def article_label(article: str, lang: str = "en") -> str:
    """One article as a lawyer writes it: "39(1)" → "Art. 39(1)", «п. 1 ст. 39»,
    «39-баптың 1-тармағы»; "16(3)(6)" adds the sub-paragraph (пп. 6; 6) тармақшасы).
    A reference of another shape keeps its digits behind the word for article.

    The Kazakh label is in the nominative: a template puts it before a postposition that
    takes the nominative (бойынша, негізінде), never before «сәйкес», which takes the dative
    (tests/test_lang.py checks the bundled templates)."""
    m = _ARTICLE.match(article)
    if lang == "en" or m is None:
        prefix = {"en": "Art.", "ru": "ст.", "kk": "бап"}.get(lang, "Art.")
        return f"{prefix} {article}" if lang in ("en", "ru") or m is None else article
    number, rest = m.group(1), re.findall(r"\d+", m.group(2))
    if lang in ("ru", "kk"):
        paragraph, subparagraph = [*rest, None, None][:2]
        return _reference(number, paragraph, subparagraph, lang)
    return f"Art. {article}"


def citation_text(citation: Citation, lang: str = "en") -> str:
    """Where a provision sits in its act, in the reader's language (empty when the file
    gives nothing): English as ``str(Citation)`` ("Tax Code, art. 610(1)(1)"); Russian and
    Kazakh put the act first, in the nominative as the bill names it, then the reference as
    ``article_label`` writes one: «Tax Code, пп. 1 п. 1 ст. 610», «Tax Code, 610-баптың
    1-тармағының 1) тармақшасы»; a paragraph without an article «Order, п. 5», «Order,
    5-тармақ». The act is not declined, so «ст. 615 Налогового кодекса» is not attempted."""
    if lang not in ("ru", "kk"):
        return str(citation)
    ref = _reference(citation.article, citation.paragraph, citation.subparagraph, lang)
    return ", ".join(p for p in (citation.act or "", ref) if p)


def date_text(day: dt.date, lang: str = "en") -> str:
    """A date in running text: ISO 8601 in English ("2026-11-30"), and the form of the
    Court's and Әділет's Russian and Kazakh texts in ru and kk ("30.11.2026"). JSON keeps
    ISO 8601 in every language (this is for prose only)."""
    if lang in ("ru", "kk"):
        return day.strftime("%d.%m.%Y")
    return day.isoformat()


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
    2023"; from No. 11 of 2023 on the Court numbers them with the suffix НП (Kazakh НҚ):
    KZ-CC-NR-2023-27 → "27-НП of 2023". Another id is returned as is.

    Russian and Kazakh use one pattern for both numberings: the type of act once, the number
    as the Court wrote it and the year in brackets: «НП № 3 (2023)» and «№ 27-НП (2023)»,
    «НҚ № 3 (2023)» and «№ 27-НҚ (2023)». The suffix is kept because it is part of the
    number the Court gave (the resolutions before No. 11 of 2023 had none), so a reader
    finds the resolution by it, and it names the type, which is then not repeated («НП
    № 27-НП» read twice); the brackets avoid «от 2023 г.», which Russian uses with a full
    date only."""
    parts = case_id.split("-")
    if len(parts) != 5 or parts[:3] != ["KZ", "CC", "NR"] or not parts[4].isdigit():
        return case_id
    number, year = int(parts[4]), parts[3]
    early = year == "2023" and number <= 10
    if early:
        return message("NR No. {number} of {year}", lang, number=number, year=year)
    return message("{number}-НП of {year}", lang, number=number, year=year)
