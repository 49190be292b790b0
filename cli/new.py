"""`tarazy new FILE`: guided entry of a bill, question by question, for a drafter.

The questions, their allowed values and what each answer may be are
``engine/input/guided.py``'s; this module only puts them (``click.prompt`` with a
``ParamType`` per question, whose ``fail`` gives the one-line reason a bad answer is re-asked
with) and writes the file. Questions, menus and errors go to standard error, so that
``tarazy new -`` writes nothing but the bill on standard output. Nothing is written until
the last question is answered: end of input or Ctrl-C stops with status 130 and no file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tarazy.engine.input.questions import yes_or_no
from tarazy.engine.model import exitstatus
from tarazy.engine.model.errors import InputError
from tarazy.engine.model.messages import N_, message

if TYPE_CHECKING:
    from tarazy.engine.input.questions import Answers, Question

__all__ = ["new"]


class AnswerType(click.ParamType[Any]):
    """One question's answer: ``Question.parse``, its ValueError turned into
    ``click.BadParameter``; ``ask`` re-asks with the reason ("Error: ..." in the reader's
    language, on standard error)."""

    name = "answer"

    def __init__(self, question: Question, taken: Sequence[str] = (), lang: str = "en"):
        self.question = question
        self.taken = tuple(taken)
        self.lang = lang

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self.question.parse(value, self.taken, self.lang)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _say(text: str = "") -> None:
    click.echo(text, err=True)


def confirm(text: str, lang: str, default: bool) -> bool:
    """A yes/no question put as every other (``[yes or no; Enter: no]``), taking the words
    of any report language (``questions.yes_or_no``: yes/no, да/нет, иә/жоқ); re-asks a bad
    answer with the reason. ``click.Abort`` on end of input or Ctrl-C, as ``click.prompt``."""
    hint = (
        message("yes or no; Enter: yes", lang) if default else message("yes or no; Enter: no", lang)
    )
    while True:
        answer = click.prompt(f"{text} [{hint}]", default="", show_default=False, err=True)
        if not answer.strip():
            return default
        try:
            return yes_or_no(answer, lang)
        except ValueError as exc:
            _say(message("Error: {text}", lang, text=str(exc)))


def ask(question: Question, answers: Answers, lang: str, taken: Sequence[str] = ()) -> Any:
    """Put one question (its numbered menu first, if it has options) until the answer
    parses; the parsed answer."""
    menu = question.menu(answers)
    for number, (value, description) in enumerate(menu, 1):
        shown = value if description in ("", value) else f"{value} - {description}"
        _say(f"  {number:>2}  {shown}")
    if question.kind == "many":
        hint = message("numbers or names, separated by commas; Enter: none", lang)
    elif question.kind == "yesno":
        hint = message("yes or no; Enter: no", lang)
    elif question.kind == "amounts":
        hint = message("Enter: none", lang)
    elif menu:
        hint = message("a number or a name", lang)
        if question.optional:
            hint += message("; Enter: not stated", lang)
    else:
        hint = message("Enter: not stated", lang) if question.optional else ""
    text = message(question.ask, lang) + (f" [{hint}]" if hint else "")
    answer_type = AnswerType(question, taken, lang)
    while True:  # click's own re-ask would print its English "Error: " before the reason
        answer = click.prompt(text, default="", show_default=False, err=True)
        try:
            return answer_type.convert(answer, None, None)
        except click.BadParameter as exc:
            _say(message("Error: {text}", lang, text=exc.message))


def _refuse_target(file: Path, force: bool) -> None:
    """Refuse, before any question, a FILE that cannot be written or would be replaced
    without --force (InputError, exit 2)."""
    from tarazy.engine.reports import batch

    if file.exists() or file.is_symlink():
        if not force:
            raise InputError(
                "the file exists; choose another name, or give --force to replace it", str(file)
            )
        batch.check_output_target(file)  # never a directory, device, FIFO or link
    directory = file.parent if str(file.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"no directory {directory} to write the bill in", str(file))
    if not os.access(directory, os.W_OK):
        raise InputError(f"the directory {directory} cannot be written to", str(file))


@click.command("new")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    default=None,
    help="Date the bill is to be checked for, YYYY-MM-DD: it selects the edition whose "
    "articles the questions show, and is written as the bill's 'as_of'. Default: today "
    "(and no 'as_of' in the bill).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "ru", "kk"]),
    default="en",
    show_default=True,
    help="Language of the questions and of the names of rights, aims and instruments.",
)
@click.pass_context
def new(ctx: click.Context, file: Path, force: bool, as_of: dt.datetime | None, lang: str) -> None:
    """Write a bill file by answering questions: for each provision its id, title,
    citation and the rank of the act; for each effect the right, what the effect does, who
    is addressed, what triggers it, for how long, who orders it, its aims, safeguards,
    grounds of distinction, legal ground and clarity. The allowed values are listed with
    their descriptions (rights and aims with the articles of the edition applied); a bad
    answer is asked again with the reason; an answer may have at most 2,000 characters.
    FILE '-' writes the bill to standard output.

    Nothing is written until the last answer (end of input or Ctrl-C: exit 130, no file);
    an existing FILE is replaced only with --force, atomically. After writing FILE, tarazy
    offers to check it; the exit status is then the check's (0, 1, 3), otherwise 0 (130 for
    Ctrl-C at that question: FILE stays written).
    """
    from tarazy.engine.input import cache, guided
    from tarazy.engine.reports import batch

    to_stdout = str(file) == "-"
    if not to_stdout:
        _refuse_target(file, force)
    catalogue = cache.load_catalogue()
    day = as_of.date() if as_of else dt.date.today()
    edition = catalogue.edition_on(day)
    if edition is None:
        first = min(e.in_force_from for e in catalogue.editions).isoformat()
        raise click.BadParameter(
            f"no edition of the Constitution was in force on {day.isoformat()}; "
            f"expected a date from {first} on",
            param_hint="'--as-of'",
        )
    # every prompt and the echo of every answer on standard error (click writes one space
    # to standard output per prompt): standard output carries only the bill or the check
    with contextlib.redirect_stdout(sys.stderr):
        _say(
            message(
                "Answer the questions to describe the provisions of the bill. Where a fact "
                "may be left out, Enter leaves it not stated; end of input (Ctrl-D) or "
                "Ctrl-C stops without writing anything.",
                lang,
            )
        )
        _say(
            message(
                "Constitution applied: edition {edition}, as of {day}",
                lang,
                edition=edition.id,
                day=day.isoformat(),
            )
        )
        title_question = guided.Question("title", N_("Title of the bill"), "text", optional=True)
        title = ask(title_question, {}, lang)
        provision_questions = guided.provision_questions(catalogue, lang)
        effect_questions = guided.effect_questions(catalogue, edition.id, lang)
        provisions: list[dict[str, Any]] = []
        ids: list[str] = []
        while True:
            _say()
            _say(message("== Provision {number}", lang, number=len(provisions) + 1))
            answers: Answers = {}
            for question in provision_questions:
                answers[question.name] = ask(question, answers, lang, ids)
            effects: list[Answers] = []
            while True:
                _say()
                _say(
                    message(
                        "-- Effect {number} of {provision}",
                        lang,
                        number=len(effects) + 1,
                        provision=answers["id"],
                    )
                )
                effect: Answers = {guided.PROVISION_INSTRUMENT: answers["instrument"]}
                for question in effect_questions:
                    if question.applies is None or question.applies(effect):
                        effect[question.name] = ask(question, effect, lang)
                effects.append(effect)
                if not confirm(message("Another effect of this provision?", lang), lang, False):
                    break
            provisions.append(guided.provision_data(answers, effects))
            ids.append(answers["id"])
            if not confirm(message("Another provision?", lang), lang, False):
                break
    bill = guided.build_bill(
        provisions, catalogue, title, as_of.date() if as_of else None, name=str(file)
    )
    text = guided.bill_text(bill)
    if to_stdout:
        sys.stdout.write(text)
        sys.stdout.flush()
        _say(message("next: save it to a file and run tarazy check on it", lang))
        return
    if not force:
        _refuse_target(file, force)  # made while the questions were answered
    with batch.atomic_output(file) as out:
        out.write(text)
    command = f"tarazy check {shlex.quote(str(file))}"
    _say(message("wrote {file}", lang, file=file))
    try:
        with contextlib.redirect_stdout(sys.stderr):
            run = confirm(message("Check it now ({command})?", lang, command=command), lang, True)
    except click.Abort as exc:  # no answer: the file is written; say how to check it
        if isinstance(exc.__context__, KeyboardInterrupt):  # Ctrl-C: stop, as elsewhere
            _say()
            _say(
                message(
                    "interrupted; {file} is written: {command}", lang, file=file, command=command
                )
            )
            raise SystemExit(exitstatus.INTERRUPTED) from None
        run = False
    if not run:
        _say(message("next: {command}", lang, command=command))
        return
    from tarazy.cli.check import check

    ctx.invoke(check, files=(file,), lang=lang)
