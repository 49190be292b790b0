"""The case base as a source of verdicts (engine/verdict/casebase.py), through its own API."""

from __future__ import annotations

from pathlib import Path

import attrs

from tarazy.engine.input import loading
from tarazy.engine.model import Case, DoctrineSet
from tarazy.engine.model.catalogue import Catalogue
from tarazy.engine.verdict.casebase import CaseBase

from .conftest import CASES


def nr3_and_twin(tmp_path: Path, catalogue: Catalogue, holding: str) -> list[Case]:
    """NR No. 3 (a 1 % court fee, no relief: held not to conform) and an invented twin with
    the same facts and another holding."""
    folder = tmp_path / "cases"
    folder.mkdir()
    base = (CASES / "KZ-CC-NR-2023-03.yaml").read_text(encoding="utf-8")
    (folder / "KZ-CC-NR-2023-03.yaml").write_text(base, encoding="utf-8")
    twin = base.replace("id: KZ-CC-NR-2023-03", "id: KZ-CC-NR-2023-90").replace(
        "holding: does_not_conform", f"holding: {holding}"
    )
    (folder / "KZ-CC-NR-2023-90.yaml").write_text(twin, encoding="utf-8")
    return list(loading.load_cases([folder], catalogue))


def test_a_divided_case_base_decides_nothing_and_names_both_sides(
    tmp_path: Path, catalogue: Catalogue, doctrines: DoctrineSet
) -> None:
    cases = nr3_and_twin(tmp_path, catalogue, "conforms")
    base = CaseBase(cases, doctrines)
    nr3 = next(c for c in cases if c.id == "KZ-CC-NR-2023-03")
    step = base.step("absolute_rights", nr3.provision, 0, nr3.constitution)
    assert step.status == "open"
    assert {(n.case, n.holding) for n in step.nearest} == {
        ("KZ-CC-NR-2023-03", "does_not_conform"),
        ("KZ-CC-NR-2023-90", "conforms"),
    }


def test_a_stage_settled_by_an_upheld_case_carries_its_recommendation(
    tmp_path: Path, catalogue: Catalogue, doctrines: DoctrineSet
) -> None:
    # Alone, an upheld twin lets an identical provision pass every stage it is asked about;
    # upheld only with recommendations, the pass carries the concern.
    cases = nr3_and_twin(tmp_path, catalogue, "conforms_with_recommendations")
    twin = next(c for c in cases if c.id == "KZ-CC-NR-2023-90")
    base = CaseBase([twin], doctrines)
    step = base.step("balance", twin.provision, 0, twin.constitution)
    assert (step.status, step.cases, step.recommended) == ("passes", ("KZ-CC-NR-2023-90",), True)
    # one step more restrictive on a dimension (a higher fee) is no longer covered
    effect = twin.provision.effects[0]
    higher = attrs.evolve(effect, magnitude=(("fee_percent", 50.0),))
    moved = attrs.evolve(twin.provision, effects=(higher,))
    step = base.step("balance", moved, 0, twin.constitution)
    assert step.status == "open"
    assert step.nearest[0].case == "KZ-CC-NR-2023-90"
    assert "fee_percent" in step.nearest[0].distinctions
