"""Measure how much of a Russian or Kazakh report is still English, and how many raw ids
leak into its prose (issue 14, item 4). Used by tests/test_lang.py and runnable by hand:

    .venv/bin/python -m tests.langmeasure            # counts for every example, ru and kk

What is *allowed* to stay in Latin letters, and is removed before counting:
- the bill's own text (provision titles, citations, addressee labels, the conditions a
  duration runs until): the drafter wrote it, tarazy does not translate it;
- identifiers a reader types back: provision ids, doctrine ids, case ids
  (KZ-CC-NR-2023-04), file paths, the `tarazy explain ...` command and the closing stamp
  line (version and content hashes), field names in back-quotes (`clarity`);
- ALLOWED_WORDS below (names of the tool and of formats).

What is counted:
- ``english``: every remaining word of two or more Latin letters;
- ``ids``: every remaining token that is a vocabulary id, a right or aim id, or a field
  name of the fact registry (``manner_of_succession``, ``ban``, ``equal_access_state_service``)
  - counted in every language, English too, since an id is never prose.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from tarazy.engine import model
from tarazy.engine.input import loading
from tarazy.engine.model.facts import field_registry

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
ALLOWED_WORDS = {"tarazy", "yaml", "json", "as_of"}  # as_of: the bill's field, typed back
AS_OF = "2026-11-22"

_LATIN = re.compile(r"[A-Za-z][A-Za-z_]+")


def _vocabulary_ids() -> set[str]:
    catalogue = loading.load_catalogue()
    ids: set[str] = set()
    for vocab in (
        model.EFFECT_KINDS,
        model.INSTRUMENTS,
        model.TRIGGERS,
        model.LEGAL_GROUNDS,
        model.SAFEGUARDS,
        model.GROUNDS_OF_DISTINCTION,
        model.SECTORS,
        model.TRIGGER_SEVERITIES,
        model.CLARITIES,
        model.REQUIREMENTS,
        model.ADDRESSEE_BREADTHS,
        model.ORDERING_AUTHORITIES,
        model.STAGES,
        model.VERDICT_OUTCOMES,
        model.HOLDINGS,
    ):
        ids |= set(vocab)
    ids |= set(catalogue.right_ids) | set(catalogue.aim_ids)
    ids |= set(field_registry(catalogue))
    ids |= {"not_applicable", "weak_match", "fails", "passes", "open"}
    return ids


def _bill_texts(paths: Iterable[Path]) -> list[str]:
    """Every text a bill supplies (titles, citations, labels, conditions)."""
    catalogue = loading.load_catalogue()
    out: list[str] = []
    for path in paths:
        bill = loading.load_bill(path, catalogue)
        if bill.title:
            out.append(bill.title)
        for p in bill.provisions:
            # the citation as English prints it, and its act as ru and kk print it
            out += [p.id, p.title or "", str(p.citation), p.citation.act or ""]
            for e in p.effects:
                out += [e.addressees.label or "", str(e.duration)]
    return sorted({" ".join(t.split()) for t in out if t.strip()}, key=len, reverse=True)


def _stripped(text: str, bill_texts: list[str]) -> str:
    """The report with what is allowed (see the module) removed, whitespace normalized."""
    kept = []
    skip = False
    for line in text.splitlines():
        body = line.strip()
        if skip or "tarazy explain" in body or body.startswith(("== ", "tarazy ")):
            skip = line.endswith("\\")  # a command continued on the next line
            continue
        kept.append(body)
    flat = " ".join(" ".join(kept).split())
    for t in bill_texts:
        flat = flat.replace(t, " ")
    flat = re.sub(r"\b[0-9a-f]{16}\b", " ", flat)  # content hashes
    flat = re.sub(r"`[^`]*`", " ", flat)  # field names in back-quotes
    flat = re.sub(r"KZ-CC-[A-Z]+-\d{4}-\d+", " ", flat)
    flat = re.sub(r"\S+\.ya?ml(:\d+)?", " ", flat)
    flat = re.sub(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", " ", flat)  # doctrine and provision ids
    return flat


def measure(text: str, bill_paths: Iterable[Path]) -> tuple[list[str], list[str]]:
    """(English words, leaked ids) left in ``text`` once the allowed parts are removed."""
    flat = _stripped(text, _bill_texts(bill_paths))
    ids = _vocabulary_ids()
    words = [w for w in _LATIN.findall(flat) if w.lower() not in ALLOWED_WORDS]
    leaked = [w for w in words if w in ids]
    return words, leaked


EXE = Path(sys.executable).with_name("tarazy")


def tarazy(*args: str) -> str:
    """The stdout of one tarazy command run in a subprocess (``EXE``; ``main`` takes
    another executable as its argument, e.g. a wrapper running an older revision)."""
    done = subprocess.run([str(EXE), *args], capture_output=True, text=True, check=False)
    return done.stdout


def main() -> None:
    """Print, for check and explain of every example in en, ru and kk: the English words
    left (ru and kk only), the ids leaked, and of those the snake_case ones (unambiguous in
    English too, where an id such as ``ban`` or ``legality`` is also a word)."""
    global EXE
    if len(sys.argv) > 1:
        EXE = Path(sys.argv[1])
    for lang in ("en", "ru", "kk"):
        parts = []
        for command in ("check", "explain"):
            words = ids = snake = 0
            for path in EXAMPLES:
                out = tarazy(command, str(path), "--lang", lang, "--as-of", AS_OF)
                english, leaked = measure(out, [path])
                words += len(english) if lang != "en" else 0
                ids += len(leaked)
                snake += sum("_" in x for x in leaked)
            parts.append(f"{command}: english words {words}, ids {ids} (snake_case {snake})")
        print(f"{lang}: " + "; ".join(parts))


if __name__ == "__main__":
    main()
