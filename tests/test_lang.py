"""Reports in Russian and Kazakh (issue 14, item 4): every frame from the message catalogue,
values as words, the [en] fallback marker, and lint's check of the catalogues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.analysis import messagecheck
from tarazy.engine.input import loading
from tarazy.engine.model import Texts, messages, words
from tarazy.engine.reports import catalogue_report, doctrine_list

from .conftest import EXAMPLES
from .langmeasure import measure

# Bills whose reports carry no warning from the analysis layer (those are English still).
BILLS = ["civil-service-bans.yaml", "court-fees.yaml", "exit-permits.yaml", "pensions.yaml"]


def run(*args: str) -> str:
    return CliRunner().invoke(main, list(args)).stdout


# The modules whose text the languages work translated (issue 14, item 4): every msgid they
# use must have a Russian and a Kazakh text. A msgid another module adds later must at least
# be reported by lint until it is translated.
TRANSLATED = {
    "analysis/survival.py",
    "model/words.py",
    "reports/check_text.py",
    "reports/ciformats.py",
    "reports/explain_text.py",
    "reports/justifying.py",
    "reports/catalogue_report.py",
    "reports/doctrine_list.py",
    "reports/showing.py",
    "reports/textutil.py",
    "reports/wording.py",
    "verdict/evaluating.py",
    "verdict/stages.py",
    "verdict/explaining.py",
    # messagecheck.used_msgids files the vocabularies' descriptions (model/vocabulary.py)
    # and the magnitudes under model/__init__.py, and the fact fields' descriptions (now in
    # model/fields.py and provisions.py) under model/facts.py: those are the names to hold
    "model/__init__.py",
    "model/facts.py",
    # added with the memo, the computed fixes and the guided entry (merged after the
    # catalogues): `tarazy check --format markdown|html`, `tarazy fix`, `tarazy new`, and
    # explain's renderer; the other *_report.py renderers print no msgid (replay, survival
    # and verify are English only: their commands have no --lang)
    "reports/memo.py",
    "reports/memo_sections.py",
    "reports/memo_fixes.py",
    "reports/fixes_report.py",
    "reports/explain_report.py",
    "analysis/fixmoves.py",  # the facts no fix changes, as fixes_report names them
    "input/guided.py",
    "input/questions.py",
    "../cli/new.py",
}


def _where(file: str) -> str:
    """A source file as TRANSLATED names it: relative to engine/ (cli/ as ../cli/)."""
    path = Path(file).resolve()
    engine = messagecheck.ENGINE
    if path.is_relative_to(engine):
        return path.relative_to(engine).as_posix()
    return "../" + path.relative_to(engine.parent).as_posix()


def test_every_module_held_to_the_catalogues_exists() -> None:
    # a renamed or moved module would silently drop out of the strict check below
    for name in TRANSLATED:
        assert (messagecheck.ENGINE / name).is_file(), name


def test_every_msgid_of_the_translated_reports_has_a_russian_and_a_kazakh_text() -> None:
    catalogue = loading.load_catalogue()
    used = messagecheck.used_msgids(catalogue)
    mine = {m for m, (file, _) in used.items() if _where(file) in TRANSLATED}
    assert len(mine) > 450  # the frames, labels and values; a scan that finds none fails here
    for lang in ("ru", "kk"):
        assert sorted(mine - set(messages.catalogue(lang))) == [], lang


def test_every_other_msgid_is_translated_or_reported_and_no_entry_is_wrong() -> None:
    catalogue = loading.load_catalogue()
    used = messagecheck.used_msgids(catalogue)
    found = messagecheck.check(catalogue)
    assert [p for p in found if p.severity == "error"] == []
    for lang in ("ru", "kk"):
        missing = set(used) - set(messages.catalogue(lang))
        reported = {p.message for p in found if p.code == "no-translation" and lang in p.file}
        assert len(reported) == len(missing)
        assert all(any(repr(m) in r for r in reported) for m in missing)


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("bill", BILLS)
def test_no_english_frame_and_no_id_in_a_translated_check(lang: str, bill: str) -> None:
    path = EXAMPLES / bill
    out = run("check", str(path), "--lang", lang, "--as-of", "2026-11-22")
    english, ids = measure(out, [path])
    assert english == [] and ids == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_explain_frames_are_translated(lang: str) -> None:
    path = EXAMPLES / "court-fees.yaml"
    out = run("explain", str(path), "art-610-para-2", "--lang", lang, "--as-of", "2026-11-01")
    body = "\n".join(out.splitlines()[:-2])  # the stamp line is the CLI's
    for frame in ("settled by", "does not apply", "articles applied", "precedent compared"):
        assert frame not in body
    assert "[en]" not in body
    assert ("п. 1 ст. 41" if lang == "ru" else "41-баптың 1-тармағы") in body


def test_english_check_prints_words_not_ids() -> None:
    out = run("check", str(EXAMPLES / "civil-service-bans.yaml"), "--as-of", "2026-11-22")
    assert "equal_access_state_service" not in out
    assert "effect 1 (equal access to state service, ban)" in out


def test_a_missing_entry_falls_back_to_english_with_the_marker_and_lint_reports_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = dict(messages.catalogue("ru"))
    del table["Open questions:"]
    monkeypatch.setattr(messages, "catalogue", lambda lang: table if lang == "ru" else {})
    out = run("check", str(EXAMPLES / "court-fees.yaml"), "--lang", "ru", "--as-of", "2026-11-22")
    assert "[en] Open questions:" in out
    found = messagecheck.check(loading.load_catalogue(), ["ru"])
    missing = [p for p in found if p.code == "no-translation"]
    assert len(missing) == 1 and "'Open questions:'" in missing[0].message
    assert Path(missing[0].file).name == "ru.yaml" and missing[0].line > 1


def test_a_placeholder_lost_in_translation_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    table = dict(messages.catalogue("kk"))
    table["Reason: {text}"] = "Негіздеме:"
    monkeypatch.setattr(messages, "catalogue", lambda lang: table if lang == "kk" else {})
    found = messagecheck.check(loading.load_catalogue(), ["kk"])
    assert [p.code for p in found if p.severity == "error"] == ["placeholders"]


def test_lint_of_the_bundled_doctrines_has_no_catalogue_finding() -> None:
    out = run("doctrine", "lint")
    assert "[stale]" not in out and "[placeholders]" not in out


@pytest.mark.parametrize(
    ("article", "lang", "label"),
    [
        # the forms the brief of issue 14 gives, and the Kazakh texts of the rulings use
        ("39(1)", "en", "Art. 39(1)"),
        ("39(1)", "ru", "п. 1 ст. 39"),
        ("39(1)", "kk", "39-баптың 1-тармағы"),
        ("41", "ru", "ст. 41"),
        ("16(3)(6)", "ru", "пп. 6 п. 3 ст. 16"),
        ("38(2)(11)", "kk", "38-баптың 2-тармағының 11) тармақшасы"),
    ],
)
def test_article_labels(article: str, lang: str, label: str) -> None:
    assert words.article_label(article, lang) == label


def test_ruling_labels() -> None:
    assert words.ruling_label("KZ-CC-NR-2023-27", "en") == "27-НП of 2023"
    assert words.ruling_label("KZ-CC-NR-2023-27", "kk") == "2023 жылғы № 27-НҚ"
    assert words.ruling_label("KZ-CC-NR-2023-04", "en") == "NR No. 4 of 2023"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_doctrine_shown_in_russian_and_kazakh_has_no_fallback_marker(lang: str) -> None:
    doctrines = loading.load_doctrines(None, loading.load_catalogue())
    for d in doctrines.doctrines:
        out = run("doctrine", "show", d.id, "--lang", lang)
        assert out and "[en]" not in out and "[ru]" not in out, d.id


def test_a_doctrine_text_without_kazakh_shows_the_russian_marked() -> None:
    text = Texts(en="Rights may be restricted only by a law", ru="Только законом")
    assert text.get("kk") == "[ru] Только законом"
    assert text.get("ru") == "Только законом" and text.get("en").startswith("Rights")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_rights_and_doctrine_list_in_the_readers_language(lang: str) -> None:
    catalogue = loading.load_catalogue()
    doctrines = loading.load_doctrines(None, catalogue)
    table = catalogue_report.rights_text(catalogue, list(catalogue.edition_ids), lang)
    listed = doctrine_list.list_text(doctrine_list.in_stage_order(doctrines), lang)
    typed = set(catalogue.right_ids) | set(catalogue.aim_ids)  # the id column: typed back
    for path, out in (("rights", table), ("list", listed)):
        words = [line.split(None, 1) for line in out.splitlines()]
        body = "\n".join(w[1] if len(w) == 2 and w[0] in typed else " ".join(w) for w in words)
        english, ids = measure(body, [])
        assert english == [] and ids == [], (path, english, ids)
    # the article forms of the brief: «п. 1 ст. 41» and «41-баптың 1-тармағы»
    assert ("п. 1 ст. 41" if lang == "ru" else "41-баптың 1-тармағы") in table


def test_rights_in_english_is_the_table_the_command_printed() -> None:
    # regression pin: the English table as `tarazy rights` printed it before the catalogue
    # (issue 14), except the rights an aim is admitted for, now named
    catalogue = loading.load_catalogue()
    out = catalogue_report.rights_text(catalogue, list(catalogue.edition_ids), "en")
    assert out.splitlines()[0].startswith("right" + " " * 27)
    assert "(Art. 39(3) of 1995-2022, Art. 41(3) of 2026). Admitted aims:" in out
    assert "  fiscal_interest              not admitted" in out
    # catalogue.yaml: national_security is admitted by 2026 Art. 41(1), and under 1995-2022
    # only by Art. 32 for the right `assembly`, named "peaceful assembly"
    assert (
        "  national_security            2026 Art. 41(1); 1995-2022 Art. 32 for peaceful assembly"
        in out
    )


_VALUE = r"(?:\{[^}]*\}|\\?\[[^\]]*?\\?\]|\"[^\"]*\"|[^\s;,]+)"
_CHANGE = re.compile(rf"[\w.\\]+: {_VALUE}\s+→\s+[\w.\\]+: {_VALUE}")


def _without_bill_syntax(out: str) -> str:
    """``out`` as one line, without what a drafter copies into the bill: the changes of a
    fix in bill-file syntax (``safeguards: []  →  safeguards: [deferral]``) and the memo's
    YAML patches (fenced code blocks); and without the name of the hash function. (The
    text report wraps long lines, bill titles too: measure finds them on one line.)"""
    kept: list[str] = []
    fenced = False
    for line in out.splitlines():
        body = line.strip()
        if line.startswith("```"):
            fenced = not fenced
        elif fenced or body.startswith(("== ", "tarazy ")) or "tarazy explain" in body:
            continue  # measure drops these lines itself (file header, stamp, commands)
        else:
            kept.append(body)
    flat = " ".join(" ".join(kept).split()).replace("SHA-256", "")
    return _CHANGE.sub("", flat)


# `tarazy fix` and the memo (merged after the catalogues): every frame translated; what is
# left in Latin letters is the bill's own text, ids typed back and the changes in bill syntax.
@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize(
    "args",
    [
        ["fix", "civil-service-bans.yaml"],
        ["fix", "court-fees.yaml"],
        ["check", "court-fees.yaml", "--format", "markdown"],
        ["check", "civil-service-bans.yaml", "--format", "markdown"],
    ],
)
def test_fix_and_memo_frames_are_translated(args: list[str], lang: str) -> None:
    path = EXAMPLES / args[1]
    out = run(args[0], str(path), *args[2:], "--lang", lang, "--as-of", "2026-11-22")
    assert _CHANGE.search(" ".join(out.split()))  # fixes were computed (and are removed below)
    assert "[en]" not in out
    english, ids = measure(_without_bill_syntax(out), [path])
    assert english == [] and ids == []
    # the measure can fail: the same report in English leaves English words
    in_english = run(args[0], str(path), *args[2:], "--as-of", "2026-11-22")
    assert len(measure(_without_bill_syntax(in_english), [path])[0]) > 20
    # the outcome in the Court's Russian term, capital К (not a lowercased label)
    if lang == "ru":
        assert "не соответствует конституции" not in out


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_tarazy_new_asks_in_the_readers_language(lang: str, tmp_path: Path) -> None:
    from tarazy.engine.input import guided

    from .test_new_command import full_session

    bill = tmp_path / "bill.yaml"
    args = ["new", str(bill), "--as-of", "2026-11-01", "--lang", lang]
    result = CliRunner().invoke(main, args, input=full_session())
    assert result.exit_code == 0, result.stderr
    err = result.stderr
    assert "[en]" not in err
    always = [ask for _name, ask, when in guided.EFFECT_FLOW if when is None]
    always += [ask for _name, ask in guided.PROVISION_FLOW]
    for english in always:  # the questions put to every effect and every provision
        assert english not in err and messages.catalogue(lang)[english] in err, english
    for _name, english, _when in guided.EFFECT_FLOW:  # and none in English
        assert english not in err, english
    assert ("== Норма 1" if lang == "ru" else "== 1-норма") in err
    # the menu names a right's article as lawyers write it (assembly: Art. 34 of 2026)
    assert ("ст. 34" if lang == "ru" else "34-бап") in err
