"""Doctrine files are data: every field and value a condition names is checked on load,
and a mistake is an error with file and line — never a rule that silently never fires."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tarazy.engine.input import loading
from tarazy.engine.model import conditions
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.model.conditions import AllOf, AnyOf, Not
from tarazy.engine.model.conditions import Test as FieldTest
from tarazy.engine.model.errors import InputError
from tarazy.engine.model.facts import field_registry

from .conftest import DOCTRINES

DOCTRINE = """\
id: sample
title: {en: Sample, ru: Образец}
stage: necessity
outcome: violation
rulings: [KZ-CC-NR-2023-04]
effective: 2023-03-06
basis:
  "1995-2022": {articles: ["33(4)"]}
  "2026": {articles: ["35(4)"]}
when:
  right: equal_access_state_service
  kind: ban
  duration: indefinite
unless:
  safeguards: {has_any: [periodic_review]}
reason: {en: "Effect {effect_number} bars {addressees}.", ru: "Запрет."}
remedy: {en: Fix it., ru: Исправить.}
"""


def load_error(tmp_path: Path, catalogue: Catalogue, text: str) -> InputError:
    path = tmp_path / "sample.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        loading.load_doctrine(path, catalogue)
    assert info.value.file == str(path)
    return info.value


def test_a_sample_doctrine_loads(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "sample.yaml"
    path.write_text(DOCTRINE, encoding="utf-8")
    d = loading.load_doctrine(path, catalogue)
    assert d.when == AllOf(
        (
            FieldTest("right", "eq", "equal_access_state_service"),
            FieldTest("kind", "eq", "ban"),
            FieldTest("duration", "eq", "indefinite"),
        )
    )
    assert d.unless == FieldTest("safeguards", "has_any", ("periodic_review",))
    assert d.basis_for("2026").articles == ("35(4)",)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("old", "new", "line", "fragments"),
    [
        pytest.param(
            "  kind: ban",
            "  knd: ban",
            12,
            ["in 'when': unknown field 'knd'", "did you mean 'kind'"],
            id="misspelt-field",
        ),
        pytest.param(
            "  kind: ban",
            "  kind: bann",
            12,
            ["unknown value of 'kind' 'bann'", "'ban'"],
            id="misspelt-value",
        ),
        pytest.param(
            "  duration: indefinite",
            "  duration_years: 5",
            13,
            ["'duration_years' is a number: write {gt: N}"],
            id="number-needs-an-operator",
        ),
        pytest.param(
            "{has_any: [periodic_review]}",
            "periodic_review",
            15,
            ["'safeguards' is a list field"],
            id="list-field-needs-a-set-operator",
        ),
        pytest.param(
            "{has_any: [periodic_review]}",
            "{has_any: [periodic_reviw]}",
            15,
            ["unknown value of 'safeguards' 'periodic_reviw'", "did you mean 'periodic_review'"],
            id="misspelt-set-value",
        ),
        pytest.param(
            "{has_any: [periodic_review]}",
            "{contains: [periodic_review]}",
            15,
            ["unknown operator for set field 'safeguards' 'contains'"],
            id="unknown-operator",
        ),
        pytest.param(
            "  duration: indefinite",
            "  duration_years: {gt: five}",
            13,
            ["'gt' on 'duration_years' needs a number"],
            id="operand-type",
        ),
        pytest.param(
            "  duration: indefinite",
            "  political_grounds: 'true'",
            13,
            ["'political_grounds' is true or false"],
            id="boolean-as-text",
        ),
        pytest.param(
            "  duration: indefinite",
            "  any: []",
            13,
            ["'any' takes a non-empty list"],
            id="empty-any",
        ),
        pytest.param(
            "  duration: indefinite",
            "  not: {kindd: ban}",
            13,
            ["unknown field 'kindd'"],
            id="misspelt-field-under-not",
        ),
        pytest.param(
            "  duration: indefinite",
            "  any:\n    - {kind: ban}\n    - {sector: militray}",
            15,
            ["unknown value of 'sector' 'militray'", "did you mean 'military'"],
            id="misspelt-value-in-any",
        ),
        pytest.param(
            "{effect_number}",
            "{efect_number}",
            16,
            ["unknown placeholder '{efect_number}'", "did you mean '{effect_number}'"],
            id="misspelt-placeholder",
        ),
        pytest.param(
            "{effect_number}",
            "{__class__}",
            16,
            ["unknown placeholder '{__class__}'"],
            id="no-attribute-access-in-templates",
        ),
        pytest.param(
            "stage: necessity",
            "stage: neccessity",
            3,
            ["unknown value 'neccessity' for 'stage'", "did you mean 'necessity'"],
            id="misspelt-stage",
        ),
        pytest.param(
            '  "2026": {articles: ["35(4)"]}',
            '  "2027": {articles: ["35(4)"]}',
            9,
            ["unknown key '2027' in 'basis'", "did you mean '2026'"],
            id="unknown-edition",
        ),
        pytest.param(
            "rulings: [KZ-CC-NR-2023-04]",
            "rulings: [NR-4]",
            5,
            ["expected a case id such as KZ-CC-NR-2023-03"],
            id="bad-ruling-id",
        ),
        pytest.param(
            "outcome: violation",
            "outcome: violation\nextra: 1",
            5,
            ["unknown field 'extra'"],
            id="unknown-top-level-field",
        ),
        pytest.param(
            "id: sample",
            "id: other",
            1,
            ["does not match its file name"],
            id="id-not-file-name",
        ),
        pytest.param(
            "remedy: {en: Fix it., ru: Исправить.}",
            "remedy: {en: Fix it., ru: Исправить.}\ndimensions: [lenght]",
            18,
            ["unknown dimension 'lenght'"],
            id="unknown-dimension",
        ),
        pytest.param(
            "remedy: {en: Fix it., ru: Исправить.}",
            "remedy: {en: Fix it., ru: Исправить.}\nopen_when: {sector: unspecified}",
            18,
            ["'open_when' and 'question' go together"],
            id="open-when-without-question",
        ),
    ],
)
def test_doctrine_mistakes_are_load_errors(
    tmp_path: Path, catalogue: Catalogue, old: str, new: str, line: int, fragments: list[str]
) -> None:
    assert old in DOCTRINE
    error = load_error(tmp_path, catalogue, DOCTRINE.replace(old, new, 1))
    assert error.line == line, str(error)
    for fragment in fragments:
        assert fragment in error.message, str(error)


def test_the_bundled_doctrines_all_load(catalogue: Catalogue) -> None:
    doctrines = loading.load_doctrines(DOCTRINES, catalogue)
    # Exact: `ls doctrines/*.yaml | wc -l` is 18, one doctrine per file. A doctrine added or
    # removed is a decision recorded here.
    assert len(doctrines.doctrines) == 18
    for d in doctrines.doctrines:
        # A basis (or a note that it lapsed) under every edition in force on or after the day
        # the doctrine took effect: liberty-only-by-court-2026 rests on the 2026 text alone.
        for edition in catalogue.editions:
            if edition.in_force_to is None or edition.in_force_to >= d.effective:
                assert d.basis_for(edition.id), (d.id, edition.id)
        assert d.reason.en and d.reason.ru and d.remedy.en and d.remedy.ru
        if d.open_when is not None:
            assert d.question and d.question.en and d.question.ru, d.id


def test_special_doctrines_displace_general_ones_of_their_stage(catalogue: Catalogue) -> None:
    doctrines = loading.load_doctrines(DOCTRINES, catalogue)
    special = {d.id: d.specialises for d in doctrines.doctrines if d.specialises}
    # 1995 Art. 16(2) is the special rule for taking liberty, NR No. 3 for court fees.
    assert special["liberty-only-by-court"] == ("never-restrictable-rights",)
    for d in doctrines.doctrines:
        for general in d.specialises:
            assert doctrines.get(general).stage == d.stage, (d.id, general)


def test_a_special_doctrine_of_another_stage_is_a_load_error(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    for f in DOCTRINES.glob("*.yaml"):
        shutil.copy(f, tmp_path)
    target = tmp_path / "liberty-maximum-term.yaml"  # stage: necessity
    target.write_text(
        target.read_text().replace(
            "outcome: concern\n", "outcome: concern\nspecialises: [never-restrictable-rights]\n"
        )
    )
    with pytest.raises(InputError) as info:
        loading.load_doctrines(tmp_path, catalogue)
    assert info.value.file == str(target)
    assert "expected a general doctrine of the same stage" in info.value.message


def test_loading_the_same_doctrines_twice_gives_the_same_digest(catalogue: Catalogue) -> None:
    a = loading.load_doctrines(DOCTRINES, catalogue)
    b = loading.load_doctrines(DOCTRINES, catalogue)
    assert a == b and a.digest == b.digest


def test_an_empty_or_missing_doctrine_directory(tmp_path: Path, catalogue: Catalogue) -> None:
    with pytest.raises(InputError, match="no doctrine files"):
        loading.load_doctrines(tmp_path, catalogue)
    with pytest.raises(InputError, match="expected a directory"):
        loading.load_doctrines(tmp_path / "missing", catalogue)


def test_one_bad_doctrine_in_a_directory_names_its_file(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    for f in DOCTRINES.glob("*.yaml"):
        shutil.copy(f, tmp_path)
    target = tmp_path / "disciplinary-ban-indefinite.yaml"
    target.write_text(
        target.read_text().replace("sector: general_civil_service", "sector: general_civil_servise")
    )
    with pytest.raises(InputError) as info:
        loading.load_doctrines(tmp_path, catalogue)
    assert info.value.file == str(target)
    assert "did you mean 'general_civil_service'" in info.value.message


# --------------------------------------------------------------------------- the language


def test_lists_mean_one_of_and_operators_nest(catalogue: Catalogue) -> None:
    fields = field_registry(catalogue)
    parsed = conditions.parse(
        {
            "kind": ["ban", "denial"],
            "any": [{"duration_years": {"gt": 5, "le": 10}}, {"not": {"trigger": "none"}}],
        },
        fields,
    )
    assert parsed == AllOf(
        (
            FieldTest("kind", "in", ("ban", "denial")),
            AnyOf(
                (
                    AllOf(
                        (
                            FieldTest("duration_years", "gt", 5.0),
                            FieldTest("duration_years", "le", 10.0),
                        )
                    ),
                    Not(FieldTest("trigger", "eq", "none")),
                )
            ),
        )
    )
    assert conditions.fields_read(parsed) == {"kind", "duration_years", "trigger"}
    assert "kind in [ban, denial]" in conditions.describe(parsed)


def test_an_empty_condition_is_an_error(catalogue: Catalogue) -> None:
    with pytest.raises(conditions.ConditionError, match="empty condition"):
        conditions.parse({}, field_registry(catalogue))
