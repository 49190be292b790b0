"""Reports in Russian and Kazakh (issue 14, item 4): every frame from the message catalogue,
values as words, the [en] fallback marker, and lint's check of the catalogues."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine import model
from tarazy.engine.analysis import messagecheck
from tarazy.engine.input import loading
from tarazy.engine.model import Texts, messages, words
from tarazy.engine.model.provisions import Citation
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
    assert words.ruling_label("KZ-CC-NR-2023-04", "en") == "NR No. 4 of 2023"
    # one pattern for both numberings of the Court (no suffix before No. 11 of 2023)
    assert words.ruling_label("KZ-CC-NR-2023-04", "ru") == "НП № 4 (2023)"
    assert words.ruling_label("KZ-CC-NR-2023-22", "ru") == "№ 22-НП (2023)"
    assert words.ruling_label("KZ-CC-NR-2023-04", "kk") == "НҚ № 4 (2023)"
    assert words.ruling_label("KZ-CC-NR-2023-27", "kk") == "№ 27-НҚ (2023)"


@pytest.mark.parametrize(("lang", "pattern"), [("ru", "НП"), ("kk", "НҚ")])
def test_every_bundled_ruling_has_a_label_of_the_one_pattern(lang: str, pattern: str) -> None:
    # the type once: before the number, or as the number's own suffix
    shape = re.compile(rf"^({pattern} № \d+|№ \d+-{pattern}) \(20\d\d\)$")
    ids = [p.stem for p in (EXAMPLES.parent / "cases").glob("KZ-CC-NR-*.yaml")]
    assert len(ids) > 10
    for case_id in ids:
        label = words.ruling_label(case_id, lang)
        assert shape.match(label), label
        year, number = case_id.split("-")[3], int(case_id.split("-")[4])
        assert label.endswith(f"({year})")
        assert (f"-{pattern}" in label) == (year != "2023" or number > 10), label


@pytest.mark.parametrize(
    ("cite", "lang", "text"),
    [
        # English as before
        (Citation(act="Tax Code", article="615", paragraph="3"), "en", "Tax Code, art. 615(3)"),
        (Citation(act="Order (draft)", paragraph="5"), "en", "Order (draft), para. 5"),
        # the forms of article_label: the smallest unit first in Russian, genitive chain in kk
        (Citation(act="Tax Code", article="615", paragraph="3"), "ru", "Tax Code, п. 3 ст. 615"),
        (
            Citation(act="Tax Code", article="615", paragraph="3", subparagraph="2"),
            "ru",
            "Tax Code, пп. 2 п. 3 ст. 615",
        ),
        (Citation(act="Order (draft)", paragraph="5"), "ru", "Order (draft), п. 5"),
        (Citation(act="Law", article="7-1"), "ru", "Law, ст. 7-1"),
        (
            Citation(act="Tax Code", article="615", paragraph="3"),
            "kk",
            "Tax Code, 615-баптың 3-тармағы",
        ),
        (
            Citation(act="Law", article="16", paragraph="3", subparagraph="6-1"),
            "kk",
            "Law, 16-баптың 3-тармағының 6-1) тармақшасы",
        ),
        (Citation(act="Order (draft)", paragraph="5"), "kk", "Order (draft), 5-тармақ"),
        (Citation(article="41"), "kk", "41-бап"),
        (Citation(), "ru", ""),
    ],
)
def test_citations_in_the_readers_language(cite: Citation, lang: str, text: str) -> None:
    assert words.citation_text(cite, lang) == text


def test_a_citation_is_labelled_as_article_label_labels_the_same_reference() -> None:
    cite = Citation(act="Law", article="38", paragraph="2", subparagraph="11")
    for lang in ("ru", "kk"):
        assert words.citation_text(cite, lang) == "Law, " + words.article_label("38(2)(11)", lang)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_check_and_memo_print_the_citation_and_the_date_in_the_readers_language(
    lang: str,
) -> None:
    path = str(EXAMPLES / "court-fees.yaml")  # art-610-para-1: Tax Code, art. 610(1)(1)
    cite = "Tax Code, " + words.article_label("610(1)(1)", lang)
    for args in ([], ["--format", "markdown"], ["--format", "html"]):
        out = run("check", path, *args, "--lang", lang, "--as-of", "2026-11-30")
        assert cite in " ".join(out.split()), args
        assert "art. 610" not in out and "para." not in out
        assert "30.11.2026" in out and "2026-11-30" not in out.replace("--as-of 2026-11-30", "")
    explained = run("explain", path, "art-610-para-2", "--lang", lang, "--as-of", "2026-11-30")
    assert "30.11.2026" in explained
    # JSON keeps ISO 8601 whatever the language
    data = json.loads(
        run("check", path, "--format", "json", "--lang", lang, "--as-of", "2026-11-30")
    )
    assert data["provisions"][0]["as_of"] == "2026-11-30"


def test_english_keeps_iso_dates_and_the_english_citation() -> None:
    out = run("check", str(EXAMPLES / "court-fees.yaml"), "--as-of", "2026-11-30")
    assert "as of 2026-11-30" in " ".join(out.split())
    assert "Tax Code, art. 610(1)(1)" in out


def test_the_bills_own_as_of_is_a_date_of_the_readers_language_in_the_override_note(
    tmp_path: Path,
) -> None:
    text = (EXAMPLES / "court-fees.yaml").read_text(encoding="utf-8")
    assert "\nbill:\n  title:" in text
    bill = tmp_path / "bill.yaml"
    bill.write_text(text.replace("\nbill:\n", "\nbill:\n  as_of: 2025-06-01\n"), encoding="utf-8")
    out = run("check", str(bill), "--lang", "ru", "--as-of", "2026-11-30")
    assert "Дата as_of самого проекта (01.06.2025) применяется вместо --as-of (30.11.2026)." in out
    memo = run("check", str(bill), "--format", "markdown", "--lang", "kk", "--as-of", "2026-11-30")
    assert "(01.06.2025) --as-of (30.11.2026)" in memo


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


# The holdings and outcomes of a conformity finding, as the Court's formula words them: in
# Russian «соответствующей Конституции» (and «в истолковании Конституционного Суда»), never
# a bare «соответствует»; in Kazakh «Конституцияға сәйкес».
_HOLDING_MSGIDS = [
    *model.HOLDINGS.values(),
    *(v for k, v in words.OUTCOME_WORDS.items() if k != "open"),
    *(v for k, v in words.OUTCOME_LABELS.items() if k != "open"),
    "held not to conform",
    "upheld with recommendations",
    "upheld in interpretation",
    "upheld",
    "upheld, with recommendations",
    "upheld in the Court's interpretation",
    "Does not conform",
    "Conforms, with concerns",
    "Conforms",
    "does not conform: {count}",
    "conforms with concerns: {count}",
    "conforms: {count}",
    "the provision does not conform",
    "the provision conforms, with a recommendation",
]


@pytest.mark.parametrize(("lang", "word"), [("ru", "конституции"), ("kk", "конституцияға")])
def test_every_holding_and_outcome_word_names_the_constitution(lang: str, word: str) -> None:
    for msgid in _HOLDING_MSGIDS:
        text = messages.translate(msgid, lang)
        assert word in text.lower(), (msgid, text)
        if "interpretation" in msgid:
            court = "конституционного суда" if lang == "ru" else "конституциялық соттың"
            assert court in text.lower(), (msgid, text)


def test_the_stage_of_absolute_rights_in_the_words_of_the_constitution() -> None:
    ru, kk = messages.catalogue("ru"), messages.catalogue("kk")
    assert ru["absolute rights"] == "права и свободы, не подлежащие ограничению"
    assert ru["Absolute rights"] == "Права и свободы, не подлежащие ограничению"
    assert kk["absolute rights"] == "шектеуге жатпайтын құқықтар мен бостандықтар"
    assert not any("неограничиваем" in t for t in ru.values())
    # the stage table gives the long name two lines and keeps 80 columns and whole ids
    out = run("check", str(EXAMPLES / "court-fees.yaml"), "--lang", "ru", "--as-of", "2026-11-30")
    lines = out.splitlines()
    row = next(i for i, line in enumerate(lines) if line.strip().startswith("права и свободы,"))
    assert lines[row].split()[-1] == "access-to-justice-fee-relief"
    assert lines[row + 1].strip() == "не подлежащие ограничению"
    assert max(len(line) for line in lines) <= 80


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # court-fees.yaml: art-610-para-1 is open, art-610-para-2 does not conform
        ("ru", "Проверено норм: 2; не соответствуют Конституции: 1; вопрос открыт: 1"),
        ("kk", "Тексерілген нормалар: 2; Конституцияға сәйкес келмейтіндер: 1; мәселесі ашық: 1"),
        ("en", "Provisions checked: 2; does not conform: 1; open: 1"),
    ],
)
def test_the_count_of_provisions_reads_as_a_sentence(lang: str, line: str) -> None:
    out = run("check", str(EXAMPLES / "court-fees.yaml"), "--lang", lang, "--as-of", "2026-11-30")
    assert line in out


def test_the_reviewed_russian_phrases_are_gone() -> None:
    ru = messages.catalogue("ru")
    texts = list(ru.values())
    for phrase in (
        "отличается по:",
        "принимает решение о) меру",
        "Команда при каждом",
        "Всего норм",
    ):
        assert not any(phrase in t for t in texts), phrase
    assert (
        ru["Who orders (decides) the measure?"] == "Кто применяет меру (принимает решение о ней)?"
    )


# An article label (or a placeholder filled with one) in the nominative before «сәйкес»,
# which governs the dative: «41-баптың 1-тармағы сәйкес» for «1-тармағына сәйкес».
_LABEL_BEFORE_SAIKES = re.compile(
    r"(\{(restriction_clause|right_article|article|articles|clause|old|new)\}(\(\d+\))?"
    r"|\d+-(бап|тармақ|тармағы|тармақшасы|баптың)|тармақшасы|тармағы)\s+сәйкес\b"
)


def test_no_kazakh_template_puts_sayikes_after_an_article_label_in_the_nominative() -> None:
    root = EXAMPLES.parent
    files = [messages.catalogue_file("kk"), *sorted((root / "doctrines").glob("*.yaml"))]
    files += [root / "engine" / "data" / "catalogue.yaml"]
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        text = " ".join(" ".join(x for x in lines if not x.lstrip().startswith("#")).split())
        assert not _LABEL_BEFORE_SAIKES.search(text), (path.name, _LABEL_BEFORE_SAIKES.search(text))
    # the scan finds the form the reviewer quoted
    assert _LABEL_BEFORE_SAIKES.search("Конституция бойынша {restriction_clause}(3) сәйкес")
    assert _LABEL_BEFORE_SAIKES.search("41-баптың 1-тармағы сәйкес")
    assert not _LABEL_BEFORE_SAIKES.search("41-баптың 1-тармағына сәйкес")
