"""The memo as one self-contained HTML file, made to be printed on A4 and filed.

Self-contained: the style sheet is inline, the fonts are the reader's own (serif families
common on office machines, then the generic ``serif``), and there is no script, image or
reference to anything outside the file - the only links are to the memo's own sections.

Print: ``@page`` sets A4 with margins and the page number at the foot; headings keep with
what follows them, and table rows, findings and the particulars do not split across pages;
a table's header row repeats on every page it runs onto. Black and white: nothing is told
by colour alone - a status is its word (FAILS, OPEN), failing rows are bold, open rows
italic, a verdict is a framed word (a double frame for "does not conform", a dashed one
for "open").

Every text is escaped with ``html.escape`` (quotes too) after its control characters are
shown as ``\\xNN`` and its bidirectional controls as ``\\uNNNN`` (``memo_blocks.shown``);
attribute values are memo-made (anchors ``p-N``, role classes), never a bill's text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from tarazy.engine.reports.memo_blocks import (
    Block,
    Code,
    Fields,
    Heading,
    Items,
    Para,
    Run,
    Table,
    shown,
)

STYLE = """
@page {
  size: A4;
  margin: 20mm 18mm 22mm 20mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 9pt serif; }
}
html { color: #000; background: #fff; }
body {
  font: 11pt/1.4 "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  max-width: 172mm; margin: 12mm auto; padding: 0 8mm;
}
@media print { body { max-width: none; margin: 0; padding: 0; } }
h1 { font-size: 17pt; line-height: 1.2; margin: 2pt 0 6pt; }
h2 { font-size: 13.5pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1pt solid #000; }
h3 { font-size: 11.5pt; margin: 11pt 0 4pt; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; orphans: 3; widows: 3; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; margin: 0; }
.lead { font-style: italic; }
.note { font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 6pt; font-size: 10pt; }
th, td { border: .6pt solid #000; padding: 2pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
thead { display: table-header-group; }
tr, .finding, .fields tr, pre { break-inside: avoid; page-break-inside: avoid; }
/* a cell wraps between words, never mid-word unless a word is wider than the cell */
td { overflow-wrap: break-word; hyphens: auto; }
th { overflow-wrap: normal; }
table.stages { break-inside: avoid; page-break-inside: avoid; }
table.stages th:nth-child(1) { width: 24%; }
table.stages th:nth-child(2) { width: 14%; }
table.stages td:nth-child(2) { white-space: nowrap; }
table.bills td:nth-child(3), table.bills td:nth-child(4) { white-space: nowrap; }
table.summary th:nth-child(1) { width: 19%; }
table.summary th:nth-child(3) { width: 27%; }
table.summary th:nth-child(4) { width: 15%; }
tr.fails td, tr.outcome-does_not_conform td:last-child { font-weight: bold; }
tr.open td, tr.outcome-open td:last-child { font-style: italic; }
table.fields th { width: 30%; font-weight: bold; background: none; }
table.fields, table.fields th, table.fields td { border: none; padding: 1pt 5pt 1pt 0; }
table.fields td { white-space: pre-line; }
table.fields { border-top: .6pt solid #000; border-bottom: .6pt solid #000; }
[class^="verdict-"] strong {
  display: inline-block; border: 1.2pt solid #000; padding: 0 5pt;
  text-transform: uppercase; letter-spacing: .04em;
}
.verdict-does_not_conform strong { border: 3pt double #000; }
.verdict-open strong { border-style: dashed; }
section.provision { border-top: 2pt solid #000; margin-top: 18pt; }
section.provision > h2 { border-bottom: none; }
.finding { margin: 6pt 0 8pt 0; padding-left: 8pt; border-left: 2pt solid #000; }
.finding-head { margin-bottom: 2pt; }
code, pre { font: 9pt "DejaVu Sans Mono", "Liberation Mono", monospace; }
pre { white-space: pre-wrap; border: .6pt solid #000; padding: 4pt 6pt; }
ul, ol { margin: 3pt 0; padding-left: 18pt; }
li { margin: 2pt 0; break-inside: avoid; }
a { color: inherit; text-decoration: none; }
section.provenance { margin-top: 18pt; break-inside: avoid; }
"""


def esc(text: str) -> str:
    """``text`` as HTML character data or a quoted attribute value."""
    return html.escape(shown(text), quote=True)


def to_html(blocks: Sequence[Block], lang: str, title: str) -> str:
    """The memo as one HTML document (``lang`` for its ``lang`` attribute: en, ru, kk)."""
    if lang not in ("en", "ru", "kk"):
        raise ValueError(f"unknown language {lang!r}")
    body = "\n".join(_block(b) for b in blocks)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _runs(runs: Sequence[Run]) -> str:
    out = []
    for r in runs:
        text = esc(r.text)
        if r.code:
            out.append(f"<code>{text}</code>")
        elif r.strong:
            out.append(f"<strong>{text}</strong>")
        else:
            out.append(text)
    return "".join(out)


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{esc(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{esc(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        kind = f' class="{esc(block.kind)}"' if block.kind else ""
        return f"<p{kind}>{_runs(block.runs)}</p>"
    if isinstance(block, Fields):
        rows = "".join(
            f'<tr><th scope="row">{esc(label)}</th><td>{_runs(value)}</td></tr>'
            for label, value in block.rows
        )
        return f'<table class="fields"><tbody>{rows}</tbody></table>'
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{_runs(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Code):
        return f"<pre><code>{esc(block.text.rstrip())}</code></pre>"
    anchor = f' id="{esc(block.anchor)}"' if block.anchor else ""
    inner = "\n".join(_block(b) for b in block.blocks)
    return f'<section class="{esc(block.kind)}"{anchor}>\n{inner}\n</section>'


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in table.header)
    rows = []
    for i, row in enumerate(table.rows):
        mark = table.marks[i] if i < len(table.marks) else ""
        link = table.links[i] if i < len(table.links) else None
        cells = [esc(c) for c in row]
        if link and cells:
            cells[0] = f'<a href="#{esc(link)}">{cells[0]}</a>'
        cls = f' class="{esc(mark)}"' if mark else ""
        rows.append(f"<tr{cls}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    kind = f' class="{esc(table.kind)}"' if table.kind else ""
    return f"<table{kind}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
