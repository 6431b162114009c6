import json

import pytest
from pydantic import ValidationError

from iwr.benchmark.types import Task

from ..conftest import FIXTURES


def sample_lines() -> list[str]:
    return (FIXTURES / "official_sample" / "data.jsonl").read_text().splitlines()


@pytest.mark.parametrize("line", sample_lines())
def test_official_line_round_trips_unchanged(line: str) -> None:
    task = Task.model_validate_json(line)
    assert json.loads(task.to_json_line()) == json.loads(line)


def test_unknown_fields_are_kept_at_every_level() -> None:
    task = Task.model_validate_json(sample_lines()[0])
    assert task.model_extra == {"annotator": "A7", "notes": {"quality": "checked", "round": 2}}
    second = Task.model_validate_json(sample_lines()[1])
    assert second.action_sequence[0].parameters.model_extra == {"extra_hint": "slow"}


def test_official_fields_and_derived_values() -> None:
    task = Task.model_validate_json(sample_lines()[0])
    assert task.classification.level == "L2"
    assert task.viewport == (1280, 720)
    assert task.flagged_steps == [0, 3]
    assert task.checkpoint_count == 3
    assert [a.type for a in task.action_sequence] == ["Click", "Scroll", "Type", "Press"]
    assert task.action_sequence[2].parameters.text == "chocolate"
    assert task.origin is None and task.action_sequence[0].target is None


def test_extensions_validate_strictly() -> None:
    raw = json.loads(sample_lines()[0])
    raw["action_sequence"][0]["target"] = {"text": "Menu", "role": "link", "tag": "a", "bbox": [1, 2, 3, 4]}
    raw["action_sequence"][0]["expect"] = [{"kind": "text_visible", "text": "Cakes"}, {"kind": "count", "text": "Add", "count": 3}]
    task = Task.model_validate(raw)
    assert task.action_sequence[0].target.bbox == (1, 2, 3, 4)
    assert json.loads(task.to_json_line()) == raw

    raw["action_sequence"][0]["expect"] = [{"kind": "pixel_equal", "text": "x"}]
    with pytest.raises(ValidationError, match="pixel_equal"):
        Task.model_validate(raw)
    raw["action_sequence"][0]["expect"] = [{"kind": "text_visible", "text": "x", "selector": "#id"}]
    with pytest.raises(ValidationError, match="selector"):
        Task.model_validate(raw)


@pytest.mark.parametrize("resolution", ["1280*720", "wide", "", "1280x"])
def test_bad_resolution_is_rejected(resolution: str) -> None:
    raw = json.loads(sample_lines()[0])
    raw["recording_details"]["resolution"] = resolution
    with pytest.raises(ValidationError, match="resolution"):
        Task.model_validate(raw)
