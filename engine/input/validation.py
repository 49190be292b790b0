"""Checking a file against its published JSON Schema, with errors a drafter reads: file,
line, the field, what was expected and, for a misspelling, the closest known name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any, cast

import jsonschema
import jsonschema.validators
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match

from tarazy.engine.input import schemas
from tarazy.engine.input.yamlfile import Document
from tarazy.engine.model import conditions
from tarazy.engine.model.errors import gather

__all__ = ["validate"]


def _pattern(
    validator: Any, pattern: str, instance: object, schema: schemas.Schema
) -> Iterable[jsonschema.ValidationError]:
    """``pattern`` as the published (ECMA-262) schemas mean it: Python's ``$`` also matches
    before a final newline, so ``"a-id\\n"`` would pass an id pattern; here it does not."""
    if isinstance(instance, str) and (
        not re.search(pattern, instance) or (pattern.endswith("$") and instance.endswith("\n"))
    ):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, {"pattern": _pattern}
)


def validate(doc: Document, schema: schemas.Schema, what: str) -> None:
    """Every schema problem of the file (up to ``MAX_REPORTED``), in the order of lines, as
    one InputError (``errors.gather``); ``what`` names the kind of file in each message."""
    validator = _Validator(schema, format_checker=FormatChecker())
    errors = sorted(
        validator.iter_errors(doc.data),
        key=lambda e: (doc.line_of(e.absolute_path), -len(e.absolute_path)),
    )
    problems = []
    for error in errors:
        message, path = _explain(error)
        problems.append(doc.error(f"{what}: {message}", path))
    gather(problems)


def _explain(error: jsonschema.ValidationError) -> tuple[str, list[str | int]]:
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    field = _field_name(path)
    got = conditions.describe_value(error.instance)
    kind = error.validator
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        # A property kept for an older name (``deprecated``) loads but is not suggested.
        known = [
            k
            for k, v in schema.get("properties", {}).items()
            if not (isinstance(v, dict) and v.get("deprecated"))
        ]
        extra = [k for k in error.instance if k not in known]
        key = extra[0]
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return (
            f"unknown field '{key}'{hint} (expected one of: {', '.join(known)})",
            [*path, key],
        )
    if kind == "required":
        missing = str(error.message).split("'")[1]
        return f"missing field '{missing}'" + (f" in {field}" if field else ""), path
    if "propertyNames" in error.schema_path and isinstance(error.instance, str):
        allowed = [str(v) for v in schema.get("enum", [])]
        close = difflib.get_close_matches(error.instance, allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return (
            f"unknown key '{error.instance}' in '{field}'{hint} "
            f"(expected one of: {', '.join(allowed)})",
            [*path, error.instance],
        )
    if kind == "enum":
        allowed = [
            str(v) if v is not None else "null" for v in cast(list[Any], error.validator_value)
        ]
        close = (
            difflib.get_close_matches(str(error.instance), allowed, n=1)
            if isinstance(error.instance, str)
            else []
        )
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return (
            f"unknown value {got} for '{field}'{hint} (expected one of: {', '.join(allowed)})",
            path,
        )
    expected = schema.get("x-expected")
    if kind in ("oneOf", "anyOf") and error.context and isinstance(error.instance, dict):
        # A value of the right shape for one alternative (a mapping where a mapping is
        # allowed) is explained by that alternative's own problem: "unknown field 'x'",
        # never "expected ... a mapping, got a mapping".
        # An alternative that fails on the value's own shape (a type, or a constant such as
        # "indefinite") says nothing; one that fails inside the mapping says what is wrong.
        same_shape = [
            e
            for e in error.context
            if not (not e.relative_path and e.validator in ("type", "const", "enum"))
        ]
        # Of several mapping alternatives, the one whose required keys the value has is the
        # one the writer meant ({hours: "forty"} is the hours alternative, not "days").
        alternatives = schema.get(kind, [])
        meant = {
            i
            for i, alt in enumerate(alternatives)
            if isinstance(alt, dict)
            and alt.get("required")
            and all(k in error.instance for k in alt["required"])
        }
        if meant:
            same_shape = [e for e in same_shape if e.schema_path and e.schema_path[0] in meant]
        inner = best_match(same_shape) if same_shape else None
        if inner is not None:
            return _explain(inner)
    if kind in ("oneOf", "anyOf", "const", "pattern", "format") and expected:
        return f"expected {expected} for '{field}', got {got}", path
    if kind == "type":
        wanted = error.validator_value
        names = {
            "object": "a mapping",
            "array": "a list",
            "string": "text",
            "number": "a number",
            "integer": "a whole number",
            "boolean": "true or false",
            "null": "null",
        }
        wanted_list = wanted if isinstance(wanted, list) else [wanted]
        shown = " or ".join(names.get(str(w), str(w)) for w in wanted_list)
        return f"expected {shown} for '{field}', got {got}", path
    if kind == "minItems":
        return f"expected {expected or 'a non-empty list'} for '{field}'", path
    if kind == "minProperties":
        return f"'{field}' must not be empty", path
    if kind == "uniqueItems":
        return f"'{field}' lists the same value twice", path
    if kind in ("minimum", "exclusiveMinimum"):
        bound = "at least" if kind == "minimum" else "greater than"
        return f"'{field}' must be {bound} {error.validator_value}, got {got}", path
    if kind == "minLength":
        return f"'{field}' must not be empty", path
    return f"'{field}': {error.message}", path


def _field_name(path: Iterable[str | int]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "the file"
