"""Synthetic bills for benchmarks and load tests (``tarazy generate``).

A synthetic bill should look like the bills tarazy is given, not like uniform noise, so most
provisions (about three in five) are a decided case's provision with one to three facts
changed - the neighbourhood of the rulings, where the doctrines fire and pass - and the
rest are drawn field by field from the model's vocabularies, the way
``strategies.effects`` draws them (the same fields and values; ``random.Random`` instead of
Hypothesis, so that generating does not import Hypothesis, is seeded and costs microseconds
a provision). Every provision gets a unique id, a title and a citation.

The writer emits the bill file format (``tarazy schema bill``) one provision at a time, so
a bill of any size is written in constant memory. Its data comes from the same function as
``verify``'s counterexample bills (``writing.provision_data``); the text is written here,
not by ruamel.yaml, because dumping 100,000 provisions through ruamel takes minutes.
Assumption: every string the model holds is either a plain identifier or free text; free
text is written as a JSON string, which YAML 1.2 reads as the same double-quoted scalar.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from typing import IO, Any, cast

import attrs

from tarazy.engine import model
from tarazy.engine.model import Addressees, Citation, Duration, Effect, Provision, jsonout
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.fields import FieldInfo, file_fields, info, values

FIXED_YEARS = (1.0, 2.0, 3.0, 5.0, 10.0, 25.0)
AMOUNTS = (1.0, 0.5, 2.0, 5.0, 10.0, 50.0, 100.0)
LABELS = ("persons affected", "applicants", "convicts", "officials", "heirs", "organisers")
ACTS = ("Tax Code", "Code on Administrative Offences", "Law on Civil Service", "Law on Pensions")
_PLAIN = re.compile(r"[a-z][a-z0-9_]*\Z")
# Words YAML 1.1 (and so some readers) take for booleans or null: always quoted.
_RESERVED = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null"])


def _maybe(rng: random.Random, values: Sequence[str], none_share: float = 0.5) -> str | None:
    return None if rng.random() < none_share else rng.choice(list(values))


def _subset(rng: random.Random, values: Sequence[str], most: int) -> tuple[str, ...]:
    return tuple(sorted(rng.sample(list(values), rng.randint(0, min(most, len(values))))))


def _duration(rng: random.Random) -> Duration:
    return rng.choice(
        [
            Duration(),
            Duration("indefinite"),
            Duration("fixed", years=rng.choice(FIXED_YEARS)),
            Duration("until_condition", until="a condition ends"),
        ]
    )


def _addressees(rng: random.Random) -> Addressees:
    return Addressees(
        rng.choice(LABELS), breadth=_maybe(rng, _values(attrs.fields(Addressees).breadth))
    )


def _values(attribute: attrs.Attribute[Any]) -> list[str]:
    return list(values(cast(FieldInfo, info(attribute)), {}))


def random_value(
    rng: random.Random, attribute: attrs.Attribute[Any], field: FieldInfo, catalogue: Catalogue
) -> Any:
    """One value of a file field of an effect, drawn from the model's metadata as
    ``strategies.field_strategy`` draws it: an optional value is left out half the time,
    a list has up to two members (amounts: one), a flag is rarely set (one in twenty)."""
    lists = catalogue.lists()
    form = field.form
    if form == "choice":
        ids = list(values(field, lists))
        return _maybe(rng, ids) if attribute.default is None else rng.choice(ids)
    if form == "choices":
        return _subset(rng, list(values(field, lists)), 2)
    if form == "flag":
        return rng.random() < 0.05
    if form == "amounts":
        names = _subset(rng, list(values(field, lists)), 1)
        return tuple(sorted({name: rng.choice(AMOUNTS) for name in names}.items()))
    if field.model is Duration:
        return _duration(rng)
    if field.model is Addressees:
        return _addressees(rng)
    return attribute.default  # text and other records: not drawn


def random_fields(rng: random.Random, cls: type, catalogue: Catalogue) -> dict[str, Any]:
    """A value for every file field of a model class, by attribute name (``random_value``)."""
    return {
        attribute.name: random_value(rng, attribute, field, catalogue)
        for attribute, field in file_fields(cls)
    }


def random_effect(rng: random.Random, catalogue: Catalogue) -> Effect:
    """An effect drawn field by field from the model's vocabularies."""
    return Effect(**random_fields(rng, Effect, catalogue))


# The effect fields a mutation draws afresh: all but the right (a case's right is what it
# is about) and the addressees (their label is read by no doctrine).
_MUTABLE = tuple(
    a.name
    for a, field in file_fields(Effect)
    if field.catalogue != "rights" and field.model is not Addressees
)


def _mutate(rng: random.Random, provision: Provision, catalogue: Catalogue) -> Provision:
    """The provision with one to three facts of its effects drawn afresh."""
    effects = list(provision.effects)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(effects))
        fresh = random_effect(rng, catalogue)
        name = rng.choice(_MUTABLE)
        effects[i] = attrs.evolve(effects[i], **{name: getattr(fresh, name)})
    instrument = provision.instrument
    if rng.random() < 0.1:
        instrument = rng.choice(list(model.INSTRUMENTS))
    return attrs.evolve(provision, effects=tuple(effects), instrument=instrument)


def provisions(
    count: int, seed: int, catalogue: Catalogue, seeds: Sequence[Provision] = ()
) -> Iterator[Provision]:
    """``count`` provisions, the same for the same seed and seed provisions."""
    rng = random.Random(seed)
    for n in range(1, count + 1):
        if seeds and rng.random() < 0.6:
            base = _mutate(rng, rng.choice(list(seeds)), catalogue)
            effects = base.effects
            instrument = base.instrument
        else:
            effects = tuple(random_effect(rng, catalogue) for _ in range(rng.randint(1, 3)))
            instrument = rng.choice(list(model.INSTRUMENTS))
        # Locations and addressee categories describe the source, not a new bill.
        effects = tuple(attrs.evolve(e, location=None) for e in effects)
        article = rng.randint(1, 700)
        yield Provision(
            id=f"p{n:06d}",
            instrument=instrument,
            effects=effects,
            title=f"Synthetic provision {n}",
            citation=Citation(
                act=rng.choice(ACTS), article=str(article), paragraph=str(rng.randint(1, 9))
            ),
        )


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = repr(value)
        if "e" in text or "n" in text:  # exponent, inf, nan: not written by this generator
            raise ValueError(f"cannot write {value!r} as a plain YAML 1.2 number")
        return text
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text not in _RESERVED:
        return text
    return jsonout.line(text)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def provision_text(provision: Provision) -> str:
    """One provision as an item of a bill's ``provisions:`` list (block style, effects in
    flow style as the examples write them)."""
    from tarazy.engine.input.writing import (
        provision_data,  # the bill writer's data, written as text here
    )

    data = provision_data(provision)
    lines = []
    first = True
    for key, value in data.items():
        lead = "  - " if first else "    "
        first = False
        if key == "effects":
            lines.append(f"{lead}effects:")
            lines += [f"      - {_flow(e)}" for e in value]  # type: ignore[attr-defined]
        else:
            lines.append(f"{lead}{key}: {_flow(value)}")
    return "\n".join(lines) + "\n"


def write_bill(
    out: IO[str], items: Iterator[Provision], title: str, as_of: str | None = None
) -> int:
    """Write a bill file, one provision at a time; returns the number written."""
    out.write("bill:\n")
    out.write(f"  title: {_scalar(title)}\n")
    if as_of:
        out.write(f'  as_of: "{as_of}"\n')
    out.write("provisions:\n")
    count = 0
    for provision in items:
        out.write(provision_text(provision))
        count += 1
    return count
