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
from typing import IO, Any

import attrs

from tarazy.engine import model
from tarazy.engine.model import Addressees, Citation, Duration, Effect, Provision, jsonout
from tarazy.engine.model.catalogue import Catalogue

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


def random_effect(rng: random.Random, catalogue: Catalogue) -> Effect:
    """An effect drawn field by field from the model's vocabularies."""
    duration = rng.choice(
        [
            Duration(),
            Duration("indefinite"),
            Duration("fixed", years=rng.choice(FIXED_YEARS)),
            Duration("until_condition", until="a condition ends"),
        ]
    )
    magnitude = tuple(
        sorted(
            {name: rng.choice(AMOUNTS) for name in _subset(rng, list(model.MAGNITUDES), 1)}.items()
        )
    )
    return Effect(
        right=rng.choice(list(catalogue.right_ids)),
        kind=rng.choice(list(model.EFFECT_KINDS)),
        addressees=Addressees(
            label=rng.choice(LABELS), breadth=_maybe(rng, list(model.ADDRESSEE_BREADTHS))
        ),
        basis=_maybe(rng, list(model.BASES)),
        duration=duration,
        aims=_subset(rng, list(catalogue.aim_ids), 2),
        legal_ground=rng.choice(list(model.LEGAL_GROUNDS)),
        safeguards=_subset(rng, list(model.SAFEGUARDS), 3),
        grounds_of_distinction=_subset(rng, list(model.GROUNDS_OF_DISTINCTION), 1),
        political_grounds=rng.random() < 0.05,
        magnitude=magnitude,
        sector=_maybe(rng, list(model.SECTORS)),
        trigger_severity=_maybe(rng, list(model.TRIGGER_SEVERITIES), 0.7),
        clarity=rng.choice([None, "clear", "clear", "clear", *model.CLARITIES]),
        justification=_maybe(rng, list(model.JUSTIFICATIONS), 0.7),
        requirement=_maybe(rng, list(model.REQUIREMENTS)),
        delegated_to=_maybe(rng, list(model.BYLAW_INSTRUMENTS), 0.9),
    )


def _mutate(rng: random.Random, provision: Provision, catalogue: Catalogue) -> Provision:
    """The provision with one to three facts of its effects drawn afresh."""
    effects = list(provision.effects)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(effects))
        fresh = random_effect(rng, catalogue)
        name = rng.choice(
            [
                "kind",
                "basis",
                "duration",
                "aims",
                "legal_ground",
                "safeguards",
                "sector",
                "trigger_severity",
                "clarity",
                "requirement",
                "magnitude",
            ]
        )
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
