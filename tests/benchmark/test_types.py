import json

import pytest
from pydantic import ValidationError

from iwr.tasks.types import Task

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
    raw["action_sequence"][0]["expect"] = [
        {"kind": "text_visible", "text": "Cakes"},
        {"kind": "count", "text": "Add", "count": 3},
    ]
    task = Task.model_validate(raw)
    assert task.action_sequence[0].target.bbox == (1, 2, 3, 4)
    assert json.loads(task.to_json_line()) == raw

    raw["action_sequence"][0]["expect"] = [{"kind": "pixel_equal", "text": "x"}]
    with pytest.raises(ValidationError, match="pixel_equal"):
        Task.model_validate(raw)
    raw["action_sequence"][0]["expect"] = [{"kind": "text_visible", "text": "x", "selector": "#id"}]
    with pytest.raises(ValidationError, match="selector"):
        Task.model_validate(raw)


@pytest.mark.parametrize("resolution", ["1280*720", "wide", "", "1280x", None])
def test_bad_resolution_falls_back_and_round_trips(resolution) -> None:
    """The official code reads tasks leniently: a bad resolution is not a model error; the viewport
    falls back (metadata.json via the loader, else 1920x1080) and the line is written back as given."""
    raw = json.loads(sample_lines()[0])
    raw["recording_details"]["resolution"] = resolution
    task = Task.model_validate(raw)
    assert task.recording_details.size is None and task.viewport == (1920, 1080)
    task.use_viewport((800, 600))
    assert task.viewport == (800, 600) and task.resolution == "800x600"
    assert json.loads(task.to_json_line()) == raw


def test_lenient_official_values_round_trip_as_given() -> None:
    raw = json.loads(sample_lines()[0])
    raw["id"] = "1"
    raw["source_website"] = None
    raw["classification"]["domain"] = None
    raw["recording_details"]["environment"] = None
    first = raw["action_sequence"][0]
    first.update(logical_assertion=None, visual_evaluation_flag="false")
    first["parameters"]["description"] = None
    raw["action_sequence"][1]["visual_evaluation_flag"] = None
    raw["action_sequence"][2]["parameters"].pop("text")
    raw["action_sequence"][3]["parameters"]["key"] = None
    raw["action_sequence"].append({"type": "Hover", "parameters": None})
    task = Task.model_validate(raw)
    assert task.id == 1 and task.source_website == "" and task.classification.domain == ""
    first_action = task.action_sequence[0]
    assert first_action.logical_assertion == "" and first_action.visual_evaluation_flag is False
    assert first_action.parameters.description == "" and task.action_sequence[1].visual_evaluation_flag is False
    assert task.action_sequence[2].text_to_type() == "chocolate" and task.action_sequence[2].parameters.text is None
    assert task.action_sequence[3].key_to_press() == "Enter"
    hover = task.action_sequence[4]
    assert not hover.supported and "unsupported action type Hover" in hover.unperformable()
    assert json.loads(task.to_json_line()) == raw


def test_missing_recording_details_and_actions_read_as_empty() -> None:
    task = Task.model_validate({"id": 3})
    assert task.viewport == (1920, 1080) and task.action_sequence == [] and task.checkpoint_count == 1
    assert json.loads(task.to_json_line()) == {"id": 3}


def test_one_action_table_every_handler_covers() -> None:
    """ACTION_KINDS is the one table of action types: the judge's replay and the recorder's step classes
    each handle exactly those, checked when they are imported. The official rules are the published
    four, frozen: a type added later is refused under the official protocol with the reason."""
    import pytest

    from iwr.judge import official, replay
    from iwr.tasks.recorder import script
    from iwr.tasks.types import ACTION_KINDS, Action, for_every_kind

    for table in (replay.PERFORM, script.STEP_CLASSES):
        assert set(table) == set(ACTION_KINDS)
    assert set(official.ACTIONS) == {"Click", "Type", "Press", "Scroll"}
    hover = Action.model_validate({"type": "Hover", "parameters": {"description": "the menu"}})
    assert "Hover" in official.no_rule_for(hover)
    with pytest.raises(RuntimeError, match="the action table has"):
        for_every_kind({"Click": None, "Hover": None}, "a new handler")
    typed = Action.model_validate({"type": "Type", "parameters": {"description": "Type 'milk' in the box"}})
    assert typed.argument() == "milk" and typed.kind.grounded
    assert Action.model_validate({"type": "Scroll", "parameters": {}}).argument() == "down"
    assert Action.model_validate({"type": "Hover", "parameters": {}}).kind is None


@pytest.mark.parametrize(
    ("description", "scroll_page", "inside"),
    [
        ("Scroll down inside the dialog's text.", True, True),
        ("Scroll down within the list of results.", None, True),
        ("Scroll down.", False, True),
        ("Scroll down.", "false", True),
        ("Scroll down the page to the 'Result' section.", True, False),
        ("Scroll down in the window.", True, False),
    ],
)
def test_a_scroll_of_an_element_rather_than_the_page(description: str, scroll_page, inside: bool) -> None:
    """`scroll_page` false, or a container the description scrolls inside: that element moves first."""
    params = {"description": description, "direction": "down"}
    if scroll_page is not None:
        params["scroll_page"] = scroll_page
    task = Task.model_validate({"id": 1, "action_sequence": [{"type": "Scroll", "parameters": params}]})
    assert task.action_sequence[0].scrolls_inside() is inside
