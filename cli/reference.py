"""Reference material: `tarazy rights`, `tarazy schema` and `tarazy generate`."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

import click

from tarazy.cli.options import (
    FORMAT,
    LANG,
    CalendarDate,
    Edition,
    check_in_force,
)

# The file formats `tarazy schema` prints (tests/test_new.py checks them against
# engine/analysis/skeleton.py's SCHEMA_KINDS, which would import jsonschema at start-up).
SCHEMA_KINDS = ("bill", "doctrine", "examples", "case", "catalogue")

# Start-up: each command imports what it uses, inside its function, so that `tarazy check`
# does not import Hypothesis (only `verify` does) and `rights` does not import jsonschema
# or durable_rules. The catalogue and doctrines come through tarazy.engine.input.cache.
if TYPE_CHECKING:
    pass


@click.command()
@FORMAT
@click.option(
    "--edition",
    type=Edition(),
    default=None,
    help="Show one edition only. Default: both, side by side.",
)
@LANG
def rights(fmt: str, edition: str | None, lang: str) -> None:
    """List the rights catalogue: each right's article per edition of the Constitution and
    whether that edition lets it be restricted at all."""
    from tarazy.engine.input import cache
    from tarazy.engine.reports import catalogue_report

    catalogue = cache.load_catalogue()
    editions = [edition] if edition else list(catalogue.edition_ids)
    render = catalogue_report.rights_json if fmt == "json" else catalogue_report.rights_text
    click.echo(render(catalogue, editions, lang), nl=False)


@click.command()
@click.argument("kind", type=click.Choice(SCHEMA_KINDS))
def schema(kind: str) -> None:
    """Print the JSON Schema of a file format: bill, doctrine, examples (the examples next to
    a doctrine, doctrines/tests/<id>.yaml), case or catalogue."""
    from tarazy.engine.analysis import skeleton
    from tarazy.engine.input import cache

    click.echo(skeleton.schema_text(kind, cache.load_catalogue()), nl=False)


@click.command()
@click.option(
    "--provisions",
    "count",
    type=click.IntRange(min=1, max=200_000),
    required=True,
    help="How many provisions to write (at most 200,000: about 115 MB of YAML, within the "
    "128 MiB a bill file may have).",
)
@click.option(
    "--seed", type=int, default=1, show_default=True, help="The same seed, the same bill."
)
@click.option(
    "--as-of",
    "as_of",
    type=CalendarDate(),
    default=None,
    help="The bill's 'as_of' date, YYYY-MM-DD. Default: none (the check's --as-of applies).",
)
def generate(count: int, seed: int, as_of: dt.datetime | None) -> None:
    """Write a synthetic bill of N provisions to standard output, for load tests.

    About three provisions in five are a decided case's provision with one to three facts
    changed, the rest are drawn field by field from the bill format's vocabularies; each
    has a unique id, a title and a citation. See engine/verification/synthetic.py.
    """
    from tarazy.engine.input import cache, loading
    from tarazy.engine.verification import synthetic

    catalogue = cache.load_catalogue()
    if as_of is not None:  # a bill dated before the first edition: check would refuse it
        check_in_force(catalogue, as_of.date())
    seeds = [c.provision for c in loading.load_cases([], catalogue)]
    out = sys.stdout
    synthetic.write_bill(
        out,
        synthetic.provisions(count, seed, catalogue, seeds),
        f"Synthetic bill of {count} provisions (seed {seed})",
        as_of.date().isoformat() if as_of else None,
    )
    out.flush()
