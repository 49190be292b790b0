"""YAML files -> the model: the one entry point for reading tarazy's input files.

Each kind of file has its own module, and this one re-exports their public names so that
``loading.load_bill`` and the rest keep working:

* ``catalogues`` - the rights catalogue (``load_catalogue``);
* ``bills`` - bill files (``load_bill``), built from the model's field metadata by
  ``structuring``;
* ``doctrines`` - doctrine files, their examples and baselines (``load_doctrines``,
  ``load_doctrine_examples``, ``doctrines_at``);
* ``cases`` - decided cases (``load_cases``);
* ``validation`` and ``files`` - the schema check with file:line errors, and what the
  loaders share (bundled paths, folder listing, dates).

Each file is read with line numbers (``yamlfile``), checked against its published JSON
Schema (``schemas``), then built into attrs classes with the checks a schema cannot
express. Every problem is one ``InputError`` naming file, line and what was expected.
"""

from __future__ import annotations

from tarazy.engine.input.bills import load_bill
from tarazy.engine.input.cases import case_files, load_case, load_cases
from tarazy.engine.input.catalogues import load_catalogue
from tarazy.engine.input.doctrines import (
    doctrines_at,
    examples_of,
    load_doctrine,
    load_doctrine_examples,
    load_doctrines,
)
from tarazy.engine.input.files import (
    BUNDLED_CASES,
    BUNDLED_DOCTRINES,
    CATALOGUE_FILE,
    PACKAGE_ROOT,
    PLACEHOLDER,
    YAML_SUFFIXES,
    yaml_files,
)

__all__ = [
    "BUNDLED_CASES",
    "BUNDLED_DOCTRINES",
    "CATALOGUE_FILE",
    "PACKAGE_ROOT",
    "PLACEHOLDER",
    "YAML_SUFFIXES",
    "case_files",
    "doctrines_at",
    "examples_of",
    "load_bill",
    "load_case",
    "load_cases",
    "load_catalogue",
    "load_doctrine",
    "load_doctrine_examples",
    "load_doctrines",
    "yaml_files",
]
