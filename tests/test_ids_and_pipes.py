"""Two leftovers of issue 14.

* An ``id`` is the text written: ``id: 1e3`` is "1e3", not 1000.0, through both YAML readers
  (the reference, ruamel.yaml, and the libyaml fast path, which alone reads files over
  4 MiB).
* ``tarazy explain big.yaml | head`` exits 141 like every other command when its reader
  leaves, also under ``PYTHONUNBUFFERED=1`` (where the one large write used to lose its tail
  in silence and the command exit with the verdict's status).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.input import fastyaml, loading, yamlfile

PROVISION = "  - id: {id}\n    instrument: law\n    effects: [{{right: assembly, kind: ban}}]\n"
# each as written, then what the id must be: the text as written, whatever it looks like
NUMERIC_IDS = ["1e3", "12", "012", "1.50", "-7", "1.0e3"]


def _bill(ids: list[str]) -> str:
    return "provisions:\n" + "".join(PROVISION.format(id=i) for i in ids)


def test_numeric_ids_keep_their_text_in_both_readers() -> None:
    text = _bill(NUMERIC_IDS)
    fast = fastyaml.parse(text, "bill.yaml")
    assert fast is not None  # plain decimal numbers: the fast path reads them itself
    reference = yamlfile.parse_reference(text, "bill.yaml")
    for doc in (fast, reference):
        assert isinstance(doc.data, dict)
        got = [p["id"] for p in doc.data["provisions"]]
        assert got == NUMERIC_IDS
        assert all(type(i) is str for i in got)


def test_only_ids_become_text_and_only_plain_numbers() -> None:
    # a magnitude stays a number; a quoted id was text already; true and null are not
    # numbers (the schema refuses them); a number the fast path hands back (hexadecimal,
    # underscores) is kept as written by the reference
    text = "id: 0x1F\nother: {id: 1_000, n: 12}\nq: {id: '12'}\nb: {id: true}\nz: {id: null}\n"
    assert fastyaml.parse(text, "x.yaml") is None
    data = yamlfile.parse_reference(text, "x.yaml").data
    assert data == {
        "id": "0x1F",
        "other": {"id": "1_000", "n": 12},
        "q": {"id": "12"},
        "b": {"id": True},
        "z": {"id": None},
    }


def test_an_anchored_number_keeps_its_meaning_where_it_is_reused() -> None:
    text = "id: &n 7\nmagnitude: {fine_mci: *n}\n"
    assert fastyaml.parse(text, "x.yaml") is None  # anchors: the reference reads it
    data = yamlfile.parse_reference(text, "x.yaml").data
    assert data == {"id": "7", "magnitude": {"fine_mci": 7}}


def test_check_reports_an_id_as_written(tmp_path: Path) -> None:
    bill = tmp_path / "bill.yaml"
    bill.write_text(_bill(["1e3", "12"]), encoding="utf-8")
    loaded = loading.load_bill(bill)
    assert [p.id for p in loaded.provisions] == ["1e3", "12"]
    # through the reference reader too: an alias elsewhere in the file hands it back
    handed = tmp_path / "handed.yaml"
    text = "bill: {title: &t Draft}\n" + _bill(["1e3", "0x1F"])
    handed.write_text(text, encoding="utf-8")
    assert fastyaml.parse(text, str(handed)) is None
    assert [p.id for p in loading.load_bill(handed).provisions] == ["1e3", "0x1F"]
    result = CliRunner().invoke(main, ["check", str(bill), "--as-of", "2026-11-01"])
    assert "\n[OPEN] 1e3\n" in result.stdout and "\n[OPEN] 12\n" in result.stdout
    assert "1000.0" not in result.stdout


def test_two_ids_one_number_are_two_provisions(tmp_path: Path) -> None:
    # read as numbers, 1e3 and 1000.0 were one id (a duplicate); as text they are two
    bill = tmp_path / "bill.yaml"
    bill.write_text(_bill(["1e3", "1000.0"]), encoding="utf-8")
    assert [p.id for p in loading.load_bill(bill).provisions] == ["1e3", "1000.0"]


def test_a_file_over_4_mib_keeps_its_ids_through_libyaml(tmp_path: Path) -> None:
    filler = "".join(PROVISION.format(id=f"p{n}") for n in range(60_000))
    text = _bill(["1e3", "012"]) + filler
    assert len(text) > yamlfile.MAX_REFERENCE_CHARS  # only the fast path may read it
    bill = tmp_path / "big.yaml"
    bill.write_text(text, encoding="utf-8")
    ids = [p.id for p in loading.load_bill(bill).provisions[:2]]
    assert ids == ["1e3", "012"]


def test_a_case_id_keeps_its_text() -> None:
    # a case's id must look like KZ-CC-...: a number is refused with that expectation (the
    # schema's), not turned into a float first
    text = "id: 2023.10\n"
    for doc in (fastyaml.parse(text, "x.yaml"), yamlfile.parse_reference(text, "x.yaml")):
        assert doc is not None and doc.data == {"id": "2023.10"}


@pytest.fixture(scope="module")
def explain_bill(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bill whose explanation is far larger than a pipe holds (64 KiB)."""
    result = CliRunner().invoke(main, ["generate", "--provisions", "30", "--seed", "3"])
    assert result.exit_code == 0
    bill = tmp_path_factory.mktemp("pipe") / "bill.yaml"
    bill.write_text(result.stdout, encoding="utf-8")
    return bill


@pytest.mark.parametrize("unbuffered", ["1", None])
def test_explain_into_a_reader_that_leaves_exits_141(
    explain_bill: Path, unbuffered: str | None
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    command = [sys.executable, "-m", "tarazy.cli.main", "explain", str(explain_bill)]
    full = subprocess.run([*command, "--as-of", "2026-11-01"], capture_output=True, env=env)
    assert len(full.stdout) > 1 << 18  # the explanation is one write of far more than a pipe
    assert full.returncode in (1, 3)  # the verdict's status, when the whole text is read
    proc = subprocess.Popen(
        [*command, "--as-of", "2026-11-01"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(10) == full.stdout[:10]  # the write has begun
    proc.stdout.close()  # as `| head -c 10` does
    err = proc.stderr.read()
    assert proc.wait() == 141, err
    assert err == b""


def test_unbuffered_output_is_still_whole(explain_bill: Path) -> None:
    # the replacement stream must not lose or reorder anything when the reader stays
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "tarazy.cli.main", "explain", str(explain_bill)]
    unbuffered = subprocess.run([*command, "--as-of", "2026-11-01"], capture_output=True, env=env)
    env.pop("PYTHONUNBUFFERED")
    buffered = subprocess.run([*command, "--as-of", "2026-11-01"], capture_output=True, env=env)
    assert unbuffered.stdout == buffered.stdout and unbuffered.returncode == buffered.returncode
