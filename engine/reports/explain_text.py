"""`tarazy explain` for a reader: the justification tree of ``justifying.explain_provision``
as indented text, 100 columns, in the language the tree was made in (its ``lang``).

Each stage says what settled it; each doctrine considered, what it did (``STATE_TEXT``) and
its conditions node by node, marked ✓ (holds) or ✗ (does not), each leaf with the fact it
read - in words where the tree carries them (``text``, ``fact_text``); the cases compared,
on which dimensions and what distinguishes them. Every frame is a msgid of the catalogue.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from tarazy.engine.model.messages import N_, message
from tarazy.engine.model.words import (
    FINDING_WORDS,
    OUTCOME_WORDS,
    article_label,
    date_text,
    finding_word,
    kind_word,
    stage_name,
)
from tarazy.engine.reports.justifying import STATE_TEXT, WIDTH
from tarazy.engine.reports.textutil import case_note, dimension_word, visible
from tarazy.engine.verdict import explaining

__all__ = ["render"]


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _shown(value: Any, lang: str) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, bool) or value is None:
        return explaining.show(value, lang)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _tree_lines(node: Mapping[str, Any], indent: str, lang: str) -> list[str]:
    mark = _mark(node["holds"])
    if "test" in node:
        if "text" in node:  # in words: the test, and the fact it read
            return [f"{indent}{mark} {node['text']}   [{node['fact_text']}]"]
        return [f"{indent}{mark} {node['test']}   [{node['field']}: {_shown(node['fact'], lang)}]"]
    if "not" in node:
        return [
            f"{indent}{mark} {message('not:', lang)}",
            *_tree_lines(node["not"], indent + "    ", lang),
        ]
    key = "all" if "all" in node else "any"
    parts = node[key]
    if len(parts) == 1:
        return _tree_lines(parts[0], indent, lang)
    head = message("all of:", lang) if key == "all" else message("any of:", lang)
    lines = [f"{indent}{mark} {head}"]
    for part in parts:
        lines += _tree_lines(part, indent + "    ", lang)
    return lines


_KINDS = {"violation": N_("a violation doctrine"), "concern": N_("a concern doctrine")}
_PARTS = {"when": N_("when:"), "open_when": N_("open when:"), "unless": N_("unless:")}


def _articles(articles: Sequence[str], lang: str) -> str:
    """JSON's "Art. 39(1)" labels in ``lang``."""
    return ", ".join(article_label(a.removeprefix("Art. "), lang) for a in articles)


def _doctrine_lines(d: Mapping[str, Any], verbose: bool, lang: str) -> list[str]:
    # the kind of doctrine, not what it did here: "a violation doctrine ... passes" reads right
    kind = message(_KINDS[d["outcome"]], lang) if d["outcome"] in _KINDS else d["outcome"]
    lines = [f"       {d['doctrine']} ({kind}) — {message(STATE_TEXT[d['state']], lang)}"]
    if d["defeated"]:
        who = d["defeated"]["by"]  # a doctrine id, or "violation" (a failing stage)
        who = finding_word(who, lang) if who in FINDING_WORDS else who
        by = message("defeated by {by}: {why}", lang, by=who, why=d["defeated"]["why"])
        lines.append(f"         {by}")
    if d["state"] == "does_not_apply" and not verbose:
        lines.append("         " + message(_PARTS["when"], lang))
        lines += _tree_lines(d["when"], "           ", lang)
        return lines
    basis = d["basis"]
    if basis:
        arts = _articles(basis["articles"], lang) or message("no article", lang)
        status = message(basis["status"], lang)
        lines.append(
            "         "
            + message(
                "articles: {articles} (edition {edition}, {status})",
                lang,
                articles=arts,
                edition=basis["edition"],
                status=status,
            )
        )
    else:
        lines.append("         " + message("articles: none under this edition", lang))
    for part in ("when", "open_when", "unless"):
        if d[part] is not None:
            lines.append("         " + message(_PARTS[part], lang))
            lines += _tree_lines(d[part], "           ", lang)
    if d["specialises"]:
        specialises = ", ".join(d["specialises"])
        lines.append("         " + message("specialises: {ids}", lang, ids=specialises))
    if d.get("question"):
        lines.append("         " + message("question: {text}", lang, text=d["question"]))
    return lines


def _bears(text: str, lang: str) -> str:
    prefix = "does not bind: "
    if text.startswith(prefix):
        why = case_note(text.removeprefix(prefix), lang)
        return message("does not bind: {why}", lang, why=why)
    return message(text, lang)


def _precedent_lines(rows: Sequence[Mapping[str, Any]], lang: str) -> list[str]:
    if not rows:
        return [
            "       "
            + message("precedent: no decided case on this right bears on this stage", lang)
        ]
    lines = ["       " + message("precedent compared:", lang)]
    for r in rows:
        head = message(
            "{case} ({side}, effect {number}, {edition}) — {bears}",
            lang,
            case=r["case"],
            side=message(r["side"], lang),
            number=r["case_effect"],
            edition=r["decided_under"],
            bears=_bears(r["bears"], lang),
        )
        lines.append(f"         {head}")
        dims = "; ".join(_dimension(x, lang) for x in r["dimensions_compared"])
        lines.append("           " + message("dimensions compared: {names}", lang, names=dims))
        if r["distinctions"]:
            dims = "; ".join(_dimension(x, lang) for x in r["distinctions"])
            lines.append("           " + message("distinguished on: {names}", lang, names=dims))
    return lines


def _dimension(name: str, lang: str) -> str:
    """A dimension or field compared, in words: a field's label where it has one."""
    return dimension_word(name, lang)


def _settled_text(s: Mapping[str, Any], lang: str) -> str:
    """What settled a stage, from the stage's data (the JSON's ``settled_by`` in ``lang``)."""
    if s["status"] == "not_applicable":
        return message("not applicable to this kind of effect", lang)
    if s["source"] == "doctrine":
        return message("doctrine: {ids}", lang, ids=", ".join(s["doctrines"]))
    if s["source"] == "precedent":
        return message("precedent: {ids}", lang, ids=", ".join(s["cases"]))
    if s["doctrines"]:
        return message(
            "nothing yet: {ids} put the question, and no decided case settles it",
            lang,
            ids=", ".join(s["doctrines"]),
        )
    return message("nothing: no doctrine and no decided case settles it", lang)


def render(explanations: Sequence[Mapping[str, Any]], verbose: bool = False) -> str:
    """The justification trees for a reader, in the language they were made in (``lang``
    of each tree): per effect and stage, what settled it, every doctrine considered with
    its conditions marked ✓ (holds) or ✗ (does not) and the fact each leaf read, the
    exceptions and defeats, and the cases compared."""
    lines: list[str] = []
    for e in explanations:
        lang = e.get("lang", "en")
        if lines:
            lines.append("")
        title = f" — {e['title']}" if e["title"] else ""
        lines.append(f"== {e['id']}{title}")
        where = f"{e['file']}:{e['line']}" if e["file"] and e["line"] else e["file"] or "-"
        lines.append("   " + message("file: {where}", lang, where=where))
        lines.append(
            "   "
            + message(
                "outcome: {outcome} · Constitution applied: edition {edition} ({title}), "
                "as of {day}",
                lang,
                outcome=message(OUTCOME_WORDS[e["outcome"]], lang),
                edition=e["edition"],
                title=e["edition_title"],
                day=date_text(dt.date.fromisoformat(e["as_of"]), lang),
            )
        )
        for eff in e["effects"]:
            lines.append("")
            label = message(
                "effect {number} ({right}, {kind})",
                lang,
                number=eff["effect"],
                right=eff.get("right_name", eff["right"]),
                kind=kind_word(eff["kind"], lang),
            )
            lines.append(f"   {label}")
            for s in eff["stages"]:
                lines.append(
                    "     "
                    + message(
                        "{stage}: {status} — settled by {what}",
                        lang,
                        stage=stage_name(s["stage"], lang),
                        status=message(_STATUS[s["status"]], lang),
                        what=_settled_text(s, lang),
                    )
                )
                if s["status"] == "not_applicable" and not verbose:
                    continue
                if s["articles"]:
                    arts = _articles(s["articles"], lang)
                    lines.append(
                        "       " + message("articles applied: {articles}", lang, articles=arts)
                    )
                if s["concerns"]:
                    ids = ", ".join(s["concerns"])
                    lines.append("       " + message("concerns attached: {ids}", lang, ids=ids))
                for q in s["questions"]:
                    lines.append("       " + message("question: {text}", lang, text=q))
                for d in s["considered"]:
                    lines += _doctrine_lines(d, verbose, lang)
                if s["precedent"] is not None:
                    lines += _precedent_lines(s["precedent"], lang)
    wrapped: list[str] = []
    for line in lines:
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body) + 4)
        wrapped += textwrap.wrap(
            visible(line),
            width=WIDTH,
            subsequent_indent=indent,
            break_on_hyphens=False,
            break_long_words=False,
            drop_whitespace=True,
        ) or [""]
    return "\n".join(wrapped) + "\n"


# A stage status in explain's running text (the ids read as words in English).
_STATUS = {
    "fails": N_("fails"),
    "passes": N_("passes"),
    "open": N_("open"),
    "not_applicable": N_("not applicable"),
}
