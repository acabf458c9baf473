"""Quality gate: every labelled set in ../shared/eval scored as ``ingest eval --fast`` scores it.

Each figure may not fall below its floor in quality_floor.json (a ``max_`` figure may not rise
above it). Floors sit a little below what a clean checkout measures, as a margin for noise
(relative dates count from the run's clock); raise them when a change lifts a set for good.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.eval.command import find_sets
from ingest.eval.runner import generic_extractor, load_pages, run
from ingest.eval.sample import RAISED, ours, run_extractor
from tests.conftest import shared_path

FLOORS = json.loads((Path(__file__).with_name("quality_floor.json")).read_text())


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_set_meets_its_floors(name: str) -> None:
    """What we store (lead + body and every field) on the set, against each of its floors."""
    ((_, layout, folder),) = find_sets([shared_path("eval", name)])
    samples = layout.load(folder)
    result = run_extractor("ingest", ours, samples)
    raised = [
        s.page_id
        for s, o in zip(samples, result.outputs, strict=True)
        if o.error.startswith(RAISED)
    ]
    assert not raised, f"extraction raised on {raised}"
    figures = layout.figures(samples, result.outputs)
    floors = {k: v for k, v in FLOORS[name].items() if k != "generic_body_f1"}
    fallen = {}
    for key, floor in floors.items():
        if key.startswith("max_"):
            if figures[key.removeprefix("max_")] > floor:
                fallen[key] = (figures[key.removeprefix("max_")], floor)
        elif figures[key] < floor:
            fallen[key] = (round(figures[key], 4), floor)
    assert not fallen, f"{name}: (figure, floor) fell past the floor: {fallen}"


def test_every_set_has_floors() -> None:
    """A labelled set added to ../shared/eval without a floor would go unguarded."""
    found = {name for name, _, _ in find_sets([shared_path("eval")])}
    assert found <= set(FLOORS), f"sets without a floor: {sorted(found - set(FLOORS))}"


def test_generic_body_meets_the_floor() -> None:
    """The generic body alone (no lead, no site module) on aeb-dev."""
    summary = run("generic", generic_extractor, load_pages(shared_path("eval", "aeb-dev"))).summary
    floor = FLOORS["aeb-dev"]["generic_body_f1"]
    assert summary.f1 >= floor, f"F1 {summary.f1:.4f} fell below the floor"
