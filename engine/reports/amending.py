"""The amended bill that `tarazy fix --write OUT` writes: the drafter's own file with the
keys the fixes changed rewritten, and nothing else.

The file is edited as round-trip YAML (ruamel.yaml), so comments, order, quoting and line
layout survive; every key a fix may change (``engine/analysis/fixmoves.py``) is written in
full in bill-file syntax. ``cli/fix.py`` loads the text back and checks that it gives the
amended provisions before writing it (atomically, with ``batch.atomic_output``).

Provisions are matched by their position in the file's ``provisions`` list (the loader keeps
file order, ``engine/input/bills.py``), never by the id: ruamel.yaml reads ``id: 1e3``,
``012`` or ``0x1F`` as a number, whose text is not the id the loader kept. A part of the file
that is anchored (``&eff``) and used again by an alias (``*eff``) is one node in the parsed
document: amending it would change every place that uses it, so it is refused
(``SharedNodeError``). The file's line endings (CRLF or LF) and a byte-order mark are kept.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

from tarazy.engine.model import Provision
from tarazy.engine.model.errors import EngineError, InputError
from tarazy.engine.model.messages import message

__all__ = ["amended_bill_text"]

_BOM = "\ufeff"


def amended_bill_text(
    original: str,
    amended: Sequence[Provision],
    single: bool = False,
    source: str = "<bill>",
    lang: str = "en",
) -> str:
    """The bill file ``original`` (its text) with each provision replaced by the amended
    provision at the same position (``amended`` holds every provision of the file, in file
    order) where a fix changed it: only the changed keys are rewritten (round-trip YAML
    keeps the rest, comments included). ``single``: the file is one provision (a mapping
    with ``effects``), not a bill. Every key a fix may change is written in full
    (``safeguards: [deferral]``, ``duration: {years: 10}``). The text keeps ``original``'s
    line endings (CRLF when its first line ends so) and its byte-order mark.

    Raises ``InputError`` (exit 2, naming ``source`` and the 1-based line of the anchor)
    when a node to change, or a node holding it up to the provision, is anchored or an
    alias; ``EngineError`` when ``amended`` does not have one provision per provision of
    the file."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from tarazy.engine.analysis.fixmoves import KEYS, bill_value

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the drafter's lines
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the bundled bills
    bom = original.startswith(_BOM)
    body = original[1:] if bom else original
    first_break = body.find("\n")
    crlf = first_break > 0 and body[first_break - 1] == "\r"
    document = yaml.load(body.replace("\r\n", "\n"))
    items = [document] if single else document["provisions"]
    if len(items) != len(amended):
        raise EngineError(
            f"{len(amended)} amended provisions for the {len(items)} of the file {source}"
        )

    def touch(*nodes: Any) -> None:
        """Refuse to change a node shared through an anchor (the first of ``nodes`` from
        the provision down that carries one)."""
        for node in nodes:
            anchor = getattr(getattr(node, "anchor", None), "value", None)
            if anchor is not None:
                raise InputError(
                    message(
                        "fix --write would change the part anchored here as &{anchor}, which "
                        "an alias (*{anchor}) shares with another place; write the shared part "
                        "out in full at each place that uses it, then run fix again",
                        lang,
                        anchor=anchor,
                    ),
                    source,
                    node.lc.line + 1,
                )

    def flow_seq(values: Sequence[Any]) -> CommentedSeq:
        seq = CommentedSeq(values)
        seq.fa.set_flow_style()
        return seq

    def flow_map(values: Mapping[str, Any]) -> CommentedMap:
        mapping = CommentedMap(values)
        mapping.fa.set_flow_style()
        return mapping

    for data, provision in zip(items, amended, strict=True):
        if data.get("instrument") != provision.instrument:
            touch(data)
            data["instrument"] = provision.instrument
        effects = data["effects"]
        for index, effect_data in enumerate(effects):
            chain = (data, effects, effect_data)
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
                            touch(*chain, who)
                            who["breadth"] = value
                    else:
                        touch(*chain)
                        effect_data["addressees"] = flow_map(
                            {**({"label": who} if who else {}), "breadth": value}
                        )
                    continue
                current = effect_data.get(key)
                if key in ("safeguards", "aims"):
                    if list(current or []) != value:
                        touch(*chain)
                        if value:
                            effect_data[key] = flow_seq(value)
                        elif key in effect_data:
                            del effect_data[key]
                    continue
                if key == "duration":
                    if _same_duration(current, value):
                        continue
                    touch(*chain)
                    if value is None:
                        effect_data.pop(key, None)
                    else:
                        effect_data[key] = flow_map(value) if isinstance(value, Mapping) else value
                    continue
                default = "express" if key == "legal_ground" else None
                if (current if current is not None else default) != value:
                    touch(*chain)
                    if value is None:
                        effect_data.pop(key, None)
                    else:
                        effect_data[key] = value
            magnitude = dict(provision.effects[index].magnitude)
            old = effect_data.get("magnitude") or {}
            if {k: float(v) for k, v in old.items()} != magnitude:
                touch(*chain)
                effect_data["magnitude"] = flow_map(
                    {
                        k: int(v) if float(v).is_integer() else v
                        for k, v in sorted(magnitude.items())
                    }
                )
    out = io.StringIO()
    yaml.dump(document, out)
    text = out.getvalue()
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return _BOM + text if bom else text


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
