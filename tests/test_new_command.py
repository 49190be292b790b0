"""`tarazy new`: the guided entry of a bill, driven through click's CliRunner input.

A drafter's session, answer by answer (the order of the questions is the command's
contract with its users, so it is spelt out here, not derived from the code): a full
session writes a bill that `tarazy check` loads to the provisions described; a bad answer
is asked again with its reason; the end of input or Ctrl-C writes nothing; an existing file
is kept unless --force; '-' writes the bill alone on standard output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tarazy.cli.main import main
from tarazy.engine import model
from tarazy.engine.input import guided, loading
from tarazy.engine.model import Addressees, Citation, Duration, Effect, Provision
from tarazy.engine.model.catalogue import Catalogue

# the effect's trigger under the model's name for it (basis, renamed trigger in issue 14)
TRIGGER = "trigger"  # the effect field (called basis before 0.3)


def trigger(value: str | None) -> dict[str, Any]:
    """The trigger as keyword arguments of Effect, under the model's name for it."""
    return {TRIGGER: value}


def session(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# The bill: a title, then provision 1 with two effects and provision 2 with one.
BILL_TITLE = ["Draft law amending the Law on peaceful assemblies"]
PROVISION_1 = [
    "art-10-para-1",  # id
    "Notice five working days before an assembly",  # title
    "Law on peaceful assemblies",  # act
    "10",  # article
    "1",  # paragraph
    "law",  # instrument, by name
]
EFFECT_1_1 = [
    "34",  # right: number 34 in the 2026 menu (the catalogue's order) is assembly
    "procedural_limit",  # kind
    "organisers of assemblies",  # addressees: category
    "3",  # breadth: broad_group
    "lack_of_notification",  # trigger
    "",  # severity: not stated
    "assembly",  # sector
    "indefinite",  # duration
    "",  # ordered by: not stated
    "public_order, rights_of_others",  # aims
    "alternative_avenue",  # safeguards
    "",  # political grounds: Enter is no
    "notice_working_days=5",  # amounts
    "express",  # legal ground
    "",  # delegated to a by-law: no (asked: the act is a law)
    "clear",  # clarity
]
EFFECT_1_2 = [
    "personal_liberty",
    "sanction",
    "",  # category
    "",  # breadth
    "",  # trigger: not stated, so no severity question
    "",  # sector
    "fixed",
    "72 hours",
    "police",
    "public_order",
    "",  # safeguards: none
    "no",  # political grounds
    "",  # amounts: none
    "express",
    "government_resolution",  # delegated to
    "",  # clarity: not stated
]
PROVISION_2 = [
    "akimat-square",
    "No assemblies in the central square on holidays",
    "",  # act
    "",  # article
    "",  # paragraph
    "local_decision",
]
EFFECT_2_1 = [
    "assembly",
    "ban",
    "",
    "everyone",
    "",
    "",
    "until_condition",
    "the end of the holiday period",
    "official",
    "public_order",
    "",
    "yes",  # political grounds
    "",
    "none",  # legal ground: no rule provides it (not a law: no question of delegation)
    "clear",
]


def full_session(check: str = "n") -> str:
    return session(
        *BILL_TITLE,
        *PROVISION_1,
        *EFFECT_1_1,
        "y",  # another effect
        *EFFECT_1_2,
        "n",  # no other effect
        "y",  # another provision
        *PROVISION_2,
        *EFFECT_2_1,
        "n",
        "n",
        check,  # check it now?
    )


def expected() -> tuple[Provision, ...]:
    """The provisions the full session describes, written out from the answers."""
    first = Provision(
        id="art-10-para-1",
        instrument="law",
        title="Notice five working days before an assembly",
        citation=Citation(act="Law on peaceful assemblies", article="10", paragraph="1"),
        effects=(
            Effect(
                right="assembly",
                kind="procedural_limit",
                addressees=Addressees(category="organisers of assemblies", breadth="broad_group"),
                duration=Duration("indefinite"),
                aims=("public_order", "rights_of_others"),
                safeguards=("alternative_avenue",),
                legal_ground="express",
                clarity="clear",
                sector="assembly",
                magnitude=(("notice_working_days", 5.0),),
                **trigger("lack_of_notification"),
            ),
            Effect(
                right="personal_liberty",
                kind="sanction",
                duration=Duration.term(72, "hours"),
                ordered_by="police",
                aims=("public_order",),
                delegated_to="government_resolution",
            ),
        ),
    )
    second = Provision(
        id="akimat-square",
        instrument="local_decision",
        title="No assemblies in the central square on holidays",
        effects=(
            Effect(
                right="assembly",
                kind="ban",
                addressees=Addressees(breadth="everyone"),
                duration=Duration("until_condition", until="the end of the holiday period"),
                ordered_by="official",
                aims=("public_order",),
                legal_ground="none",
                political_grounds=True,
                clarity="clear",
            ),
        ),
    )
    return first, second


def run(args: list[str], answers: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["new", *args], input=answers)
    return result.exit_code, result.stdout, result.stderr


def test_a_full_session_writes_a_bill_that_loads_to_the_provisions_described(
    tmp_path: Path,
) -> None:
    bill = tmp_path / "bill.yaml"
    code, out, err = run([str(bill), "--as-of", "2026-11-01"], full_session())
    assert code == 0, err
    assert out == ""  # questions and answers on standard error
    assert f"next: tarazy check {bill}" in err
    loaded = loading.load_bill(bill)
    assert loaded.provisions == expected()
    assert loaded.title == BILL_TITLE[0]
    assert loaded.as_of is not None and loaded.as_of.isoformat() == "2026-11-01"
    # the menus show the edition's articles and the vocabularies' descriptions
    assert "34  assembly - peaceful assembly - Art. 34" in err
    assert "7  fiscal_interest" not in err  # aims are numbered as the catalogue lists them
    assert "fiscal_interest - revenue of the budget - not admitted for this right" in err
    assert "5  procedural_limit - narrows how the right is exercised" in err
    # the akimat's ban has no law behind it: `tarazy check` finds it does not conform
    checked = CliRunner().invoke(main, ["check", str(bill)])
    assert checked.exit_code == 1
    assert "[DOES NOT CONFORM] akimat-square" in checked.stdout
    assert "legality         FAILS   restriction-only-by-law" in checked.stdout


def test_answering_yes_runs_the_check_and_exits_with_its_status(tmp_path: Path) -> None:
    bill = tmp_path / "bill.yaml"
    code, out, err = run([str(bill), "--as-of", "2026-11-01"], full_session(check="y"))
    assert code == 1, err  # does not conform: the akimat's ban
    assert out.startswith(f"== {bill}\n")
    assert "[DOES NOT CONFORM] akimat-square" in out


def test_bad_answers_are_asked_again_with_the_reason(tmp_path: Path) -> None:
    bill = tmp_path / "bill.yaml"
    answers = session(
        *BILL_TITLE,
        "bad id!",  # not an id
        *PROVISION_1[:5],
        "99",  # instrument: no such number
        "statute",  # no such name
        "law",
        "",  # right: an answer is needed
        "assembly",
        *EFFECT_1_2[1:6],
        "fixed",
        "72 parsecs",  # not a unit
        "0 hours",  # not longer than zero
        "3 days",
        *EFFECT_1_2[8:9],
        "public_order, nonsense",  # one of several wrong: the whole answer again
        "public_order, 2, public_order",  # numbers and names; the repeat dropped
        "",
        "maybe",  # political grounds: not yes or no
        "n",
        "fee_percent",  # not name=number
        "fee_percent=-1",  # not zero or more
        "fine=3",  # no such name
        "1=2.5, fine_mci=10",  # a number from the menu, then a name
        "express",
        "",
        "",
        "n",
        "y",  # another provision
        "art-10-para-1",  # the id is taken
        *PROVISION_2,
        *EFFECT_2_1,
        "n",
        "n",
        "n",
    )
    code, _, err = run([str(bill), "--as-of", "2026-11-01"], answers)
    assert code == 0, err
    reasons = [line for line in err.splitlines() if "Error: " in line]
    assert [r.split("Error: ", 1)[1] for r in reasons] == [
        "'bad id!' is not an id: use letters, digits, '.', '_' or '-', starting with a "
        "letter or digit (e.g. art-10-para-1)",
        "'99' is not in the list: give a number from 1 to 9 or a name from the list",
        "'statute' is not in the list: give a number from 1 to 9 or a name from the list",
        "an answer is needed here; it cannot be left out",
        "'parsecs' is not a unit of time: use one of hours, days, months, years",
        "a term must be longer than zero",
        "'nonsense' is not in the list: give a number from 1 to 12 or a name from the list",
        "'maybe': answer yes or no",
        "'fee_percent' is not name=number (e.g. fee_percent=1)",
        "'-1' is not a number of zero or more",
        "'fine' is not in the list: give a number from 1 to 8 or a name from the list",
        "'art-10-para-1' is already the id of a provision of this bill",
    ]
    loaded = loading.load_bill(bill).provisions
    assert [p.id for p in loaded] == ["art-10-para-1", "akimat-square"]
    effect = loaded[0].effects[0]
    assert effect.right == "assembly" and effect.duration == Duration.term(3, "days")
    assert effect.aims == ("public_order",)  # aim 2 of the catalogue is public_order
    assert effect.magnitude == (("fee_percent", 2.5), ("fine_mci", 10.0))  # 1: fee_percent


@pytest.mark.parametrize("stop", [1, 7, 20, 56])
def test_the_end_of_input_writes_nothing(tmp_path: Path, stop: int) -> None:
    bill = tmp_path / "bill.yaml"
    answers = full_session().splitlines()[:stop]
    code, out, err = run([str(bill)], session(*answers))
    assert code == 130, err
    assert "tarazy: interrupted" in err
    assert not bill.exists() and list(tmp_path.iterdir()) == []  # no temporary file either
    assert out == ""


def test_ctrl_c_writes_nothing_and_keeps_a_file_it_was_to_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bill = tmp_path / "bill.yaml"
    bill.write_text("kept\n", encoding="utf-8")
    calls = []
    parse = guided.Question.parse

    def interrupted(self: guided.Question, *args: object, **kwargs: object) -> object:
        calls.append(self.name)
        if len(calls) == 12:
            raise KeyboardInterrupt
        return parse(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(guided.Question, "parse", interrupted)
    code, _, err = run([str(bill), "--force"], full_session())
    assert code == 130, err
    assert bill.read_text(encoding="utf-8") == "kept\n"
    assert [p.name for p in tmp_path.iterdir()] == ["bill.yaml"]


def test_an_existing_file_is_refused_before_any_question(tmp_path: Path) -> None:
    bill = tmp_path / "bill.yaml"
    bill.write_text("kept\n", encoding="utf-8")
    code, out, err = run([str(bill)], full_session())
    assert code == 2
    assert err == (
        f"tarazy: error: {bill}: the file exists; choose another name, or give --force to "
        "replace it\n"
    )
    assert bill.read_text(encoding="utf-8") == "kept\n" and out == ""
    code, _, err = run([str(bill), "--force", "--as-of", "2026-11-01"], full_session())
    assert code == 0, err
    assert loading.load_bill(bill).provisions == expected()


def test_a_directory_or_a_missing_folder_is_refused_before_any_question(tmp_path: Path) -> None:
    code, _, err = run([str(tmp_path / "no" / "bill.yaml")], full_session())
    assert code == 2 and "no directory" in err and "Provision id" not in err
    (tmp_path / "d").mkdir()
    code, _, err = run([str(tmp_path / "d"), "--force"], full_session())
    assert code == 2 and "Provision id" not in err


def test_dash_writes_the_bill_alone_on_standard_output(tmp_path: Path) -> None:
    code, out, err = run(["-", "--as-of", "2026-11-01"], full_session()[: -len("n\n")])
    assert code == 0, err
    assert out.startswith("bill:")
    bill = tmp_path / "bill.yaml"
    bill.write_text(out, encoding="utf-8")
    assert loading.load_bill(bill).provisions == expected()


def test_the_menus_are_the_models_vocabularies(catalogue: Catalogue) -> None:
    questions = {q.name: q for q in guided.effect_questions(catalogue, "2026")}
    assert questions["kind"].options == tuple(model.EFFECT_KINDS.items())
    assert questions[TRIGGER].options == tuple(model.TRIGGERS.items())
    assert questions["safeguards"].options == tuple(model.SAFEGUARDS.items())
    assert questions["ordered_by"].options == tuple(model.ORDERING_AUTHORITIES.items())
    assert questions["clarity"].options == tuple(model.CLARITIES.items())
    assert questions["addressees.breadth"].options == tuple(model.ADDRESSEE_BREADTHS.items())
    assert [r for r, _ in questions["right"].options] == list(catalogue.right_ids)
    # "not stated" is offered exactly where the model lets a fact be None or empty
    assert not questions["right"].optional and not questions["kind"].optional
    assert not questions["legal_ground"].optional  # the model's default is "express"
    assert questions["clarity"].optional and questions["ordered_by"].optional
    # edition-aware: personal liberty is never restrictable under 1995, not under 2026
    old = dict(guided.effect_questions(catalogue, "1995-2022")[0].options)
    new = dict(questions["right"].options)
    assert "never restrictable under the 1995-2022 edition" in old["personal_liberty"]
    assert "never restrictable" not in new["personal_liberty"]


# ------------------------------------------------------------------ written and read back


def _answers(provision: Provision, catalogue: Catalogue) -> list[str]:
    """The answers that describe ``provision`` (every fact the guided entry asks)."""
    lines = [provision.id, provision.title or "", "", "", "", provision.instrument]
    questions = guided.effect_questions(catalogue, "2026")
    for n, effect in enumerate(provision.effects):
        given: dict[str, object] = {guided.PROVISION_INSTRUMENT: provision.instrument}
        for q in questions:
            if q.applies is not None and not q.applies(given):
                continue
            if q.name == "duration.kind":
                value: object = effect.duration.kind
                lines.append("" if value == "none" else str(value))
            elif q.name == "duration.term":
                value = (effect.duration.amount, effect.duration.unit)
                lines.append(f"{effect.duration.amount:g} {effect.duration.unit}")
            elif q.name == "duration.until":
                value = effect.duration.until
                lines.append(str(value))
            elif q.name == "magnitude":
                value = effect.magnitude
                lines.append(", ".join(f"{k}={v!r}" for k, v in effect.magnitude))
            elif q.name == "political_grounds":
                value = effect.political_grounds
                lines.append("yes" if value else "no")
            elif q.name.startswith("addressees."):
                value = getattr(effect.addressees, q.name.split(".")[1])
                lines.append("" if value is None else str(value))
            else:
                value = getattr(effect, q.name)
                lines.append(", ".join(value) if isinstance(value, tuple) else str(value or ""))
            given[q.name] = value
        lines.append("y" if n + 1 < len(provision.effects) else "n")
    return [*lines, "n", "n"]


@st.composite
def askable_provisions(draw: st.DrawFn, catalogue: Catalogue) -> Provision:
    """Provisions made only of the facts the guided entry asks."""
    from tarazy.engine.verification import strategies

    instrument = draw(strategies.instruments())
    field = strategies.effect_fields(catalogue)  # the model's strategy of each effect field
    effects = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(field["kind"])
        effect = Effect(
            right=draw(field["right"]),
            kind=kind,
            addressees=Addressees(
                category=draw(st.none() | st.sampled_from(["judges", "foreign citizens"])),
                breadth=draw(st.none() | st.sampled_from(list(model.ADDRESSEE_BREADTHS))),
            ),
            duration=draw(strategies.durations()),
            aims=draw(field["aims"]),
            legal_ground=draw(st.sampled_from(list(model.LEGAL_GROUNDS))),
            safeguards=draw(field["safeguards"]),
            grounds_of_distinction=(
                draw(field["grounds_of_distinction"]) if kind == "differentiation" else ()
            ),
            sector=draw(st.none() | st.sampled_from(list(model.SECTORS))),
            clarity=draw(st.none() | st.sampled_from(list(model.CLARITIES))),
            requirement=(
                draw(st.none() | st.sampled_from(list(model.REQUIREMENTS)))
                if kind == "condition"
                else None
            ),
            ordered_by=draw(st.none() | st.sampled_from(list(model.ORDERING_AUTHORITIES))),
            political_grounds=draw(st.booleans()),
            magnitude=draw(field["magnitude"]),
            delegated_to=(
                draw(st.none() | st.sampled_from(list(model.BYLAW_INSTRUMENTS)))
                if instrument in model.LAW_INSTRUMENTS
                else None
            ),
        )
        cause = draw(st.none() | st.sampled_from(list(guided_trigger_ids())))
        severity = draw(st.none() | st.sampled_from(list(model.TRIGGER_SEVERITIES)))
        effect = attrs.evolve(
            effect,
            trigger_severity=severity if cause else None,
            **trigger(cause),
        )
        effects.append(effect)
    return Provision(
        id=draw(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)),
        instrument=instrument,
        title=draw(st.none() | st.just("A provision")),
        effects=tuple(effects),
    )


def guided_trigger_ids() -> list[str]:
    return list(model.TRIGGERS)


@settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(data=st.data())
def test_what_a_session_describes_is_written_and_read_back_unchanged(
    data: st.DataObject, catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory
) -> None:
    provision = data.draw(askable_provisions(catalogue))
    bill = tmp_path_factory.mktemp("new") / "bill.yaml"
    answers = ["", *_answers(provision, catalogue), "n"]
    code, _, err = run([str(bill), "--as-of", "2026-11-01"], session(*answers))
    assert code == 0, err
    assert loading.load_bill(bill).provisions == (provision,)


@pytest.mark.parametrize(
    ("answer", "meant"),
    [
        *[("yes", True), ("Y", True), ("да", True), ("Да", True), ("иә", True)],
        *[("no", False), ("n", False), ("нет", False), ("жоқ", False)],
    ],
)
def test_yes_and_no_are_taken_in_every_report_language(answer: str, meant: bool) -> None:
    # a drafter answering in Russian or Kazakh types «да»/«нет» or «иә»/«жоқ»
    from tarazy.engine.input.questions import yes_or_no

    assert yes_or_no(answer) is meant


def test_a_word_that_is_neither_is_refused_in_the_readers_language() -> None:
    from tarazy.engine.input.questions import yes_or_no

    with pytest.raises(ValueError, match="ответьте «да» или «нет»"):
        yes_or_no("может быть", "ru")
