"""Stage 3 of the pipeline: files in, model objects out.

``yamlfile`` and ``fastyaml`` read YAML with line numbers (libyaml for large files);
``schemas`` publishes and checks the file formats; ``loading`` builds the catalogue, bills,
doctrines, doctrine examples and decided cases, raising ``InputError`` with file and 1-based
line; ``cache`` keeps the parsed catalogue and doctrine sets on disk by content hash;
``writing`` writes a provision back as a bill. Imports only ``model`` and ``rules``.
"""
