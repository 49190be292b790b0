"""The fast YAML path (libyaml) against the reference (ruamel.yaml), differentially.

Whatever the fast path returns, the reference must return too - the same data and the same
line for every path; whatever the fast path is not sure of, it hands back. Documents are
generated with the scalars where YAML versions and readers differ (YAML 1.1 booleans,
sexagesimals, octal-looking and hexadecimal numbers, underscores, dates, infinities, tags,
anchors, merge keys, duplicate keys) written plain, quoted and in block and flow style.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tarazy.engine.input import fastyaml, loading, yamlfile
from tarazy.engine.model.errors import InputError

from .conftest import EXAMPLES, REPO

pytestmark = pytest.mark.skipif(not fastyaml.AVAILABLE, reason="PyYAML without libyaml")

TRICKY = (
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Yes",
    "NO",
    "true",
    "True",
    "TRUE",
    "false",
    "tRue",
    "null",
    "Null",
    "~",
    "",
    "010",
    "0o10",
    "0x1F",
    "0b11",
    "1_000",
    "1:20",
    "12:30:00",
    "190:20:30",
    "1.5",
    "-1.5",
    "+1",
    "-0",
    "1.",
    ".5",
    "+.5",
    "1e3",
    "1.0e3",
    "1E3",
    ".5e3",
    ".5e+3",
    "1e400",
    ".inf",
    "-.inf",
    ".nan",
    "2026-01-01",
    "2026-1-1 10:00:00",
    "2001-12-14t21:59:43.10-05:00",
    "12(2)",
    "41(3)",
    "=",
    "<<",
    "!tag",
    "!!str x",
    "&a x",
    "*a",
    "- x",
    "a: b",
    "a #c",
    "#c",
    "@x",
    "`x",
    "%x",
    "x y",
    "'q'",
    '"q"',
    "key: [1, 2]",
    "9" * 25,
    "007",
    "-x",
    ".x",
    "+x",
    "0.0",
    "1.2.3",
)
KEYS = ("id", "right", "kind", "yes", "on", "1", "2026-01-01", "<<", "a b", "null", "x")


def scalar_text(value: str, style: str) -> str:
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


scalars = st.tuples(
    st.one_of(st.sampled_from(TRICKY), st.text("ab1-.:#\t 'é\\\"[]{},?|>*&!%@`~=<", max_size=8)),
    st.sampled_from(("plain", "plain", "single", "double")),
).map(lambda t: scalar_text(*t))
keys = st.tuples(st.sampled_from(KEYS), st.sampled_from(("plain", "plain", "double"))).map(
    lambda t: scalar_text(*t)
)

Tree = Any
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4).map(lambda xs: ("seq", xs)),
        st.lists(st.tuples(keys, inner), min_size=1, max_size=4).map(lambda kv: ("map", kv)),
    ),
    max_leaves=12,
)


def flow(tree: Tree) -> str:
    if isinstance(tree, str):
        return tree
    kind, items = tree
    if kind == "seq":
        return "[" + ", ".join(flow(x) for x in items) + "]"
    return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in items) + "}"


def block(tree: Tree, indent: int, use_flow: bool) -> list[str]:
    pad = " " * indent
    if isinstance(tree, str) or use_flow:
        return [pad + flow(tree)]
    kind, items = tree
    lines = []
    for item in items:
        value = item if kind == "seq" else item[1]
        lead = "- " if kind == "seq" else f"{item[0]}:"
        if isinstance(value, str):
            lines.append(f"{pad}{lead} {value}".rstrip())
        else:
            lines.append(pad + lead)
            lines += block(value, indent + 2, use_flow)
    return lines


documents = st.builds(
    lambda tree, use_flow, prefix, newline: prefix + newline.join(block(tree, 0, use_flow)) + "\n",
    trees,
    st.booleans(),
    st.sampled_from(("", "", "# comment\n", "---\n", "%YAML 1.2\n---\n", "a: &x 1\nb: *x\n")),
    st.sampled_from(("\n", "\n", "\r\n", "\n\n", "\n# comment\n")),
)


def _compare(text: str) -> None:
    fast = fastyaml.parse(text, "doc.yaml")
    if fast is None:
        return  # handed back: the reference alone reads it
    try:
        reference = yamlfile.parse_reference(text, "doc.yaml")
    except InputError as exc:
        pytest.fail(f"the fast path accepted what the reference refuses ({exc}):\n{text}")
    assert _typed(fast.data) == _typed(reference.data), text  # 1 == 1.0 == True: not enough
    assert fast.lines == reference.lines, text


def _typed(value: object) -> object:
    """The value with the type of every part spelt out, for a comparison that tells 1 from
    1.0 and True."""
    if isinstance(value, dict):
        return ("dict", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, value)


@settings(
    max_examples=400,
    derandomize=True,  # as the ci profile: the same documents on every run
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(documents)
def test_the_fast_path_reads_what_the_reference_reads(text: str) -> None:
    _compare(text)


def _types(value: object) -> set[type]:
    found: set[type] = {type(value)}
    if isinstance(value, dict):
        for v in value.values():
            found |= _types(v)
    if isinstance(value, list):
        for v in value:
            found |= _types(v)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: yes\nb: off\n", {"a": "yes", "b": "off"}),  # YAML 1.2: no yes/no booleans
        ("a: 1:20\n", {"a": "1:20"}),  # no sexagesimals
        ("a: 010\n", {"a": 10}),  # no octal
        ("a: 2026-07-01\n", {"a": "2026-07-01"}),  # dates as text
        ("a: [true, False, ~, 1.5, -2]\n", {"a": [True, False, None, 1.5, -2]}),
    ],
)
def test_yaml_1_2_meaning(text: str, expected: object) -> None:
    fast = fastyaml.parse(text, "x.yaml")
    assert fast is not None and _typed(fast.data) == _typed(expected)
    assert _types(fast.data) <= {str, int, float, bool, type(None), list, dict}
    assert _typed(yamlfile.parse_reference(text, "x.yaml").data) == _typed(expected)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!str 1\n",
        "a: &x 1\nb: *x\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: 1\na: 2\n",
        "1: x\n",
        "a: 0x1F\n",
        "a: .inf\n",
        "a: 1\n---\nb: 2\n",
        "a: [1\n",
        "",
        "a: 1\t\n",  # libyaml takes it, ruamel refuses it
    ],
)
def test_what_the_fast_path_hands_back(text: str) -> None:
    assert fastyaml.parse(text, "x.yaml") is None


def test_errors_keep_file_and_line_through_the_fast_path(tmp_path: Path) -> None:
    bill = tmp_path / "bill.yaml"
    text = (EXAMPLES / "court-fees.yaml").read_text(encoding="utf-8")
    bill.write_text(text.replace("requirement: fee", "requirement: fees", 1), encoding="utf-8")
    assert fastyaml.parse(bill.read_text(encoding="utf-8"), str(bill)) is not None
    with pytest.raises(InputError) as caught:
        loading.load_bill(bill)
    line = text.splitlines().index("        requirement: fee") + 1
    assert str(caught.value).startswith(f"{bill}:{line}: ")


def test_every_bundled_file_reads_the_same_both_ways() -> None:
    files = [
        *sorted((REPO / "doctrines").rglob("*.yaml")),
        *sorted((REPO / "cases").glob("*.yaml")),
        *sorted(EXAMPLES.glob("*.yaml")),
        REPO / "engine" / "data" / "catalogue.yaml",
    ]
    for file in files:
        text = file.read_text(encoding="utf-8")
        fast = fastyaml.parse(text, str(file))
        assert fast is not None, file
        reference = yamlfile.parse_reference(text, str(file))
        assert _typed(fast.data) == _typed(reference.data), file
        assert fast.lines == reference.lines, file


def test_a_large_bill_reports_an_error_deep_inside_with_its_line(tmp_path: Path) -> None:
    # Past fastyaml.LARGE only the lines a successful load asks for are recorded; an error
    # at any other path must still get its own line (the text is read again for it).
    provision = (
        "  - id: p{n}\n"
        "    instrument: law\n"
        "    effects:\n"
        "      - right: judicial_protection\n"
        "        kind: condition\n"
        "        requirement: {requirement}\n"
    )
    count = fastyaml.LARGE // 100 + 10  # each provision is over 100 characters
    parts = ["provisions:\n"]
    parts += [provision.format(n=n, requirement="fee") for n in range(count)]
    parts.append(provision.format(n=count, requirement="fees"))
    text = "".join(parts)
    assert len(text) > fastyaml.LARGE
    bill = tmp_path / "big.yaml"
    bill.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        loading.load_bill(bill)
    line = text.count("\n")  # the last line: requirement: fees
    assert str(caught.value).startswith(f"{bill}:{line}: "), caught.value
    fast = fastyaml.parse(text, str(bill))
    assert fast is not None
    assert len(fast.lines) < 4 * count  # shallow: a few lines a provision, not all
    assert fast.line_of(["provisions", count, "effects", 0, "requirement"]) == line
