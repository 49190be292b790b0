"""Guided entry of a bill (``tarazy new``): the questions that fill a provision, as data.

The questions are derived from the published bill schema (``schemas.effect_schema`` and
``schemas.provision_schema``) and the model: which fields are asked and in what order is
``PROVISION_FLOW`` and ``EFFECT_FLOW`` below (with the wording of each question), but the
allowed values of a field are the schema's enum, their descriptions the model vocabulary
with those ids (or the rights catalogue, per edition), and whether "not stated" is allowed
is whether the model lets the fact be None (or empty, for a list). A field the schema
renames (``basis`` to ``trigger``) is asked under the new name without a change here.

Every answer is parsed by ``Question.parse``, which raises ``ValueError`` with a one-line
reason for a bad answer, so the command line can re-ask. The answers become bill-file data,
which ``build_bill`` loads through the loader ``tarazy check`` uses (the same schema and
checks) and ``bill_text`` writes with the bill writer (``writing.provision_data``), so the
file written loads back to the same provisions. Nothing here prints or reads a terminal;
texts go through ``message`` (``engine/model/messages.py``).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from tarazy.engine import model
from tarazy.engine.input import loading, schemas, writing
from tarazy.engine.input.questions import (
    DURATION_KINDS,
    MAX_ANSWER,
    Answers,
    Question,
)
from tarazy.engine.input.yamlfile import Document
from tarazy.engine.model import Addressees, Bill, Effect
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import article_label

__all__ = [
    "DURATION_KINDS",
    "EFFECT_FLOW",
    "MAX_ANSWER",
    "PROVISION_FLOW",
    "PROVISION_INSTRUMENT",
    "Question",
    "bill_text",
    "build_bill",
    "effect_data",
    "effect_questions",
    "provision_questions",
]


# --------------------------------------------------------------------------- the flows


def _trigger_field(properties: Mapping[str, Any]) -> str:
    """The effect's trigger field as the schema names it (``trigger``; ``basis`` before
    the rename of issue 14)."""
    return "trigger" if "trigger" in properties else "basis"


def _kind_is(*kinds: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get("kind") in kinds


def _stated(name: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get(name) is not None


# The provision's instrument, put among an effect's answers before its questions (by the
# caller) so that a question can depend on it; effect_data leaves it out.
PROVISION_INSTRUMENT = "provision.instrument"

# The effect's questions in the order they are put: (field, question, when it is put).
# "<trigger>" stands for the schema's name of the trigger field; "duration" is asked as its
# kind, then the term or the condition.
EFFECT_FLOW: tuple[tuple[str, str, Callable[[Answers], bool] | None], ...] = (
    ("right", N_("Which constitutional right does this effect touch?"), None),
    ("kind", N_("What does the effect do to the right?"), None),
    ("requirement", N_("What does the condition require?"), _kind_is("condition")),
    (
        "addressees.category",
        N_(
            "Who is addressed? Name the category of persons in your words (e.g. judges, "
            "foreign citizens)"
        ),
        None,
    ),
    ("addressees.breadth", N_("How broad is that group?"), None),
    ("<trigger>", N_("What triggers the effect?"), None),
    (
        "trigger_severity",
        N_("How serious is the misconduct that triggers it?"),
        _stated("<trigger>"),
    ),
    ("sector", N_("Which service or field does it concern?"), None),
    ("duration", N_("For how long does the effect last?"), None),
    ("ordered_by", N_("Who orders (decides) the measure?"), None),
    ("aims", N_("Which aims does it pursue?"), None),
    ("safeguards", N_("Which safeguards does it offer?"), None),
    (
        "grounds_of_distinction",
        N_("On which grounds does it distinguish?"),
        _kind_is("differentiation"),
    ),
    ("political_grounds", N_("Does the effect turn on a person's political views?"), None),
    (
        "magnitude",
        N_(
            "Which amounts does the provision state? Give each as name=number, separated by "
            "commas (e.g. fee_percent=1)"
        ),
        None,
    ),
    ("legal_ground", N_("Does a law provide this effect?"), None),
    (
        "delegated_to",
        N_("Does the law leave the substance of the effect to a by-law? Which?"),
        lambda answers: answers.get(PROVISION_INSTRUMENT) in model.LAW_INSTRUMENTS,
    ),
    ("clarity", N_("Is the rule clear and foreseeable?"), None),
)

PROVISION_FLOW: tuple[tuple[str, str], ...] = (
    ("id", N_("Provision id (letters, digits, '.', '_' or '-', e.g. art-10-para-1)")),
    ("title", N_("Title of the provision")),
    ("citation.act", N_("The act it is in (e.g. Law on peaceful assemblies)")),
    ("citation.article", N_("Article")),
    ("citation.paragraph", N_("Paragraph")),
    ("instrument", N_("What rank is the act?")),
)


def _vocabulary(ids: Sequence[str]) -> Mapping[str, str]:
    """The model vocabulary whose ids are exactly ``ids`` (or, failing that, the smallest
    one that holds them all: the by-law instruments are part of INSTRUMENTS); {} if none."""
    wanted = set(ids)
    candidates = [
        v
        for v in vars(model).values()
        if isinstance(v, dict)
        and v
        and all(isinstance(k, str) and isinstance(t, str) for k, t in v.items())
        and wanted <= set(v)
    ]
    exact = [v for v in candidates if set(v) == wanted]
    if exact:
        return exact[0]
    return min(candidates, key=len) if candidates else {}


def _allows_none(owner: type, attribute: str, schema: Mapping[str, Any]) -> bool:
    """Whether the model lets the fact be unstated: its default is None or empty, or the
    schema admits null. A fact with another default (``legal_ground: express``) must be
    answered, so a guided bill never states it by default."""
    if None in schema.get("enum", ()):
        return True
    field = attrs.fields_dict(owner).get(attribute)
    if field is None:
        return schema.get("type") == "array"
    return field.default is None or field.default == ()


def effect_questions(catalogue: Catalogue, edition: str, lang: str = "en") -> tuple[Question, ...]:
    """The questions of one effect under ``edition`` (rights and aims are described with
    that edition's articles)."""
    properties = schemas.effect_schema(catalogue)["properties"]
    trigger = _trigger_field(properties)
    questions: list[Question] = []
    for name, ask, when in EFFECT_FLOW:
        name = name.replace("<trigger>", trigger)
        if name == "trigger_severity":  # put when a trigger is stated, under its field name
            when = _stated(trigger)
        if name == "duration":
            questions += _duration_questions(ask, lang)
            continue
        owner: type = Effect
        schema = properties.get(name)
        attribute = name
        if name.startswith("addressees."):
            owner, attribute = Addressees, name.split(".", 1)[1]
            branch = next(b for b in properties["addressees"]["oneOf"] if b.get("properties"))
            schema = branch["properties"][attribute]
        if schema is None:  # the model dropped the field: nothing to ask
            continue
        optional = _allows_none(owner, attribute, schema)
        describe = None
        if schema.get("type") == "array":
            ids = [i for i in schema["items"]["enum"] if i is not None]
            kind = "many"
        elif schema.get("type") == "boolean":
            questions.append(Question(name, ask, "yesno", optional=True, applies=when))
            continue
        elif schema.get("type") == "object":  # named numbers: magnitudes
            fields = schema["properties"]
            options = tuple((i, _words(f.get("description"), i, lang)) for i, f in fields.items())
            questions.append(Question(name, ask, "amounts", options, optional=True, applies=when))
            continue
        elif "enum" in schema:
            ids = [i for i in schema["enum"] if i is not None]
            kind = "one"
        else:
            ids, kind = [], "text"
        if name == "right":
            options = tuple((r, _right_text(catalogue, r, edition, lang)) for r in ids)
        elif name == "aims":
            options = tuple((a, catalogue.aim(a).name.get(lang)) for a in ids)
            describe = _aim_describer(catalogue, edition, lang)
        else:
            vocabulary = _vocabulary(ids)
            options = tuple((i, _words(vocabulary.get(i), i, lang)) for i in ids)
        questions.append(Question(name, ask, kind, options, optional, when, describe))
    return tuple(questions)


def _words(description: object, value: str, lang: str) -> str:
    """A model description of ``value`` in ``lang`` (the catalogue's text), or ``value``
    itself when the model describes it nowhere."""
    return message(description, lang) if isinstance(description, str) and description else value


def _duration_questions(ask: str, lang: str = "en") -> list[Question]:
    kinds = tuple((k, message(text, lang)) for k, text in DURATION_KINDS.items())
    return [
        Question("duration.kind", ask, "one", kinds, optional=True),
        Question(
            "duration.term",
            N_("How long? A number and a unit (hours, days, months or years), e.g. 72 hours"),
            "term",
            applies=lambda a: a.get("duration.kind") == "fixed",
        ),
        Question(
            "duration.until",
            N_("Until what? (e.g. the end of the state of emergency)"),
            "text",
            applies=lambda a: a.get("duration.kind") == "until_condition",
        ),
    ]


def _right_text(catalogue: Catalogue, right_id: str, edition: str, lang: str) -> str:
    right = catalogue.right(right_id)
    entry = right.under(edition)
    name = right.name_under(edition).get(lang)
    if entry is None:
        return message(
            "{name} (no article in the {edition} edition)", lang, name=name, edition=edition
        )
    if entry.never_restrictable:
        return message(
            "{name} - {article}; never restrictable under the {edition} edition",
            lang,
            name=name,
            article=article_label(entry.article, lang),
            edition=edition,
        )
    return message(
        "{name} - {article}", lang, name=name, article=article_label(entry.article, lang)
    )


def _aim_describer(catalogue: Catalogue, edition: str, lang: str) -> Callable[[str, Answers], str]:
    def describe(aim_id: str, answers: Answers) -> str:
        aim = catalogue.aim(aim_id)
        name = aim.name.get(lang)
        article = aim.admitted_for(edition, answers.get("right") or "")
        if article is None:
            return message(
                "{name} - not admitted for this right under the {edition} edition",
                lang,
                name=name,
                edition=edition,
            )
        return message(
            "{name} - admitted by {article}", lang, name=name, article=article_label(article, lang)
        )

    return describe


def provision_questions(catalogue: Catalogue, lang: str = "en") -> tuple[Question, ...]:
    """The questions of a provision (its id, title, citation and the rank of the act)."""
    properties = schemas.provision_schema(catalogue)["properties"]
    questions = []
    for name, ask in PROVISION_FLOW:
        if name == "id":
            questions.append(Question(name, ask, "id"))
        elif name == "instrument":
            ids = [i for i in properties["instrument"]["enum"] if i is not None]
            options = tuple((i, catalogue.instrument_name(i, lang)) for i in ids)
            questions.append(Question(name, ask, "one", options))
        else:  # title and citation parts: optional text (the model's default is None)
            questions.append(Question(name, ask, "text", optional=True))
    return tuple(questions)


# --------------------------------------------------------------------------- the bill


def _put(data: dict[str, Any], dotted: str, value: Any) -> None:
    head, _, rest = dotted.partition(".")
    if rest:
        _put(data.setdefault(head, {}), rest, value)
    else:
        data[head] = value


def effect_data(answers: Answers) -> dict[str, Any]:
    """The bill-file data of one effect from its answers; facts not stated are left out."""
    data: dict[str, Any] = {}
    for name, value in answers.items():
        if name.startswith(("duration.", "provision.")) or value is None or value == ():
            continue
        if name == "magnitude":
            value = {k: int(v) if v == int(v) else v for k, v in value}
        elif name == "political_grounds" and value is False:
            continue  # the model's default: written only when it holds
        _put(data, name, list(value) if isinstance(value, tuple) else value)
    kind = answers.get("duration.kind")
    if kind == "indefinite":
        data["duration"] = "indefinite"
    elif kind == "fixed":
        amount, unit = answers["duration.term"]
        data["duration"] = {unit: int(amount) if amount == int(amount) else amount}
    elif kind == "until_condition":
        data["duration"] = {"until": answers["duration.until"]}
    return data


def provision_data(answers: Answers, effects: Sequence[Answers]) -> dict[str, Any]:
    """The bill-file data of one provision from its answers and its effects' answers."""
    data: dict[str, Any] = {}
    for name, value in answers.items():
        if value is not None:
            _put(data, name, value)
    data["effects"] = [effect_data(e) for e in effects]
    return data


def build_bill(
    provisions: Sequence[dict[str, Any]],
    catalogue: Catalogue,
    title: str | None = None,
    as_of: dt.date | None = None,
    name: str = "<new bill>",
) -> Bill:
    """The bill the answers describe, loaded by the loader ``tarazy check`` uses (the bill
    schema and every check of the model); InputError if it refuses them."""
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = title
    if as_of is not None:
        meta["as_of"] = as_of.isoformat()
    data: dict[str, Any] = {"provisions": list(provisions)}
    if meta:
        data = {"bill": meta, **data}
    return loading.load_bill(name, catalogue, Document(name, data, {(): 1}))


def bill_text(bill: Bill) -> str:
    """The bill as a YAML bill file, each provision written by the bill writer
    (``writing.provision_data``), so that ``tarazy check`` loads it back to ``bill``."""
    document: dict[str, object] = {}
    meta: dict[str, object] = {}
    if bill.title:
        meta["title"] = bill.title
    if bill.as_of is not None:
        meta["as_of"] = bill.as_of.isoformat()
    if meta:
        document["bill"] = meta
    document["provisions"] = [writing.provision_data(p) for p in bill.provisions]
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.default_flow_style = None  # as writing.bill_yaml: lists of plain values on one line
    yaml.allow_unicode = True
    yaml.width = 100
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()
