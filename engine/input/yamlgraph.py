"""The bounds on a composed YAML graph, checked before anything is constructed.

``yamlfile``'s reference reader composes a file with ruamel.yaml and hands the node graph
here first: tags other than the plain YAML 1.2 ones, merge keys, non-scalar keys, over-long
integers, recursive aliases, nesting deeper than ``MAX_DEPTH`` and more than ``MAX_NODES``
values (aliases counted at every use) are refused with the file and the 1-based line, so an
alias bomb or a hostile tag never reaches the constructor. An ``id`` written as a number is
given back as its text (``id_as_text``). ``fastyaml`` keeps the same rules on its fast path.
"""

from __future__ import annotations

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.tag import Tag

from tarazy.engine.model.errors import InputError

__all__ = ["MAX_DEPTH", "MAX_INT_DIGITS", "MAX_NODES", "check_graph", "id_as_text", "line_of"]

MAX_DEPTH = 48
"""Nesting allowed, counted through aliases (a bill nests about 8 levels, a doctrine's
condition rarely 12); deeper input is refused before Python's recursion limit is near."""
MAX_NODES = 50_000
"""Values allowed in one file once aliases are expanded (a bundled file has at most ~1,000).
Counted on the composed graph, before anything is expanded: an alias bomb fails at once."""
MAX_INT_DIGITS = 400
"""Digits allowed in an integer; a float cannot hold more than 309 anyway (the loader refuses
numbers outside the float range with a line), and Python refuses to read 4,300."""

_ALLOWED_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
}
_MERGE_TAG = "tag:yaml.org,2002:merge"


def line_of(node: Node) -> int | None:
    """The 1-based line a node starts on (None when the node has no mark)."""
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else None


_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_STR_TAG = "tag:yaml.org,2002:str"


def id_as_text(key: Node, value: Node) -> Node:
    """The value of an ``id`` key as the text written, when it is a plain number.

    Every ``id`` in tarazy's formats (provisions, cases, doctrines, the catalogue) is text:
    ``id: 1e3`` is the id "1e3" and ``id: 012`` the id "012", never 1000.0 or 12. Read as
    YAML 1.2 they would be numbers and lose their spelling, so a plain scalar the resolver
    took for an int or a float is given back as a string node with the same text (a new
    node: an anchored number used elsewhere keeps its meaning there). ``fastyaml`` does
    the same; other values are returned unchanged."""
    if not (isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode)):
        return value
    if value.style is not None or getattr(value.tag, "value", value.tag) not in _NUMBER_TAGS:
        return value
    return ScalarNode(Tag(suffix=_STR_TAG), value.value, value.start_mark, value.end_mark)


def check_graph(root: Node, name: str) -> None:
    """Refuse what the constructor must never see, before anything is expanded: tags,
    merge keys, non-scalar keys, over-long integers, recursive aliases, nesting deeper than
    ``MAX_DEPTH`` and more than ``MAX_NODES`` values (aliases counted at every use)."""
    sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (values, height), aliases expanded
    on_path: set[int] = set()

    def visit(node: Node, depth: int) -> tuple[int, int]:
        key = id(node)
        if key in on_path:
            raise InputError("an alias refers to the value that contains it", name, line_of(node))
        known = sizes.get(key)
        if known is not None:
            values, height = known
        else:
            tag = getattr(node.tag, "value", node.tag) if node.tag is not None else None
            if tag not in _ALLOWED_TAGS:
                shown = str(tag).replace("tag:yaml.org,2002:", "!!")
                raise InputError(
                    f"YAML tags (!...) are not allowed in tarazy files (found {shown})",
                    name,
                    line_of(node),
                )
            values, height = 1, 1
            on_path.add(key)
            if isinstance(node, ScalarNode):
                digits = str(node.value).lstrip("+-").replace("_", "")
                if tag == "tag:yaml.org,2002:int" and len(digits) > MAX_INT_DIGITS:
                    raise InputError(
                        f"a number of {len(digits)} digits; numbers must lie within about ±1.8e308",
                        name,
                        line_of(node),
                    )
            else:
                children: list[Node] = []
                if isinstance(node, MappingNode):
                    for index, (k, v) in enumerate(node.value):
                        v = id_as_text(k, v)
                        node.value[index] = (k, v)
                        ktag = getattr(k.tag, "value", k.tag)
                        if ktag == _MERGE_TAG:
                            raise InputError(
                                "merge keys (<<) are not allowed; write the fields out in full",
                                name,
                                line_of(k),
                            )
                        if not isinstance(k, ScalarNode):
                            raise InputError(
                                "mapping keys must be plain names, not lists or mappings",
                                name,
                                line_of(k),
                            )
                        children += (k, v)
                elif isinstance(node, SequenceNode):
                    children = list(node.value)
                for child in children:
                    if depth + 1 > MAX_DEPTH:
                        raise InputError(
                            f"values nest more than {MAX_DEPTH} levels deep", name, line_of(child)
                        )
                    v_count, v_height = visit(child, depth + 1)
                    values += v_count
                    height = max(height, v_height + 1)
                    if values > MAX_NODES:
                        break
            on_path.discard(key)
            sizes[key] = (values, height)
        if depth + height - 1 > MAX_DEPTH:
            raise InputError(
                f"values nest more than {MAX_DEPTH} levels deep (counting aliases)",
                name,
                line_of(node),
            )
        if values > MAX_NODES:
            raise InputError(
                f"more than {MAX_NODES:,} values once aliases are expanded; "
                "write the file without nested aliases",
                name,
                line_of(node),
            )
        return values, height

    visit(root, 1)
