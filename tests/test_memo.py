"""`tarazy check --format markdown|html`: the memo a ministry files with a bill.

The structure and escaping tests always run. The browser tests render the HTML memo in
Debian's headless Chromium (print to PDF, screenshot, the DOM after load) and skip, saying
why, where /usr/bin/chromium is not installed (`apt-get install chromium`)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from tarazy.cli.main import main
from tarazy.engine.input import loading
from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.reports import memo, provenance, streaming
from tarazy.engine.reports.memo_blocks import md_escape, shown
from tarazy.engine.verdict.evaluating import edition_for

from .conftest import DOCTRINES, EXAMPLES, write

COURT_FEES = str(EXAMPLES / "court-fees.yaml")  # art-610-para-1 open, art-610-para-2 fails
JUDGES = str(EXAMPLES / "judges-appeals.yaml")  # the bill's own as_of: 2026-11-01
DAY = ("--as-of", "2026-11-22")

# A bill whose every text tries to become markup. The provision itself fails legality (an
# order of a minister restricting assembly with no law), so it has a finding too.
HOSTILE_TITLE = (
    '<script>document.body.setAttribute("data-pwned","1")</script> **bold** _em_ '
    '[link](https://evil.example/x) <img src=x onerror="document.title=1"> | pipe ` tick '
    "&lt; www.evil.example a@b.example C# \u202ereversed"
)
HOSTILE_TEXT = "- item\n# heading\n1. list\n> quote\n```\nfenced\x1b[31m\n<!-- c -->"
HOSTILE = f"""
bill:
  title: {json.dumps("# Bill <b>title</b> " + HOSTILE_TITLE)}
provisions:
  - id: p-1
    title: {json.dumps(HOSTILE_TITLE)}
    text: {json.dumps(HOSTILE_TEXT)}
    citation: {{act: {json.dumps("Act <i>x</i> | y")}, article: "5"}}
    instrument: ministerial_order
    effects:
      - right: assembly
        kind: ban
        aims: [public_order]
        legal_ground: none
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- Markdown


def test_markdown_memo_has_the_summary_a_section_per_provision_and_provenance() -> None:
    code, out, err = run("check", COURT_FEES, "--format", "markdown", *DAY)
    assert code == 1, err  # a provision does not conform: the verdict's status, as in text
    _, js, _ = run("check", COURT_FEES, "--format", "json", *DAY)
    report = json.loads(js)
    lines = out.splitlines()
    assert "# Draft amendments to the Tax Code (state duty in courts)" in lines
    assert "## Outcome" in lines
    assert "| Provision | Title | Citation | Verdict |" in lines
    # one section per provision, in input order, each with its verdict as the JSON gives it
    words = {"open": "Open", "does_not_conform": "Does not conform"}
    heads = [line for line in lines if line.startswith("## ") and "Provision " in line]
    assert len(heads) == len(report["provisions"]) == 2
    for n, (head, item) in enumerate(zip(heads, report["provisions"], strict=True), 1):
        assert head.startswith(f"## {n}. Provision {item['id']}: ")
        assert f"Verdict: **{words[item['outcome']]}**" in out
    # the stage table: the failing stage, settled by the doctrine's English title
    # (doctrines/access-to-justice-fee-relief.yaml)
    assert "| Stage | Status | Settled by |" in lines
    assert "| Absolute rights | FAILS | A court fee must not bar access to a court |" in lines
    # the finding: articles of the edition applied, the ruling by its label, the remedy
    assert "Art. 12(2), Art. 16(2), Art. 41(3) (Constitution, edition 2026)" in out
    assert "NR No. 3 of 2023 \\[KZ-CC-NR-2023-03\\]" in out
    remedy = report["provisions"][1]["findings"][0]["remedy"]
    assert md_escape(remedy) in out
    # what made it, so that it can be reproduced
    stamp = provenance.stamp(loading.load_doctrines(DOCTRINES, loading.load_catalogue()), None)
    assert stamp["doctrines"] == provenance.content_hash(DOCTRINES)
    for value in (stamp["version"], stamp["doctrines"], stamp["cases"]):
        assert f"`{value}`" in out
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_memo_says_the_bills_own_as_of_overrides_the_option() -> None:
    code, out, _ = run("check", JUDGES, "--format", "markdown", "--as-of", "2026-11-22")
    assert code in (1, 3)
    assert "the bill's own as\\_of (2026-11-01) overrides --as-of (2026-11-22)" in out
    _, same, _ = run("check", JUDGES, "--format", "markdown", "--as-of", "2026-11-01")
    assert "overrides" not in same


def test_markdown_escape_loses_nothing_and_leaves_no_markup() -> None:
    for text in (HOSTILE_TITLE, "# h", "1. x", "2) y", "- a", "+ b", "> q", "=== x", "a\nb"):
        escaped = md_escape(text, line_start=True)
        assert "\n" not in escaped
        # undoing the escapes gives the text back (line breaks folded into spaces)
        undone = html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", escaped))
        assert undone == " ".join(shown(text).split())
        # no markup character is left unescaped
        assert not re.search(
            r"(?<!\\)[*_\[\]|`<>~]", escaped.replace("&lt;", "").replace("&gt;", "")
        )
        assert not re.match(r"\s*(#|[-+=>]|\d+[.)])", escaped)  # opens no block
        assert not re.search(r"\w://|www\.", escaped)  # no bare autolink


def test_a_hostile_bill_cannot_inject_markdown(tmp_path: Path) -> None:
    bill = write(tmp_path, HOSTILE)
    code, out, err = run("check", str(bill), "--format", "markdown", *DAY)
    assert code == 1, err
    assert "<script" not in out and "<img" not in out and "<b>" not in out and "<!--" not in out
    assert not re.search(r"(?<!\\)\]\(|\w://|www\.", out) and "**bold**" not in out
    # every line that opens a block is one the memo made: headings, its tables, lists, fences
    for line in out.splitlines():
        assert not line.startswith(("# heading", "1. list", "> quote", "- item"))
    # the only code blocks are the memo's YAML patches of computed fixes (memo_fixes.py)
    fenced = re.findall(r"^(`{3,})\n(.*?)^\1$", out, flags=re.S | re.M)
    assert out.count("```") == 2 * len(fenced)
    for _, block in fenced:
        for line in block.splitlines():
            assert re.fullmatch(r"# (effect \d+|Provision)|( *)[a-z_]+:( .*)?", line), line
    # every table keeps its columns: the pipes of a row are the memo's own
    for line in out.splitlines():
        if line.startswith("| "):
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            assert len(cells) in (3, 4), line


# --------------------------------------------------------------------------- HTML


class _Checker(HTMLParser):
    """Every element closed in order (void elements excepted); text and attributes kept."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input", "col", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_html(text: str) -> _Checker:
    parser = _Checker()
    parser.feed(text)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    assert text.startswith("<!DOCTYPE html>\n<html lang=")
    return parser


def test_html_memo_is_well_formed_and_self_contained(tmp_path: Path) -> None:
    code, out, _ = run("check", str(EXAMPLES), "--format", "html", *DAY)
    assert code == 1
    parsed = check_html(out)
    assert not re.search(r"(?i)https?://|url\(|@import|//[a-z]", out)
    assert {"script", "img", "link", "iframe", "object", "svg"}.isdisjoint(parsed.tags)
    # the only links are the memo's own anchors, and each names a section that exists
    hrefs = [v for k, v in parsed.attrs if k == "href"]
    ids = {v for k, v in parsed.attrs if k == "id"}
    assert hrefs and all(h is not None and h[1:] in ids and h.startswith("#") for h in hrefs)
    _, js, _ = run("check", str(EXAMPLES), "--format", "json", *DAY)
    assert len(hrefs) == len(json.loads(js)["provisions"])


def test_a_hostile_bill_cannot_inject_html(tmp_path: Path) -> None:
    bill = write(tmp_path, HOSTILE)
    code, out, _ = run("check", str(bill), "--format", "html", *DAY)
    assert code == 1
    parsed = check_html(out)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "b" not in parsed.tags
    assert "i" not in parsed.tags
    text = "".join(parsed.text)
    assert shown(HOSTILE_TITLE) in text  # shown, as text
    assert "fenced\\x1b[31m" in text  # a control character shown, not passed to the page
    assert "\u202e" not in out and "\\u202ereversed" in text  # so is a bidirectional one
    assert all(not (v or "").startswith(("http", "x")) for _, v in parsed.attrs)


def test_output_file_and_language_pass_through(tmp_path: Path) -> None:
    target = tmp_path / "memo.html"
    code, out, _ = run(
        "check", COURT_FEES, "--format", "html", "--lang", "ru", "-o", str(target), *DAY
    )
    assert code == 1 and out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith('<!DOCTYPE html>\n<html lang="ru">')
    _, js, _ = run("check", COURT_FEES, "--format", "json", "--lang", "ru", *DAY)
    finding = json.loads(js)["provisions"][1]["findings"][0]
    assert re.search("[а-яА-Я]", finding["reason"])  # the doctrine's Russian reason
    assert html.escape(finding["reason"]) in text and html.escape(finding["remedy"]) in text
    assert "art-610-para-2 --as-of 2026-11-22 --lang ru</code>" in text  # explain, in Russian
    assert [p.name for p in tmp_path.iterdir()] == ["memo.html"]  # no temporary file left


def test_jobs_give_the_serial_memo(tmp_path: Path) -> None:
    code, bill, _ = run("generate", "--provisions", "450", "--seed", "3")
    assert code == 0
    path = write(tmp_path, bill)
    serial = run("check", str(path), "--format", "markdown", *DAY)
    parallel = run("check", str(path), "--format", "markdown", "--jobs", "2", *DAY)
    assert serial[0] == parallel[0] and serial[1] == parallel[1]
    assert serial[1].count("\n## ") == 450 + 2  # each provision, the outcome, the provenance


# --------------------------------------------------------------------------- fixes hook


def _memo_with_fixes(
    fixes: memo.FixSource | None, fmt: str, doctrines: DoctrineSet, catalogue: Catalogue
) -> str:
    bill = loading.load_bill(Path(COURT_FEES), catalogue)
    out: list[str] = []
    report = memo.MemoReport(
        out.append, fmt, catalogue, "en", {"version": "t"}, doctrines, fixes=fixes
    )
    day = dt.date(2026, 11, 22)
    group = streaming.Group(bill.path, day, edition_for(day, catalogue), bill.provisions)
    streaming.run([group], report, doctrines, catalogue)
    return "".join(out)


def test_fixes_hook_renders_the_fixes_it_is_given(
    doctrines: DoctrineSet, catalogue: Catalogue
) -> None:
    patch = "effects:\n  - safeguards: [deferral]  # ``` <script>x</script>\n"
    fix = memo.MemoFix(1, "absolute_rights", "Add a deferral <b>now</b>.", patch)

    def fixes(provision: object, item: object) -> list[memo.MemoFix]:
        return [fix] if getattr(provision, "id", "") == "art-610-para-2" else []

    md = _memo_with_fixes(fixes, "markdown", doctrines, catalogue)
    assert md.count("### Computed fixes") == 1  # the open provision has no finding to fix
    assert "**effect 1, Absolute rights:** Add a deferral &lt;b&gt;now&lt;/b&gt;." in md
    assert "````\n" + patch + "````" in md  # a fence longer than the patch's backticks
    page = _memo_with_fixes(fixes, "html", doctrines, catalogue)
    parsed = check_html(page)
    assert "script" not in parsed.tags and patch.rstrip() in "".join(parsed.text)
    none_found = _memo_with_fixes(lambda p, i: [], "markdown", doctrines, catalogue)
    assert none_found.count("No change to the provision's facts was found that cures it.") == 1
    assert "Computed fixes" not in _memo_with_fixes(None, "markdown", doctrines, catalogue)


# --------------------------------------------------------------------------- browser

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (apt-get install chromium): the memo's "
    "rendering, printing and screenshot are not checked",
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    return subprocess.run(
        [CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120, check=True
    )


def memo_file(tmp_path: Path, bill: str, name: str = "memo.html") -> Path:
    target = tmp_path / name
    code, _, err = run("check", bill, "--format", "html", "-o", str(target), *DAY)
    assert code in (1, 3), err
    return target


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height in points of each page of a PDF Chromium wrote (its page objects
    are not compressed): one ``/MediaBox`` for each ``/Type /Page`` object."""
    count = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert len(boxes) == count, (len(boxes), count)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


@needs_chromium
def test_memo_prints_on_a4(tmp_path: Path) -> None:
    page = memo_file(tmp_path, COURT_FEES)
    pdf = tmp_path / "memo.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    pages = pdf_pages(pdf.read_bytes())
    # A4 is 210 x 297 mm = 595.28 x 841.89 pt; Chromium rounds to its own units
    assert pages and all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in pages)
    # two provisions, each with a stage table, findings or questions, and sources: more
    # than a page, far less than a page per stage
    assert 2 <= len(pages) <= 6, len(pages)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Draft amendments to the Tax Code" in text and "DOES NOT CONFORM" in text
        for n in range(1, len(pages) + 1):  # the page number at the foot of each page
            assert re.search(rf"\b{n}\s*/\s*{len(pages)}\b", text), n


@needs_chromium
def test_browser_shows_the_memo_and_runs_nothing_from_the_bill(tmp_path: Path) -> None:
    bill = write(tmp_path, HOSTILE)
    page = memo_file(tmp_path, str(bill))
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert not re.search(r"<body[^>]*data-pwned", dom)  # the bill's script never ran
    assert "<title>" in dom and "<title>1</title>" not in dom  # nor its onerror handler
    assert html.escape(shown(HOSTILE_TITLE), quote=False) in dom
    assert "Does not conform" in dom and "How this memo was made" in dom


@needs_chromium
def test_screenshot_of_the_memo(tmp_path: Path) -> None:
    page = memo_file(tmp_path, COURT_FEES)
    shot = tmp_path / "memo.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=900,1300", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (900, 1300)
    # not a blank page: the image data (filtered rows) holds text's many grey levels
    idat = b"".join(
        data[i + 8 : i + 8 + int.from_bytes(data[i : i + 4], "big")]
        for i in (m.start() - 4 for m in re.finditer(rb"IDAT", data))
    )
    assert len(set(zlib.decompress(idat))) > 32
