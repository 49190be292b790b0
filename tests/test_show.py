"""`tarazy doctrine show`: the rule in words from the conditions, basis, rulings, the decided
cases it decides and its examples."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.model import DoctrineSet, conditions

SPECIAL = "special-service-ban-minor-misconduct"


def show(*args: str) -> str:
    result = CliRunner().invoke(main, ["doctrine", "show", *args])
    assert result.exit_code == 0, result.output
    return result.output


def section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_the_rule_reads_the_vocabulary_not_the_ids() -> None:
    text = show(SPECIAL)
    rule = section(text, "It applies to an effect of a provision when:", "Otherwise it fires.")
    for words in (
        "the right affected: equal access to state service",
        "excludes a group from something",
        "how long the effect lasts: without limit of time",
        "law-enforcement service; military service",
        "how serious the triggering misconduct is: a minor offence",
    ):
        assert words in " ".join(rule.split()), words
    for raw in ("equal_access_state_service", "trigger_severity", "law_enforcement", "minor\n"):
        assert raw not in rule


def test_basis_rulings_cases_and_examples() -> None:
    text = show(SPECIAL)
    assert "1995-2022 (" in text and "Art. 33(4), Art. 39(1) [same]" in text
    assert "Art. 35(4), Art. 41(1) [same]" in text
    rulings = section(text, "Rulings it comes from:", "Not decided")
    assert "27-НП of 2023 (KZ-CC-NR-2023-27, 2023-08-31)" in rulings
    # only 27-НП: 75-НП upheld a bar after *discrediting* misconduct, which it does not reach
    decided = section(text, "Decided cases it decides (replayed):", "Examples:")
    assert re.findall(r"KZ-CC-NR-\d{4}-\d+", decided) == ["KZ-CC-NR-2023-27"]
    assert "the doctrine fires, relied on" in " ".join(decided.split())
    examples = text.split("Examples:", 1)[1]
    assert examples.count("special-service-ban-minor-misconduct.yaml:") == 6
    assert "how serious the triggering misconduct is: an offence discrediting the service" in (
        " ".join(examples.split())
    )


def test_the_cases_a_general_doctrine_decides_are_those_it_fires_on_or_relied_on() -> None:
    decided = section(
        show("never-restrictable-rights"), "Decided cases it decides (replayed):", "Examples:"
    )
    found = set(re.findall(r"KZ-CC-NR-\d{4}-\d+", decided))
    # relied on in their files: 9, 12, 29, 60, 64, 70; 37-НП (literal reading) fires it too
    assert {"KZ-CC-NR-2023-09", "KZ-CC-NR-2024-60", "KZ-CC-NR-2025-70"} <= found
    assert "KZ-CC-NR-2023-37" in found
    # NR No. 3: the special fee rule displaces it, and its file relies on that one
    assert "KZ-CC-NR-2023-03" not in found


def test_russian() -> None:
    text = show(SPECIAL, "--lang", "ru")
    assert "Применяется к последствию нормы, если:" in text
    assert "незначительный проступок" in text and "бессрочно" in text
    assert "Недопустим бессрочный запрет" in text


def test_an_unknown_id_is_bad_input() -> None:
    result = CliRunner().invoke(main, ["doctrine", "show", "special-service-ban"])
    assert result.exit_code == 2
    assert f"did you mean '{SPECIAL}'" in result.output


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_doctrine_shows_without_raw_ids_in_its_rule(
    doctrines: DoctrineSet, lang: str
) -> None:
    for d in doctrines.doctrines:
        text = show(d.id, "--lang", lang)
        head = "It applies" if lang == "en" else "Применяется"
        tail = "Otherwise it fires." if lang == "en" else "Иначе срабатывает."
        rule = section(text, head, tail)
        # the question is the author's own text; the rule is generated
        rule = re.sub(r"(Question put|Вопрос):\n(    .*\n)+", "", rule)
        for test in conditions.tests_of(d.when) + conditions.tests_of(d.unless):
            values = test.value if isinstance(test.value, tuple) else (test.value,)
            for v in values:
                if isinstance(v, str) and "_" in v:
                    assert v not in rule, (d.id, v)
            if "_" in test.field:  # plain words such as "right" may appear in a description
                assert test.field not in rule, (d.id, test.field)
