"""File data <-> model classes, driven by the model's field metadata (``model.fields``).

``structure`` builds a model class from the data of a file that has already passed its
JSON Schema (so every value has the shape the schema allows); ``unstructure`` turns one back
into file data, leaving out every field that has its default value, so that loading what it
writes gives the same object (tests/test_properties.py). Both walk the class's file fields
in declaration order; neither names a field: a field declared in the model is loaded and
written with no edit here.

Two classes have a file syntax of their own, and only they are handled by class here:
``Duration`` (``indefinite``, ``{hours: 72}``, ``{until: ...}`` or nothing) and a class with
a ``SHORTHAND`` (``Addressees``: a bare label stands for ``{label: ...}``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

import attrs

from tarazy.engine.model import DURATION_UNITS, Duration, Location
from tarazy.engine.model.fields import FieldInfo, file_fields, file_key

if TYPE_CHECKING:  # the writer needs no YAML reader at run time
    from tarazy.engine.input.yamlfile import Document

__all__ = ["given_key", "structure", "unstructure"]

Path = list[str | int]


def given_key(
    attribute: attrs.Attribute[Any],
    field: FieldInfo,
    data: Mapping[str, Any],
    doc: Document,
    path: Path,
) -> str | None:
    """The key under which ``data`` gives the field: its name or one of its older names
    (aliases); None when it gives neither. Both at once is an InputError at the older
    name's line: the file must say one thing."""
    key = file_key(attribute, field)
    if not field.aliases:  # the common case, once per field of every provision
        return key if key in data else None
    given = [k for k in (key, *field.aliases) if k in data]
    if len(given) > 1:
        raise doc.error(
            f"'{given[1]}' is the old name of '{key}'; expected one of them, not both",
            [*path, given[1]],
        )
    return given[0] if given else None


def structure(
    cls: type,
    data: Mapping[str, Any],
    doc: Document,
    path: Path,
    defaults: Mapping[str, Any] | None = None,
) -> Any:
    """An instance of ``cls`` from schema-valid file data at ``path`` of ``doc`` (0-based
    list indices, as ``Document.line_of`` takes them). ``defaults`` replaces the model's
    default of a field a file leaves out, at any depth (a case file's effects are ``clear``
    unless they say otherwise). A class with a ``location`` gets the 1-based line of
    ``path``. Raises InputError (file:line) for what a schema cannot check: a key given
    with its old name too, a line break in a one-line text."""
    defaults = defaults or {}
    kwargs: dict[str, Any] = {}
    for attribute, field in file_fields(cls):
        key = given_key(attribute, field, data, doc, path)
        if key is None:
            if attribute.name in defaults:
                kwargs[attribute.name] = defaults[attribute.name]
            continue
        kwargs[attribute.name] = _value(field, data[key], doc, [*path, key], defaults)
    if _has_location(cls):
        kwargs["location"] = Location(doc.file, doc.line_of(path))
    return cls(**kwargs)


@functools.cache
def _has_location(cls: type) -> bool:
    return "location" in attrs.fields_dict(cls)


def _value(
    field: FieldInfo, value: Any, doc: Document, path: Path, defaults: Mapping[str, Any]
) -> Any:
    form = field.form
    if form == "text":
        if value is None:
            return None
        if field.one_line and isinstance(value, str) and "\n" in value:
            owner = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "")
            raise doc.error(
                f"{owner} {path[-1]} spans lines; expected it on one line (a '|' block keeps "
                "the line break: write the text after the colon instead)".lstrip(),
                path,
            )
        return str(value) if field.numbers else value
    if form == "choices":
        return tuple(value)
    if form == "amounts":
        return tuple(sorted((k, float(v)) for k, v in value.items()))
    if form == "record":
        model = cast(type, field.model)
        if model is Duration:
            return _duration(value)
        if value is None:
            return model()
        shorthand = getattr(model, "SHORTHAND", None)
        if shorthand is not None and not isinstance(value, Mapping):
            return model(**{shorthand: value})
        return structure(model, value, doc, path, defaults)
    if form == "records":
        model = cast(type, field.model)
        return tuple(
            structure(model, item, doc, [*path, i], defaults) for i, item in enumerate(value)
        )
    return value  # choice, flag: the schema has checked the value


def _duration(value: Any) -> Duration:
    if value is None:
        return Duration()
    if value == "indefinite":
        return Duration("indefinite")
    unit = next((u for u in DURATION_UNITS if u in value), None)
    if unit is not None:
        return Duration.term(float(value[unit]), unit)
    return Duration("until_condition", until=value["until"])


# --------------------------------------------------------------------------- writing


def unstructure(obj: Any) -> dict[str, object]:
    """File data for a model instance: every file field whose value differs from its
    default (a required field always), under its file key, in declaration order, lists of
    records last (a provision's effects after its title and citation)."""
    data: dict[str, object] = {}
    last: dict[str, object] = {}
    cls: type = type(obj)
    for attribute, field in file_fields(cls):
        value = getattr(obj, attribute.name)
        if attribute.default is not attrs.NOTHING and value == attribute.default:
            continue
        key = file_key(attribute, field)
        if field.form == "records":
            last[key] = [unstructure(item) for item in value]
        else:
            data[key] = _written(field, value)
    return {**data, **last}


def _written(field: FieldInfo, value: Any) -> object:
    if field.form == "choices":
        return list(value)
    if field.form == "amounts":
        return {k: _number(v) for k, v in value}
    if field.form == "record":
        if isinstance(value, Duration):
            return _duration_data(value)
        inner = unstructure(value)
        shorthand = getattr(type(value), "SHORTHAND", None)
        if shorthand is not None and list(inner) == [shorthand]:
            return inner[shorthand]
        return inner
    return value


def _number(value: float | None) -> float | int | None:
    """A number as a drafter writes it: 2.0 as 2 (the loader reads both to the same float)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _duration_data(duration: Duration) -> object:
    if duration.kind == "indefinite":
        return "indefinite"
    if duration.kind == "fixed":
        return {duration.unit: _number(duration.amount)}
    if duration.kind == "until_condition":
        return {"until": duration.until}
    return None  # not time-bound: the default, never written
