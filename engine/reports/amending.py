"""The amended bill that `tarazy fix --write OUT` writes: the drafter's own file with the
keys the fixes changed rewritten, and nothing else.

The file is edited as round-trip YAML (ruamel.yaml), so comments, order, quoting and line
layout survive; every key a fix may change (``engine/analysis/fixmoves.py``) is written in
full in bill-file syntax. ``cli/fix.py`` loads the text back and checks that it gives the
amended provisions before writing it (atomically, with ``batch.atomic_output``).
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

from tarazy.engine.model import Provision

__all__ = ["amended_bill_text"]


def amended_bill_text(original: str, amended: Sequence[Provision], single: bool = False) -> str:
    """The bill file ``original`` (its text) with each provision replaced by the amended
    provision of the same id where a fix changed it: only the changed keys are rewritten
    (round-trip YAML keeps the rest, comments included). ``single``: the file is one
    provision (a mapping with ``effects``), not a bill. Every key a fix may change is written
    in full (``safeguards: [deferral]``, ``duration: {years: 10}``)."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from tarazy.engine.analysis.fixmoves import KEYS, bill_value

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the drafter's lines
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the bundled bills
    document = yaml.load(original)
    by_id = {p.id: p for p in amended}
    items = [document] if single else document["provisions"]

    def flow_seq(values: Sequence[Any]) -> CommentedSeq:
        seq = CommentedSeq(values)
        seq.fa.set_flow_style()
        return seq

    def flow_map(values: Mapping[str, Any]) -> CommentedMap:
        mapping = CommentedMap(values)
        mapping.fa.set_flow_style()
        return mapping

    for data in items:
        provision = by_id.get(str(data.get("id"))) if not single else amended[0]
        if provision is None:
            continue
        if data.get("instrument") != provision.instrument:
            data["instrument"] = provision.instrument
        for index, effect_data in enumerate(data["effects"]):
            for key in KEYS:
                if key in ("instrument", "magnitude"):
                    continue
                value = bill_value(provision, index, key)
                if key == "addressees.breadth":
                    who = effect_data.get("addressees")
                    if value is None:
                        continue
                    if isinstance(who, MutableMapping):
                        if who.get("breadth") != value:
                            who["breadth"] = value
                    else:
                        effect_data["addressees"] = flow_map(
                            {**({"label": who} if who else {}), "breadth": value}
                        )
                    continue
                current = effect_data.get(key)
                if key in ("safeguards", "aims"):
                    if list(current or []) != value:
                        if value:
                            effect_data[key] = flow_seq(value)
                        elif key in effect_data:
                            del effect_data[key]
                    continue
                if key == "duration":
                    if _same_duration(current, value):
                        continue
                    if value is None:
                        effect_data.pop(key, None)
                    else:
                        effect_data[key] = flow_map(value) if isinstance(value, Mapping) else value
                    continue
                default = "express" if key == "legal_ground" else None
                if (current if current is not None else default) != value:
                    if value is None:
                        effect_data.pop(key, None)
                    else:
                        effect_data[key] = value
            magnitude = dict(provision.effects[index].magnitude)
            old = effect_data.get("magnitude") or {}
            if {k: float(v) for k, v in old.items()} != magnitude:
                effect_data["magnitude"] = flow_map(
                    {
                        k: int(v) if float(v).is_integer() else v
                        for k, v in sorted(magnitude.items())
                    }
                )
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _number_value(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _same_duration(current: Any, value: Any) -> bool:
    if isinstance(current, Mapping) and isinstance(value, Mapping):
        return {k: str(v) for k, v in current.items()} == {k: str(v) for k, v in value.items()} or (
            set(current) == set(value) and all(_num(current[k]) == _num(value[k]) for k in current)
        )
    return bool(current == value)


def _num(value: Any) -> Any:
    try:
        return float(value)
    except (TypeError, ValueError):
        return value
