"""A doctrine's conditions in plain legal language (``tarazy doctrine show``, ``explain``).

Each test of a condition is read through the vocabulary descriptions of ``model`` (and the
rights catalogue for rights, aims and instruments), never as raw ids where a description
exists: ``kind: ban`` reads "what the effect does to the right: excludes a group from
something (an office, a service, an activity)". The descriptions are msgids of the message
catalogue (``model.words``), so Russian and Kazakh read the catalogue's texts; a text with
no translation shows in English behind the ``[en] `` marker (still never a raw id).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

from tarazy.engine import model
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import AllOf, AnyOf, Condition, FieldSpec, Not, Test
from tarazy.engine.model.facts import UNSPECIFIED, field_registry
from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import field_word, value_word

WIDTH = 92

# The connectives of a condition read aloud (msgids of the message catalogue).
WORDS: dict[str, str] = {
    "all": N_("all of these hold:"),
    "any": N_("at least one of these holds:"),
    "not": N_("it is not the case that:"),
    "one_of": N_("one of"),
    "none_of": N_("none of"),
    "not_eq": N_("anything but"),
    "is_not": N_("not:"),
    "has_any": N_("include at least one of"),
    "has_all": N_("include every one of"),
    "has_none": N_("include none of"),
    "gt": N_("is stated and greater than"),
    "ge": N_("is stated and at least"),
    "lt": N_("is stated and less than"),
    "le": N_("is stated and at most"),
}


class Wording:
    """Renders conditions and values in one language (``en``, ``ru`` or ``kk``)."""

    def __init__(self, catalogue: Catalogue, lang: str = "en") -> None:
        self.catalogue = catalogue
        self.lang = lang
        self.fields: dict[str, FieldSpec] = field_registry(catalogue)
        self.words = {key: message(text, lang) for key, text in WORDS.items()}

    def field(self, name: str) -> str:
        """A field's description."""
        if name in model.MAGNITUDES:
            return message(
                "magnitude: {name}", self.lang, name=message(model.MAGNITUDES[name], self.lang)
            )
        return field_word(name, self.fields[name].description, self.lang)

    def value(self, field: str, value: str) -> str:
        """One value of a field, described (never the raw id where a description exists)."""
        return value_word(field, value, self.lang, self.catalogue)

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

    def fact(self, name: str, value: object) -> str:
        """One fact value of field ``name`` in words ("-" for an empty set)."""
        if isinstance(value, frozenset):
            return "; ".join(self.value(name, v) for v in sorted(value)) or "-"
        if isinstance(value, bool):
            return message("yes", self.lang) if value else message("no", self.lang)
        if isinstance(value, float):
            return f"{value:g}"
        if value is None:
            return self.value(name, UNSPECIFIED)
        return self.value(name, str(value))

    def facts(self, facts: Mapping[str, object], names: Iterable[str]) -> str:
        """Some facts of an effect, described: "field: value; ..."."""
        return "; ".join(f"{self.field(n)}: {self.fact(n, facts.get(n))}" for n in sorted(names))

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
