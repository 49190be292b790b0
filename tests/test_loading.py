"""Bills and single provisions load from YAML; every error names file, line and what was
expected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tarazy.engine.input import loading
from tarazy.engine.model import Citation, Duration
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.errors import InputError

from .conftest import EXAMPLES, write

GOOD = """\
bill:
  title: Test bill
  as_of: 2026-11-01
provisions:
  - id: a
    title: First
    citation: {act: Law on X, article: 3, paragraph: 2}
    instrument: law
    effects:
      - right: assembly
        kind: procedural_limit
        aims: [public_order]
        safeguards: [alternative_avenue]
        magnitude: {notice_working_days: 5}
        duration: {years: 2}
"""


def load_error(tmp_path: Path, catalogue: Catalogue, text: str) -> InputError:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        loading.load_bill(path, catalogue)
    assert info.value.file == str(path)
    return info.value


def test_a_good_bill_loads_with_its_facts(tmp_path: Path, catalogue: Catalogue) -> None:
    bill = loading.load_bill(write(tmp_path, GOOD), catalogue)
    assert bill.title == "Test bill"
    assert bill.as_of == dt.date(2026, 11, 1)
    (p,) = bill.provisions
    assert (p.id, p.instrument, str(p.citation)) == ("a", "law", "Law on X, art. 3(2)")
    (e,) = p.effects
    assert (e.right, e.kind, e.aims, e.safeguards) == (
        "assembly",
        "procedural_limit",
        ("public_order",),
        ("alternative_avenue",),
    )
    assert e.magnitude_of("notice_working_days") == 5.0
    assert e.duration == Duration("fixed", years=2.0)
    # stated defaults: an express ground; clarity not stated is None (the certainty stage asks)
    assert e.legal_ground == "express" and e.clarity is None
    assert e.location is not None and e.location.line == 10


def test_a_single_provision_file_loads(tmp_path: Path, catalogue: Catalogue) -> None:
    text = "id: solo\ninstrument: code\neffects:\n  - {right: property, kind: deprivation}\n"
    bill = loading.load_bill(write(tmp_path, text), catalogue)
    assert [p.id for p in bill.provisions] == ["solo"]
    assert bill.as_of is None


@pytest.mark.parametrize(
    ("text", "line", "fragments"),
    [
        pytest.param(
            GOOD.replace("kind: procedural_limit", "kind: procedural_limitt"),
            11,
            ["unknown value 'procedural_limitt' for 'kind'", "did you mean 'procedural_limit'"],
            id="misspelt-enum-value",
        ),
        pytest.param(
            GOOD.replace("right: assembly", "right: assembley"),
            10,
            ["unknown value 'assembley' for 'right'", "did you mean 'assembly'"],
            id="unknown-right-id",
        ),
        pytest.param(
            GOOD.replace("        aims: [public_order]", "        sectr: assembly"),
            12,
            ["unknown field 'sectr'", "did you mean 'sector'"],
            id="misspelt-field",
        ),
        pytest.param(
            GOOD.replace("aims: [public_order]", "aims: public_order"),
            12,
            ["expected a list for 'aims'", "got 'public_order'"],
            id="wrong-type",
        ),
        pytest.param(
            GOOD.replace("duration: {years: 2}", "duration: forever"),
            15,
            [
                "expected null, indefinite, {hours: N}, {days: N}, {months: N}, {years: N} "
                "or {until: <condition>}",
                "'forever'",
            ],
            id="bad-duration",
        ),
        pytest.param(
            # the alternative the writer meant ({hours: ...}) explains it, not another one
            GOOD.replace("duration: {years: 2}", "duration: {hours: forty}"),
            15,
            ["expected a number for 'hours', got 'forty'"],
            id="duration-term-not-a-number",
        ),
        pytest.param(
            GOOD.replace("duration: {years: 2}", "duration: {years: 0}"),
            15,
            ["'years' must be greater than 0, got 0"],
            id="duration-term-zero",
        ),
        pytest.param(
            GOOD.replace("    instrument: law\n", ""),
            5,
            ["missing field 'instrument'"],
            id="missing-required-field",
        ),
        pytest.param(
            GOOD.replace("aims: [public_order]", "aims: [public_order, public_order]"),
            12,
            ["'aims' lists the same value twice"],
            id="duplicate-list-value",
        ),
        pytest.param(
            GOOD.replace("magnitude: {notice_working_days: 5}", "magnitude: {notice_days: 5}"),
            14,
            ["unknown field 'notice_days'", "notice_working_days"],
            id="unknown-magnitude",
        ),
        pytest.param(
            GOOD.replace("  as_of: 2026-11-01", "  as_of: 2026-13-01"),
            3,
            ["expected a date, YYYY-MM-DD"],
            id="bad-date",
        ),
        pytest.param(
            GOOD.replace(
                "        kind: procedural_limit\n",
                "        kind: procedural_limit\n        political_grounds: yes\n",
            ),
            12,
            ["expected true or false for 'political_grounds'", "'yes'"],
            id="yes-is-not-a-boolean",
        ),
    ],
)
def test_errors_name_the_line_and_what_was_expected(
    tmp_path: Path, catalogue: Catalogue, text: str, line: int, fragments: list[str]
) -> None:
    error = load_error(tmp_path, catalogue, text)
    assert error.line == line, str(error)
    for fragment in fragments:
        assert fragment in error.message, str(error)


def test_duplicate_provision_ids_point_at_the_second(tmp_path: Path, catalogue: Catalogue) -> None:
    text = GOOD + GOOD.split("provisions:\n")[1]
    error = load_error(tmp_path, catalogue, text)
    assert "duplicate provision id 'a' (first used on line 5)" in error.message
    assert error.line == 16


def test_an_empty_bill_is_an_error(tmp_path: Path, catalogue: Catalogue) -> None:
    error = load_error(tmp_path, catalogue, "bill: {title: x}\nprovisions: []\n")
    assert "no provisions" in error.message and error.line == 2


def test_a_provision_without_effects_is_an_error(tmp_path: Path, catalogue: Catalogue) -> None:
    error = load_error(
        tmp_path, catalogue, "provisions:\n  - {id: a, instrument: law, effects: []}\n"
    )
    assert "at least one effect" in error.message


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ("provisions: [\n", "malformed YAML", 2),
        ("a: 1\na: 2\n", "duplicate key 'a' (first given on line 1)", 2),
        ("provisions:\n  - !!python/object:os.system ls\n", "tags (!...) are not allowed", 2),
        ("", "the file is empty", 1),
        ("- just\n- a list\n", "expected a bill", 1),
        ("title: no provisions here\n", "expected 'provisions:'", 1),
        ("bill: {as_of: 2026-01-01 10:00:00}\nprovisions: []\n", "no provisions", 2),
        ("bill: {as_of: 2026-01-01 10:00:00}\nprovisions: [{id: a}]\n", "YYYY-MM-DD", 1),
        ("x: .inf\n", "numbers must be finite", 1),
    ],
)
def test_malformed_files(
    tmp_path: Path, catalogue: Catalogue, text: str, fragment: str, line: int
) -> None:
    error = load_error(tmp_path, catalogue, text)
    assert fragment in error.message, str(error)
    assert error.line == line, str(error)


def test_a_missing_file_and_a_directory(tmp_path: Path, catalogue: Catalogue) -> None:
    with pytest.raises(InputError, match="no such file"):
        loading.load_bill(tmp_path / "nope.yaml", catalogue)
    with pytest.raises(InputError, match="found a directory"):
        loading.load_bill(tmp_path, catalogue)


def test_text_that_is_not_utf8(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Qazaq\xf1\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        loading.load_bill(path, catalogue)


def test_error_text_has_file_and_line(tmp_path: Path, catalogue: Catalogue) -> None:
    error = load_error(tmp_path, catalogue, GOOD.replace("kind: procedural_limit", "kind: x"))
    assert str(error).startswith(f"{tmp_path / 'bill.yaml'}:11: bill: unknown value 'x'")


def test_every_example_bill_loads(catalogue: Catalogue) -> None:
    files = sorted(EXAMPLES.glob("*.yaml"))
    # Exact: `ls examples/*.yaml | wc -l` is 8; an example bill added or removed is recorded here.
    assert len(files) == 8
    for f in files:
        assert loading.load_bill(f, catalogue).provisions


def test_the_bundled_catalogue_covers_both_editions(catalogue: Catalogue) -> None:
    assert catalogue.edition_ids == ("1995-2022", "2026")
    assert catalogue.edition_on(dt.date(2026, 6, 30)).id == "1995-2022"  # type: ignore[union-attr]
    assert catalogue.edition_on(dt.date(2026, 7, 1)).id == "2026"  # type: ignore[union-attr]
    assert catalogue.edition_on(dt.date(1990, 1, 1)) is None
    for right in catalogue.rights:
        for entry in right.editions:
            assert entry.source, right.id


@pytest.mark.parametrize(
    ("right", "old", "new"),
    [
        # docs/sources.md, section 3: 1995 Art. 39(3) and 2026 Art. 41(3)
        ("judicial_protection", ("13(2)", True), ("12(2)", True)),
        ("legal_assistance", ("13(3)", True), ("12(3)", True)),
        ("equality", ("14", True), ("16", True)),
        ("personal_liberty", ("16(1)", True), ("18(1)", False)),
        ("inheritance", ("26(2)", True), ("29(2)", False)),
        ("national_identity", ("19(1)", True), ("22(1)", True)),
        # the Court's readings (docs/sources.md, section 1): restrictable
        ("privacy", ("18", False), ("21", False)),
        ("property", ("26(1)", False), ("29(1)", False)),
        ("equal_access_state_service", ("33(4)", False), ("35(4)", False)),
        ("conscience_inner", ("22(1)", True), ("25(1)", True)),
        ("conscience_manifestation", ("22", False), ("25", False)),
    ],
)
def test_catalogue_articles_and_absolute_flags(
    catalogue: Catalogue, right: str, old: tuple[str, bool], new: tuple[str, bool]
) -> None:
    for edition, (article, never) in (("1995-2022", old), ("2026", new)):
        assert catalogue.article(right, edition) == article
        assert catalogue.never_restrictable(right, edition) is never


def test_national_security_is_admitted_only_under_2026(catalogue: Catalogue) -> None:
    aim = catalogue.aim("national_security")
    assert aim.admitted_for("2026", "speech") == "41(1)"
    assert aim.admitted_for("1995-2022", "speech") is None
    # 1995 Art. 32 names state security among the aims for peaceful assembly itself.
    assert aim.admitted_for("1995-2022", "assembly") == "32"


@pytest.mark.parametrize(
    ("citation", "shown"),
    [
        (Citation("Law on X", "3", "2", "1"), "Law on X, art. 3(2)(1)"),
        (Citation("Resolution of the akimat", paragraph="2"), "Resolution of the akimat, para. 2"),
        (Citation(), ""),
    ],
)
def test_citations_read_as_a_lawyer_writes_them(citation: Citation, shown: str) -> None:
    assert str(citation) == shown


def test_vocabularies_are_closed_in_the_model_itself() -> None:
    # Issue 9: a misspelt value is an error whoever builds the effect, not only the loader -
    # never an effect that evaluates to an open verdict.
    from tarazy.engine.model import Effect, Provision

    with pytest.raises(ValueError, match="unknown value 'bann' for 'kind'"):
        Effect(right="assembly", kind="bann")
    with pytest.raises(ValueError, match="'judicial_reveiw' for 'safeguards'"):
        Effect(right="assembly", kind="ban", safeguards=("judicial_reveiw",))
    with pytest.raises(ValueError, match="'cort' for 'ordered_by'"):
        Effect(right="personal_liberty", kind="deprivation", ordered_by="cort")
    with pytest.raises(ValueError, match="for 'instrument'"):
        Provision("p", "decree", (Effect(right="assembly", kind="ban"),))
