"""The doctrine condition language: parse and validate ``when`` / ``unless`` data.

A condition is YAML data, never code:

* a mapping of field to expected value is an implicit AND;
* a scalar value means "equals"; a list means "one of";
* a mapping of operators tests a field more precisely: ``eq``, ``ne``, ``in``,
  ``not_in`` (enumerated and boolean fields), ``gt``, ``ge``, ``lt``, ``le`` (numbers),
  ``has_any``, ``has_all``, ``has_none`` (list fields such as ``safeguards``);
* ``all: [...]``, ``any: [...]`` and ``not: {...}`` nest.

Every field must exist in the field registry (``facts.field_registry``) and every value
must be one the field can take, so a misspelt field or value is a load error, never a
rule that silently never fires. The meaning of a condition is defined once, in prose, in
``docs`` of each operator below; ``compiling`` turns it into durable_rules and
``reference`` interprets it independently.

Semantics in brief: a number comparison on a number the provision does not state (for
example ``duration_years`` of an indefinite ban) is false; ``not`` is plain negation.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Literal

import attrs

FieldType = Literal["enum", "bool", "number", "set"]
Value = str | bool | float | tuple[str, ...]
Path = tuple[str | int, ...]

OPERATORS: dict[FieldType, dict[str, str]] = {
    "enum": {
        "eq": "equals the value",
        "ne": "differs from the value",
        "in": "is one of the values",
        "not_in": "is none of the values",
    },
    "bool": {"eq": "equals true or false", "ne": "differs from true or false"},
    "number": {
        "gt": "is stated and greater than",
        "ge": "is stated and at least",
        "lt": "is stated and less than",
        "le": "is stated and at most",
    },
    "set": {
        "has_any": "contains at least one of the values",
        "has_all": "contains every one of the values",
        "has_none": "contains none of the values",
    },
}
KEYWORDS = ("all", "any", "not")


@attrs.frozen
class FieldSpec:
    """A fact a doctrine may read about an effect (and its provision). ``aliases`` are older
    names a condition may still use for it (``basis`` for ``trigger``)."""

    name: str
    type: FieldType
    description: str
    values: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@attrs.frozen
class Test:
    """A leaf condition: the fact ``field`` compared by ``op`` with ``value``."""

    field: str
    op: str
    value: Value


@attrs.frozen
class AllOf:
    """Holds when every part holds (``all:``)."""

    parts: tuple[Condition, ...]


@attrs.frozen
class AnyOf:
    """Holds when some part holds (``any:``)."""

    parts: tuple[Condition, ...]


@attrs.frozen
class Not:
    """Holds when its part does not (``not:``)."""

    part: Condition


Condition = Test | AllOf | AnyOf | Not


class ConditionError(Exception):
    """A condition that does not validate; ``path`` is relative to the condition's root."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


def parse(data: object, fields: Mapping[str, FieldSpec], path: Path = ()) -> Condition:
    """Parse and validate one condition mapping against the field registry."""
    if not isinstance(data, Mapping):
        raise ConditionError(
            "expected a mapping of field names to expected values "
            f"(or all / any / not), got {describe_value(data)}",
            path,
        )
    if not data:
        raise ConditionError("empty condition: name at least one field it tests", path)
    parts: list[Condition] = []
    renamed = {alias: spec for spec in fields.values() for alias in spec.aliases}
    for key, value in data.items():
        where = (*path, key)
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                raise ConditionError(f"'{key}' takes a non-empty list of conditions", where)
            items = tuple(parse(item, fields, (*where, i)) for i, item in enumerate(value))
            parts.append(AllOf(items) if key == "all" else AnyOf(items))
        elif key == "not":
            parts.append(Not(parse(value, fields, where)))
        elif isinstance(key, str) and key in fields:
            parts.extend(_field_tests(fields[key], value, where))
        elif isinstance(key, str) and key in renamed:  # an older name of the field
            if renamed[key].name in data:
                raise ConditionError(
                    f"'{key}' is the old name of '{renamed[key].name}'; expected one of "
                    "them, not both",
                    where,
                )
            parts.extend(_field_tests(renamed[key], value, where))
        else:
            raise ConditionError(unknown_message(str(key), [*fields, *KEYWORDS], "field"), where)
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))


def _field_tests(spec: FieldSpec, value: object, where: Path) -> list[Condition]:
    ops = OPERATORS[spec.type]
    if isinstance(value, Mapping):
        if not value:
            raise ConditionError(f"empty operator mapping for '{spec.name}'", where)
        tests: list[Condition] = []
        for op, operand in value.items():
            if op not in ops:
                raise ConditionError(
                    unknown_message(
                        str(op), list(ops), f"operator for {spec.type} field '{spec.name}'"
                    ),
                    (*where, op),
                )
            tests.append(Test(spec.name, op, _operand(spec, op, operand, (*where, op))))
        return tests
    if spec.type == "set":
        raise ConditionError(
            f"'{spec.name}' is a list field: write {{has_any: [...]}}, {{has_all: [...]}} "
            "or {has_none: [...]}",
            where,
        )
    if spec.type == "number":
        raise ConditionError(
            f"'{spec.name}' is a number: write {{gt: N}}, {{ge: N}}, {{lt: N}} or {{le: N}}",
            where,
        )
    if isinstance(value, list):
        if spec.type != "enum":
            raise ConditionError(f"'{spec.name}' is true or false, not a list", where)
        return [Test(spec.name, "in", _operand(spec, "in", value, where))]
    return [Test(spec.name, "eq", _operand(spec, "eq", value, where))]


def _operand(spec: FieldSpec, op: str, operand: object, where: Path) -> Value:
    if spec.type == "bool":
        if not isinstance(operand, bool):
            raise ConditionError(
                f"'{spec.name}' is true or false, got {describe_value(operand)}", where
            )
        return operand
    if spec.type == "number":
        if isinstance(operand, bool) or not isinstance(operand, int | float):
            raise ConditionError(f"'{op}' on '{spec.name}' needs a number", where)
        return float(operand)
    if op in ("in", "not_in", "has_any", "has_all", "has_none"):
        if not isinstance(operand, list) or not operand:
            raise ConditionError(f"'{op}' on '{spec.name}' needs a non-empty list", where)
        values = [_enum_value(spec, v, (*where, i)) for i, v in enumerate(operand)]
        return tuple(sorted(set(values)))
    return _enum_value(spec, operand, where)


def _enum_value(spec: FieldSpec, value: object, where: Path) -> str:
    if not isinstance(value, str):
        raise ConditionError(
            f"'{spec.name}' takes one of: {', '.join(spec.values)}; got {describe_value(value)}",
            where,
        )
    if value not in spec.values:
        raise ConditionError(
            unknown_message(value, list(spec.values), f"value of '{spec.name}'"), where
        )
    return value


def unknown_message(name: str, known: Sequence[str], what: str) -> str:
    """The message for an unknown name: what it is, the closest known name, and the list.

    Shape: ``unknown <what> '<name>'; did you mean '<close>'? (expected one of: ...)``."""
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {what} '{name}'{hint} (expected one of: {', '.join(known)})"


def describe_value(value: object) -> str:
    """A value as an error message shows it."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


# --------------------------------------------------------------------------- inspection


def fields_read(condition: Condition | None) -> frozenset[str]:
    """The fields a condition reads."""
    if condition is None:
        return frozenset()
    if isinstance(condition, Test):
        return frozenset({condition.field})
    if isinstance(condition, Not):
        return fields_read(condition.part)
    return frozenset().union(*(fields_read(p) for p in condition.parts))


def tests_of(condition: Condition | None) -> list[Test]:
    """Every leaf test, in order."""
    if condition is None:
        return []
    if isinstance(condition, Test):
        return [condition]
    if isinstance(condition, Not):
        return tests_of(condition.part)
    return [t for p in condition.parts for t in tests_of(p)]


def describe(condition: Condition) -> str:
    """A one-line, human reading of a condition (for explanations)."""
    if isinstance(condition, Test):
        value = condition.value
        shown = (
            "[" + ", ".join(value) + "]"
            if isinstance(value, tuple)
            else (str(value).lower() if isinstance(value, bool) else f"{value:g}")
            if isinstance(value, bool | float)
            else value
        )
        symbol = {
            "eq": "=",
            "ne": "≠",
            "in": "in",
            "not_in": "not in",
            "gt": ">",
            "ge": "≥",
            "lt": "<",
            "le": "≤",
            "has_any": "has any of",
            "has_all": "has all of",
            "has_none": "has none of",
        }[condition.op]
        return f"{condition.field} {symbol} {shown}"
    if isinstance(condition, Not):
        return f"not ({describe(condition.part)})"
    joiner = " and " if isinstance(condition, AllOf) else " or "
    inner = joiner.join(describe(p) for p in condition.parts)
    return f"({inner})" if len(condition.parts) > 1 else inner
