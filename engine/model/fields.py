"""Field metadata: what the model says of each field a file may give, in one place.

Every field of a model class that a bill, case or doctrine-example file writes is declared
with one of the helpers below (``text``, ``choice``, ``choices``, ``flag``, ``amounts``,
``record``, ``records``). Each stores a ``FieldInfo`` in the attrs field's metadata, and
from that metadata the rest of tarazy derives what it needs of the field:

* ``engine/input/modelschemas.py`` - the published JSON Schema (type, values, description,
  ``x-expected``, required keys, aliases);
* ``engine/input/structuring.py`` - the loader (file data to model, keys and aliases) and
  the writer (model to file data, leaving out what has its default value);
* ``engine/verification/strategies.py`` and ``synthetic.py`` - the values to draw;
* ``engine/model/facts.py`` - the fact fields a doctrine condition may name.

A field added to ``Effect`` with a helper is therefore loaded, written, published and
generated with no other edit; ``tests/test_fields.py`` checks that the field sets agree.
A closed vocabulary is also checked by the class itself (``Effect(kind="bann")`` raises
ValueError), whoever builds it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, Literal

import attrs

Vocabulary = Mapping[str, str] | tuple[str, ...]
Form = Literal["text", "choice", "choices", "flag", "amounts", "record", "records"]
CatalogueList = Literal["rights", "aims"]

METADATA_KEY = "tarazy"


@attrs.frozen
class FieldInfo:
    """What the model says of one file field.

    ``form`` is the shape of the value in a file: ``text``; ``choice`` (one id of
    ``vocabulary``, or of the catalogue's list named by ``catalogue``, "rights" or "aims",
    which the loader checks since the catalogue is data; null allowed
    when the default is None); ``choices`` (a list of distinct ids); ``flag`` (true or
    false); ``amounts`` (a mapping of ``vocabulary`` ids to numbers >= 0, held as sorted
    pairs); ``record`` (one nested model class); ``records`` (a list of them, at least
    ``min_items``).

    ``key`` is the file key (None: the attribute's name); ``aliases`` are older keys that
    load the same (giving a key and its alias together is a load error); ``expected`` is the
    phrase a load error uses for a value that fits none of the field's shapes; ``unstated``
    is the value a doctrine condition reads when the file leaves an optional ``choice`` out
    (``none`` or ``unspecified``; every ``choice``, ``choices`` and ``flag`` field is a fact
    under its own name, ``facts.field_registry``). For ``text``: ``nonempty``, ``numbers``
    (a number is taken as its text), ``pattern`` (a regular expression, anchored) and
    ``one_line`` (a line break is a load error)."""

    form: Form
    description: str
    vocabulary: Vocabulary | None = None
    catalogue: CatalogueList | None = None
    key: str | None = None
    aliases: tuple[str, ...] = ()
    expected: str | None = None
    unstated: str | None = None
    nonempty: bool = False
    numbers: bool = False
    pattern: str | None = None
    one_line: bool = False
    min_items: int = 0
    model: type | None = None  # the nested class of a record or records field
    most: int = 3  # for generating: the largest list or mapping worth drawing
    plainest: str | None = None  # for generating: the value a failure shrinks towards


def info(attribute: attrs.Attribute[Any]) -> FieldInfo | None:
    """The FieldInfo of an attrs attribute, or None for a field no file gives."""
    found = attribute.metadata.get(METADATA_KEY)
    return found if isinstance(found, FieldInfo) else None


@functools.cache
def file_fields(cls: type) -> tuple[tuple[attrs.Attribute[Any], FieldInfo], ...]:
    """The attributes of a model class that files give, in declaration order, each with
    its FieldInfo (computed once per class: the loader asks for every provision). Raises
    TypeError for a class that is not an attrs class."""
    out = []
    for attribute in attrs.fields(cls):
        found = info(attribute)
        if found is not None:
            out.append((attribute, found))
    return tuple(out)


def file_key(attribute: attrs.Attribute[Any], field: FieldInfo) -> str:
    """The key a file gives the field under."""
    return field.key or attribute.name


def values(field: FieldInfo, catalogue_lists: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The closed values of a ``choice``, ``choices`` or ``amounts`` field: its vocabulary,
    or the catalogue list it names (``catalogue_lists`` maps "rights" and "aims" to ids).
    KeyError when the field names a catalogue list not given."""
    if field.catalogue is not None:
        return tuple(catalogue_lists[field.catalogue])
    return tuple(field.vocabulary or ())


# --------------------------------------------------------------------------- validators


def _one_of(vocabulary: Vocabulary, optional: bool) -> Callable[[Any, Any, Any], None]:
    def check(_instance: Any, attribute: Any, value: Any) -> None:
        if value is None and optional:
            return
        if value not in vocabulary:
            raise ValueError(
                f"unknown value {value!r} for {attribute.name!r} "
                f"(expected one of: {', '.join(vocabulary)})"
            )

    return check


def _each_of(vocabulary: Vocabulary) -> Callable[[Any, Any, Any], None]:
    check = _one_of(vocabulary, optional=False)

    def each(instance: Any, attribute: Any, value: Any) -> None:
        for member in value:
            check(instance, attribute, member)

    return each


def _meta(field: FieldInfo) -> dict[str, FieldInfo]:
    return {METADATA_KEY: field}


# --------------------------------------------------------------------------- declaring


def text(description: str, default: Any = attrs.NOTHING, **extra: Any) -> Any:
    """A text field (``extra``: key, aliases, expected, nonempty, numbers, pattern,
    one_line)."""
    return attrs.field(default=default, metadata=_meta(FieldInfo("text", description, **extra)))


def choice(
    vocabulary: Vocabulary | None,
    description: str,
    default: Any = attrs.NOTHING,
    **extra: Any,
) -> Any:
    """One id of ``vocabulary`` (checked on construction), or of a catalogue list when
    ``vocabulary`` is None and ``catalogue=`` is given (checked by the loader: the catalogue
    is data). A default of None makes the field optional (null in files)."""
    field = FieldInfo("choice", description, vocabulary=vocabulary, **extra)
    validator = None if vocabulary is None else _one_of(vocabulary, default is None)
    return attrs.field(default=default, validator=validator, metadata=_meta(field))


def choices(vocabulary: Vocabulary | None, description: str, **extra: Any) -> Any:
    """A tuple of distinct ids of ``vocabulary`` (or of a catalogue list), default empty."""
    field = FieldInfo("choices", description, vocabulary=vocabulary, **extra)
    validator = None if vocabulary is None else _each_of(vocabulary)
    return attrs.field(default=(), validator=validator, metadata=_meta(field))


def flag(description: str, default: bool = False, **extra: Any) -> Any:
    """True or false."""
    return attrs.field(default=default, metadata=_meta(FieldInfo("flag", description, **extra)))


def amounts(vocabulary: Vocabulary, description: str, **extra: Any) -> Any:
    """Numbers by name (``vocabulary`` ids), held as sorted (name, value) pairs."""
    field = FieldInfo("amounts", description, vocabulary=vocabulary, **extra)

    def check(_instance: Any, attribute: Any, value: Any) -> None:
        for name, _amount in value:
            _one_of(vocabulary, optional=False)(_instance, attribute, name)

    return attrs.field(default=(), validator=check, metadata=_meta(field))


def record(model: type, description: str, **extra: Any) -> Any:
    """One instance of the nested model class ``model`` (its own fields say its keys); the
    default is ``model()``."""
    field = FieldInfo("record", description, model=model, **extra)
    return attrs.field(default=model(), metadata=_meta(field))


def records(model: type, description: str, **extra: Any) -> Any:
    """A tuple of instances of ``model``, written as a list (``min_items`` at least)."""
    return attrs.field(metadata=_meta(FieldInfo("records", description, model=model, **extra)))
