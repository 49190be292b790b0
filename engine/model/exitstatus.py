"""The exit statuses of ``tarazy``: one meaning each, in every command.

The verdict statuses (``CONFORMS`` .. ``CONCERNS``) are the answer of a check; the others say
the check could not be made. ``InputError`` and ``EngineError`` carry theirs
(``exit_status``), and the command line's top-level guard exits with it.
"""

from __future__ import annotations

__all__ = [
    "BROKEN_PIPE",
    "CONCERNS",
    "CONFORMS",
    "DOES_NOT_CONFORM",
    "ENGINE",
    "INPUT",
    "INTERRUPTED",
    "OF_OUTCOME",
    "OPEN",
]

CONFORMS = 0
"""All is well: every provision conforms (concerns included), or a check of the rules passed."""
DOES_NOT_CONFORM = 1
"""A provision does not conform, or a check of the rules (replay, verify, lint) failed."""
INPUT = 2
"""Bad input: a file, an option or a reference that cannot be used."""
OPEN = 3
"""No provision fails, but at least one stage of one effect is open (nothing settles it)."""
ENGINE = 4
"""The rule engine returned a result that could not be trusted, or tarazy has a bug."""
CONCERNS = 5
"""Only with ``check --fail-on concerns``: nothing fails or is open, but a concern stands."""
INTERRUPTED = 130
"""128 + SIGINT: the user interrupted the run."""
BROKEN_PIPE = 141
"""128 + SIGPIPE: the reader of the output closed it (``tarazy check big.yaml | head``)."""

OF_OUTCOME = {
    "does_not_conform": DOES_NOT_CONFORM,
    "open": OPEN,
    "conforms_with_concerns": CONCERNS,
}
"""The status a provision's outcome gives when ``--fail-on`` counts it (``conforms``: none)."""
