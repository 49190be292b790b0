"""The bill writer: provisions back to bill-file data and YAML text.

``tarazy check`` loads what this writes to the same provision (tests/test_properties.py);
``verify`` writes its counterexamples with it and ``generate`` its synthetic bills.
"""

from __future__ import annotations

import datetime as dt
import io

import attrs

from tarazy.engine.model import Effect, Provision

__all__ = ["bill_yaml", "effect_data", "provision_data"]


def effect_data(effect: Effect) -> dict[str, object]:
    """An effect as bill-file data, leaving out what has its default value."""
    data: dict[str, object] = {"right": effect.right, "kind": effect.kind}
    who = effect.addressees
    if who.category or who.breadth:
        data["addressees"] = {
            k: v
            for k, v in (("label", who.label), ("category", who.category), ("breadth", who.breadth))
            if v is not None
        }
    elif who.label:
        data["addressees"] = who.label
    if effect.basis:
        data["basis"] = effect.basis
    duration = effect.duration
    if duration.kind == "indefinite":
        data["duration"] = "indefinite"
    elif duration.kind == "fixed":
        data["duration"] = {duration.unit: duration.amount}
    elif duration.kind == "until_condition":
        data["duration"] = {"until": duration.until}
    for name in ("aims", "safeguards", "grounds_of_distinction"):
        if getattr(effect, name):
            data[name] = list(getattr(effect, name))
    if effect.legal_ground != "express":
        data["legal_ground"] = effect.legal_ground
    if effect.political_grounds:
        data["political_grounds"] = True
    if effect.magnitude:
        data["magnitude"] = dict(effect.magnitude)
    if effect.clarity is not None:
        data["clarity"] = effect.clarity
    for name in (
        "sector",
        "trigger_severity",
        "justification",
        "requirement",
        "delegated_to",
        "ordered_by",
    ):
        if getattr(effect, name) is not None:
            data[name] = getattr(effect, name)
    return data


def provision_data(provision: Provision) -> dict[str, object]:
    data: dict[str, object] = {"id": provision.id}
    if provision.title:
        data["title"] = provision.title
    cite = {k: v for k, v in attrs.asdict(provision.citation).items() if v is not None}
    if cite:
        data["citation"] = cite
    data["instrument"] = provision.instrument
    if provision.text:
        data["text"] = provision.text
    data["effects"] = [effect_data(e) for e in provision.effects]
    return data


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
