"""Input preparation of the one-shot generator, as the official IWR-Bench code prepares its inputs.

`prepare_inputs(task, model)` gives the request (prompt, labelled asset sheets, video frames at 1 fps,
at most 64, within the model family's image limits); `postprocess(answer, assets_base)` turns the answer
into the page to judge. One module per job: `frames` (1 fps sampling), `keyframes` (one frame per UI
state), `limits` (per-family image limits), `images` (encoding), `prompt` (text, messages, hash),
`postprocess`, `prepare`.
"""

from iwr.agents.inputs.frames import Frame, VideoError, frame_timestamps, sample_frames, sample_times
from iwr.agents.inputs.images import EncodedImage
from iwr.agents.inputs.keyframes import Keyframe, find_keyframes, sample_keyframes
from iwr.agents.inputs.limits import ModelLimits, drop_evenly, fit_longest_side, frame_budget, limits_for
from iwr.agents.inputs.postprocess import NoHtmlError, PostProcessed, postprocess
from iwr.agents.inputs.prepare import Inputs, prepare_inputs
from iwr.agents.inputs.prompt import PLACEHOLDER, PROMPT_TEMPLATE, build_messages, prompt_hash, render_prompt
from iwr.agents.inputs.settings import FrameMode, InputSettings

__all__ = [
    "EncodedImage",
    "Frame",
    "FrameMode",
    "InputSettings",
    "Inputs",
    "Keyframe",
    "ModelLimits",
    "NoHtmlError",
    "PLACEHOLDER",
    "PROMPT_TEMPLATE",
    "PostProcessed",
    "VideoError",
    "build_messages",
    "drop_evenly",
    "find_keyframes",
    "fit_longest_side",
    "frame_budget",
    "frame_timestamps",
    "limits_for",
    "postprocess",
    "prepare_inputs",
    "prompt_hash",
    "render_prompt",
    "sample_frames",
    "sample_keyframes",
    "sample_times",
]
