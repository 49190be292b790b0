"""Stage 5 of the pipeline: what the doctrines and decided cases say about each other.

Replaying the Court's cases (``replaying``), precedent and consistency between cases
(``precedent``), survival under a new edition (``survival``), condition coverage
(``coverage``), lint of doctrine files (``linting``), the values a dimension can take
(``valuespace``), doctrine examples (``examplecheck``), failure texts (``failures``) and
skeleton files (``skeleton``). Imports the stages below it, never ``verification`` or
``reports``.
"""
