"""`tarazy verify`: the consistency properties of the doctrines and cases (Hypothesis)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tarazy.cli.options import (
    CASES,
    DOCTRINES,
    EXIT_FAIL,
    FORMAT,
    PROPERTY_NAMES,
)

# Start-up: each command imports what it uses, inside its function, so that `tarazy check`
# does not import Hypothesis (only `verify` does) and `rights` does not import jsonschema
# or durable_rules. The catalogue and doctrines come through tarazy.engine.input.cache.
if TYPE_CHECKING:
    from tarazy.engine.verification import verifying


@click.command()
@CASES
@DOCTRINES
@click.option(
    "--examples",
    "max_examples",
    type=click.IntRange(min=1),
    default=None,
    help="Generated examples per property (default: the profile's - 2000 for deep, 150 for "
    "ci). Finite sets (the decided cases, the doctrine examples) are always checked in full.",
)
@click.option(
    "--seed",
    type=int,
    default=None,
    help="Seed for the generated examples, to repeat a run. Default: a fresh seed, printed in "
    "the report.",
)
@click.option(
    "--profile",
    type=click.Choice(["deep", "ci"]),
    default="deep",
    show_default=True,
    help="deep: many examples from a seed; ci: the bounded, derandomized set pytest runs.",
)
@click.option(
    "--property",
    "names",
    multiple=True,
    type=click.Choice(PROPERTY_NAMES),
    help="Check only this property (repeatable). Default: all.",
)
@FORMAT
def verify(
    cases_dir: Path | None,
    doctrines_dir: Path | None,
    max_examples: int | None,
    seed: int | None,
    profile: str,
    names: Sequence[str],
    fmt: str,
) -> None:
    """Prove the doctrines consistent with the decided cases and with themselves.

    \b
    Properties (each a documented function in engine/verification/verifying.py):
      doctrine_tests   the examples next to each doctrine hold
      replay           every decided case gets its holding, for the Court's reasons
      precedent        a fortiori from every decided case, and leave-one-out
      monotonicity     less restrictive never turns conforming into non-conforming
      irrelevance      labels, effect order and doctrine load order change nothing
      absolute_rights  denying a never-restrictable right never conforms
      differential     durable_rules agrees with an independent interpreter
      edition_change   a new edition changes verdicts only through doctrines whose
                       basis it changed; provisions straddling every difference between
                       the editions are checked against the catalogue
      case_base        no two decided cases contradict each other
      coverage         every doctrine branch is witnessed true and false by a case or
                       an example, and every doctrine has examples
      rulings          a violation cites a ruling held not to conform, a concern one
                       upheld with recommendations or in an interpretation
      adequacy         every doctrine is needed by a case or a property

    A failure prints the shrunk provision as a bill file to paste into `tarazy check` and
    the two sources that disagree. Exit status 1 when any property fails.
    """
    import random

    from tarazy.engine.input import cache, loading
    from tarazy.engine.reports import reporting
    from tarazy.engine.verification import verifying

    catalogue = cache.load_catalogue()
    doctrines = cache.load_doctrines(doctrines_dir, catalogue)
    cases = loading.load_cases([cases_dir] if cases_dir else [], catalogue, doctrines)
    examples = loading.load_doctrine_examples(doctrines_dir, catalogue, doctrines)
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
    chosen = list(names) or None
    with (
        verifying.context(catalogue, doctrines, cases, seed, examples) as ctx,
        click.progressbar(
            length=_budget(ctx, chosen, profile, max_examples), label="verifying", file=sys.stderr
        ) as bar,
    ):
        results = verifying.verify(
            ctx, chosen, profile, max_examples, seed, tick=lambda: bar.update(1)
        )
    if fmt == "json":
        click.echo(reporting.verify_json(results, seed, profile), nl=False)
    else:
        click.echo(reporting.verify_text(results, seed, profile, doctrines, len(cases)), nl=False)
    if any(r.status == "failed" for r in results):
        raise SystemExit(EXIT_FAIL)


def _budget(
    ctx: verifying.Context, names: Sequence[str] | None, profile: str, max_examples: int | None
) -> int:
    """An estimate of the examples to check, for the progress bar."""
    from tarazy.engine.verification import verifying

    per = max_examples or verifying.PROFILES[profile]["max_examples"]
    total = 0
    for prop in (*verifying.PROPERTIES, verifying.ADEQUACY):
        if names and prop.name not in names:
            continue
        total += len(prop.items(ctx)) if prop.items else 0
        total += per if prop.strategy else 0
    return total
