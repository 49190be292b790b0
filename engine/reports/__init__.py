"""Stage 7, the top of the pipeline: what the commands print.

One renderer per command and format: ``streaming`` and ``reporting`` (check, replay,
survival, verify), ``ciformats`` (JUnit, SARIF), ``justifying`` and ``explain_report``
(explain), ``showing`` (doctrine show), ``catalogue_report`` (rights), ``doctrine_list``,
``example_report`` (doctrine test), ``consistency_report``; ``batch`` and ``provenance`` frame
a run. Texts go through the message catalogue (``model.messages``); JSON through
``model.jsonout``. May import every stage below it.
"""
