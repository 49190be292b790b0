"""One source of truth for the model's fields (issue 9): the loader, the writer, the
published schema, the Hypothesis strategies, the synthetic generator and the fact registry
all agree with the attrs classes on which fields an effect and a provision have - and the
check itself fails when a field is added to the model but not to one of them.

Also the rename of an effect's ``basis`` to ``trigger``: the old key loads in bills and in
doctrine conditions and templates, and the two together are a load error.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from tarazy.engine.input import loading, schemas, structuring
from tarazy.engine.input.writing import bill_yaml
from tarazy.engine.input.yamlfile import parse
from tarazy.engine.model import TRIGGERS, Addressees, Citation, Duration, Effect, Provision
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError
from tarazy.engine.model.facts import field_registry
from tarazy.engine.model.fields import FieldInfo, file_fields, file_key, values
from tarazy.engine.verification import strategies, synthetic

from .conftest import DOCTRINES, write

# Attributes that no file gives, on purpose: where the object was read from.
NOT_IN_FILES = {"location"}


def _other(field: FieldInfo, default: Any, catalogue: Catalogue) -> Any:
    """A value of the field that is not its default (so the writer must write it and the
    loader must read it for a round trip to hold)."""
    lists = catalogue.lists()
    if field.form == "choice":
        return next(v for v in values(field, lists) if v != default)
    if field.form == "choices":
        return tuple(values(field, lists)[:2])
    if field.form == "flag":
        return not default
    if field.form == "amounts":
        return ((values(field, lists)[0], 3.0),)
    if field.form == "text":
        return "t1" if default is not None or field.pattern else "some text"
    if field.form == "record":
        if field.model is Duration:
            return Duration.term(72.0, "hours")
        return full(field.model, catalogue)  # type: ignore[arg-type]
    return (full(field.model, catalogue),)  # type: ignore[arg-type]


def full(cls: type, catalogue: Catalogue) -> Any:
    """An instance of ``cls`` with every attribute off its default: declared file fields
    from their metadata, any other attribute (a field added without metadata) a text."""
    kwargs = {}
    for attribute in attrs.fields(cls):
        if attribute.name in NOT_IN_FILES:
            continue
        found = attribute.metadata.get("tarazy")
        if isinstance(found, FieldInfo):
            kwargs[attribute.name] = _other(found, attribute.default, catalogue)
        else:
            kwargs[attribute.name] = "undeclared"
    return cls(**kwargs)


def field_sets(
    cls: type, catalogue: Catalogue, write: Callable[[Any], dict[str, object]] | None = None
) -> dict[str, set[str]]:
    """The fields of ``cls`` as each part of tarazy sees them (names, or file keys):

    - model: every attrs attribute but ``NOT_IN_FILES``;
    - writer: the keys ``write`` (the bill writer's unstructure) gives a full instance;
    - loader: the fields the loader reads back from that data to the same value;
    - schema: the published schema's properties (older names, marked deprecated, aside);
    - strategies: the fields the Hypothesis strategies draw;
    - synthetic: the fields the synthetic generator draws."""
    write = write or structuring.unstructure
    instance = full(cls, catalogue)
    data = write(instance)
    keys = {file_key(a, f): a.name for a, f in file_fields(cls)}
    doc = parse(json.dumps(data), "fields.yaml")
    try:
        loaded = structuring.structure(cls, doc.data, doc, [])  # type: ignore[arg-type]
        read_back = {
            key
            for key, name in keys.items()
            if getattr(loaded, name) == getattr(instance, name)
            and getattr(loaded, name) != attrs.fields_dict(cls)[name].default
        }
    except (TypeError, KeyError, ValueError):
        read_back = set()
    properties = schemas.model_schema(cls, catalogue)["properties"]
    drawn = strategies.model_fields(cls, catalogue)
    generated = set(synthetic.random_fields(random.Random(1), cls, catalogue))
    return {
        "model": {a.name for a in attrs.fields(cls)} - NOT_IN_FILES,
        "writer": {keys.get(k, k) for k in data},
        "loader": {keys[k] for k in read_back},
        "schema": {keys.get(k, k) for k, v in properties.items() if not v.get("deprecated")},
        "strategies": set(drawn),
        "synthetic": generated,
    }


def disagreements(sets: dict[str, set[str]]) -> dict[str, set[str]]:
    """For each part, the model fields it lacks or the fields it has that the model lacks."""
    model = sets["model"]
    return {part: model ^ fields for part, fields in sets.items() if model ^ fields}


@pytest.mark.parametrize("cls", [Effect, Provision, Citation, Addressees])
def test_every_part_sees_the_fields_of_the_model(cls: type, catalogue: Catalogue) -> None:
    sets = field_sets(cls, catalogue)
    assert disagreements(sets) == {}
    assert len(sets["model"]) == {Effect: 18, Provision: 6, Citation: 4, Addressees: 3}[cls]


def test_the_fact_registry_has_every_closed_field_of_an_effect(catalogue: Catalogue) -> None:
    registry = field_registry(catalogue)
    closed = {a.name for a, f in file_fields(Effect) if f.form in ("choice", "choices", "flag")}
    assert closed == {
        "right", "kind", "trigger", "aims", "legal_ground", "safeguards",
        "grounds_of_distinction", "political_grounds", "sector", "trigger_severity",
        "clarity", "justification", "requirement", "delegated_to", "ordered_by",
    }  # fmt: skip
    assert closed <= set(registry)
    assert set(registry["trigger"].values) == {*TRIGGERS, "none"}
    assert registry["trigger"].aliases == ("basis",)


def test_a_field_added_to_the_model_alone_fails_the_check(catalogue: Catalogue) -> None:
    # An effect with one more attribute, declared the plain attrs way (no field metadata):
    # the model has it and nothing else does.
    extra = attrs.make_class(
        "EffectPlus",
        {
            **{a.name: attrs.field(default=a.default, metadata=a.metadata)
               for a in attrs.fields(Effect) if a.name not in NOT_IN_FILES},
            "new_fact": attrs.field(default=None),
        },
        frozen=True,
    )  # fmt: skip
    found = disagreements(field_sets(extra, catalogue))
    assert set(found) == {"writer", "loader", "schema", "strategies", "synthetic"}
    assert all(gap == {"new_fact"} for gap in found.values())


def test_a_part_that_drops_a_field_fails_the_check(catalogue: Catalogue) -> None:
    # A writer that leaves out the trigger - as the 0.2 writer would have left out a field
    # added to the model, the schema and the loader - is caught, and so is the loader that
    # then cannot read it back.
    def forgetful(obj: Any) -> dict[str, object]:
        data = structuring.unstructure(obj)
        data.pop("trigger", None)
        return data

    found = disagreements(field_sets(Effect, catalogue, forgetful))
    assert found == {"writer": {"trigger"}, "loader": {"trigger"}}


def test_a_full_effect_round_trips_through_a_bill_file(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    provision = full(Provision, catalogue)
    path = tmp_path / "full.yaml"
    path.write_text(bill_yaml(provision), encoding="utf-8")
    assert loading.load_bill(path, catalogue).provisions == (provision,)


def test_closed_vocabularies_are_checked_by_the_model() -> None:
    for bad in (
        {"kind": "bann"},
        {"kind": "ban", "trigger": "conviction"},
        {"kind": "ban", "safeguards": ("hearing", "nope")},
        {"kind": "ban", "magnitude": (("weight_kg", 1.0),)},
        {"kind": "ban", "delegated_to": "law"},  # a law is not a by-law
    ):
        with pytest.raises(ValueError, match="unknown value"):
            Effect(right="assembly", **bad)
    with pytest.raises(ValueError, match="unknown value 'x' for 'breadth'"):
        Addressees(breadth="x")


# --------------------------------------------------------------------------- the trigger

BILL = """\
provisions:
  - id: a
    instrument: law
    effects:
      - right: equal_access_state_service
        kind: ban
        {keys}
"""


def _bill(tmp_path: Path, catalogue: Catalogue, keys: str) -> Effect:
    path = write(tmp_path, BILL.format(keys=keys))
    effect: Effect = loading.load_bill(path, catalogue).provisions[0].effects[0]
    return effect


def test_trigger_and_its_old_name_basis_load_the_same(tmp_path: Path, catalogue: Catalogue) -> None:
    new = _bill(tmp_path, catalogue, "trigger: disciplinary_dismissal")
    old = _bill(tmp_path, catalogue, "basis: disciplinary_dismissal")
    assert new.trigger == old.trigger == "disciplinary_dismissal"
    assert new == old


def test_trigger_and_basis_together_are_a_load_error(tmp_path: Path, catalogue: Catalogue) -> None:
    path = write(
        tmp_path,
        BILL.format(keys="trigger: disciplinary_dismissal\n        basis: status"),
    )
    with pytest.raises(InputError) as info:
        loading.load_bill(path, catalogue)
    assert str(info.value) == (
        f"{path}:8: 'basis' is the old name of 'trigger'; expected one of them, not both"
    )


def test_a_misspelt_old_name_is_reported_with_its_line(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = write(tmp_path, BILL.format(keys="basis: conviction"))
    with pytest.raises(InputError) as info:
        loading.load_bill(path, catalogue)
    message = str(info.value)
    assert message.startswith(f"{path}:7: bill: unknown value 'conviction' for 'basis'")
    assert "did you mean 'criminal_conviction'?" in message


def test_unknown_field_lists_trigger_and_not_its_old_name(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = write(tmp_path, BILL.format(keys="triger: status"))
    with pytest.raises(InputError) as info:
        loading.load_bill(path, catalogue)
    message = str(info.value)
    assert "unknown field 'triger'; did you mean 'trigger'?" in message
    assert "addressees, trigger, duration" in message and "basis" not in message


def test_the_schema_keeps_basis_as_a_deprecated_name(catalogue: Catalogue) -> None:
    properties = schemas.effect_schema(catalogue)["properties"]
    assert properties["basis"]["deprecated"] is True
    assert properties["basis"]["enum"] == properties["trigger"]["enum"]
    assert "deprecated" not in properties["trigger"]


def _doctrine(tmp_path: Path, when: str, reason: str = "On {trigger_text}.") -> Path:
    """The bundled disciplinary-ban-indefinite doctrine with its ``when`` and its English
    reason replaced."""
    lines = (DOCTRINES / "disciplinary-ban-indefinite.yaml").read_text(encoding="utf-8")
    out: list[str] = []
    skip = ""
    section = ""
    for line in lines.splitlines():
        if skip and line.startswith(skip):
            continue
        skip = ""
        if not line.startswith(" "):
            section = line
        if line == "when:":
            out += ["when:", *when.splitlines()]
            skip = "  "
        elif section == "reason:" and line.startswith("  en:"):
            out.append("  en: " + json.dumps(reason))
            skip = "    "
        else:
            out.append(line)
    folder = tmp_path / "doctrines"
    folder.mkdir(exist_ok=True)
    path = folder / "disciplinary-ban-indefinite.yaml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def test_doctrine_conditions_and_templates_read_the_old_name(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    new = loading.load_doctrine(
        _doctrine(tmp_path, "  trigger: status\n", "On {trigger} ({trigger_text})."), catalogue
    )
    old = loading.load_doctrine(
        _doctrine(tmp_path, "  basis: status\n", "On {basis} ({basis_text})."), catalogue
    )
    assert old.when == new.when
    assert old.reason.en == new.reason.en == "On {trigger} ({trigger_text})."


def test_doctrine_condition_with_both_names_is_a_load_error(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = _doctrine(tmp_path, "  trigger: status\n  basis: status\n")
    with pytest.raises(InputError) as info:
        loading.load_doctrine(path, catalogue)
    assert "in 'when': 'basis' is the old name of 'trigger'; expected one of them" in str(
        info.value
    )
    assert str(info.value).startswith(f"{path}:")


def test_the_bundled_files_use_the_new_name() -> None:
    root = Path(__file__).resolve().parent.parent
    effect_files = [
        *root.glob("examples/*.yaml"),
        *root.glob("cases/*.yaml"),
        *root.glob("doctrines/tests/*.yaml"),
    ]
    assert len(effect_files) > 40
    for path in effect_files:
        assert "basis:" not in path.read_text(encoding="utf-8"), path
    for path in root.glob("doctrines/*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "{basis" not in text, path
        assert all(not line.startswith(" ") for line in text.splitlines() if "basis:" in line)


def test_the_words_of_a_field_come_from_its_declaration() -> None:
    # Regression pin: the field -> vocabulary table engine/model/words.py spelled out before
    # it was read from the field metadata (issue 9: one declaration per field).
    from tarazy.engine import model
    from tarazy.engine.model import words

    spelled_out = {
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
    }
    for name, vocabulary in spelled_out.items():
        assert dict(words.vocabulary(name)) == dict(vocabulary), name
    assert words.vocabulary("no such field") == {}
