"""The bill writer: provisions back to bill-file data and YAML text.

``tarazy check`` loads what this writes to the same provision (tests/test_properties.py);
``verify`` writes its counterexamples with it and ``generate`` its synthetic bills.
"""

from __future__ import annotations

import datetime as dt
import io

from tarazy.engine.input.structuring import unstructure
from tarazy.engine.model import Effect, Provision

__all__ = ["bill_yaml", "effect_data", "provision_data"]


def effect_data(effect: Effect) -> dict[str, object]:
    """An effect as bill-file data, leaving out what has its default value (the fields and
    keys are the model's, ``structuring.unstructure``)."""
    return unstructure(effect)


def provision_data(provision: Provision) -> dict[str, object]:
    """A provision as bill-file data, its effects last, defaults left out."""
    return unstructure(provision)


def bill_yaml(provision: Provision, as_of: dt.date | None = None, title: str | None = None) -> str:
    """A one-provision bill file that `tarazy check` loads back to the same provision."""
    bill: dict[str, object] = {}
    if title:
        bill["title"] = title
    if as_of:
        bill["as_of"] = as_of.isoformat()
    document: dict[str, object] = {}
    if bill:
        document["bill"] = bill
    document["provisions"] = [provision_data(provision)]
    from ruamel.yaml import YAML  # only counterexamples need it: not imported at start-up

    yaml = YAML(typ="rt")
    yaml.default_flow_style = None  # lists and mappings of plain values on one line
    yaml.allow_unicode = True
    yaml.width = 100
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()
