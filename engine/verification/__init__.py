"""Stage 6 of the pipeline: the consistency properties, checked with Hypothesis.

``verifying`` is the registry and the runner (``tarazy verify`` and the test suite); the
properties live in ``case_properties``, ``invariants``, ``editions`` and
``doctrine_properties``, what they report in ``context``, their generated examples in
``generating`` over the field strategies of ``strategies``. ``synthetic`` writes load-test
bills; ``pytest_plugin`` collects case files and doctrine examples as test items. Only this
stage imports Hypothesis.
"""
