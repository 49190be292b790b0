"""The renderers of the reports, by command and format, under the names the callers use.

This module only re-exports; each renderer lives in its own module:
``check_text`` (check, for the terminal), ``check_json`` (check as JSON, and the explain
pointer), ``replay_report`` (replay, consistency, flips), ``verify_report`` and
``survival_report``. ``ciformats`` (JUnit, SARIF) and ``justifying`` (explain) are separate.
"""

from __future__ import annotations

from tarazy.engine.model.words import OUTCOME_LABELS, STAGE_NAMES, STATUS_WORDS
from tarazy.engine.reports import check_text
from tarazy.engine.reports.check_json import (
    JSON_OPEN,
    CheckedProvision,
    explain_command,
    explain_words,
    json_close,
    json_item,
    provision_json,
    provision_json_text,
    stages_data,
    to_json,
)
from tarazy.engine.reports.check_text import (
    WIDTH,
    command_lines,
    drafting_notes,
    effect_label,
    override_line,
    stage_table_text,
    stamp_text,
    text_header,
    text_provision,
    text_summary,
    to_text,
    visible,
    wrap,
)
from tarazy.engine.reports.replay_report import (
    MATCH_LABEL,
    consistency_text,
    flips_json,
    flips_text,
    replay_json,
    replay_junit,
    replay_text,
)
from tarazy.engine.reports.survival_report import (
    FATE_LABEL,
    survival_json,
    survival_markdown,
    survival_text,
)
from tarazy.engine.reports.verify_report import verify_json, verify_text

# The English labels under their names before the catalogue (issue 14), for callers that
# still read them; new code reads model.words in the reader's language.
OUTCOME_LABEL = OUTCOME_LABELS
STAGE_LABEL = STAGE_NAMES
STATUS_LABEL = STATUS_WORDS
_wrap = wrap
_command_lines = command_lines
_settled_by = check_text._settled_by
_open_questions_text = check_text._open_questions_text

__all__ = [
    "FATE_LABEL",
    "JSON_OPEN",
    "MATCH_LABEL",
    "OUTCOME_LABEL",
    "STAGE_LABEL",
    "STATUS_LABEL",
    "WIDTH",
    "CheckedProvision",
    "command_lines",
    "consistency_text",
    "drafting_notes",
    "effect_label",
    "explain_command",
    "explain_words",
    "flips_json",
    "flips_text",
    "json_close",
    "json_item",
    "override_line",
    "provision_json",
    "provision_json_text",
    "replay_json",
    "replay_junit",
    "replay_text",
    "stage_table_text",
    "stages_data",
    "stamp_text",
    "survival_json",
    "survival_markdown",
    "survival_text",
    "text_header",
    "text_provision",
    "text_summary",
    "to_json",
    "to_text",
    "verify_json",
    "verify_text",
    "visible",
    "wrap",
]
