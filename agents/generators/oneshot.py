"""The standard IWR-Bench generator: one LLM call with the official inputs, post-processed as the
official code does. The raw answer is kept (`response.txt`) so a run can be re-judged or audited."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from iwr import atomic, runfolder
from iwr.agents.generation import ASSETS_DIR, EventSink, Generation, ModelCall, SimpleGenerator, copy_assets
from iwr.agents.generators import generator
from iwr.tasks.loader import LoadedTask


@generator("oneshot")
class OneShot(SimpleGenerator):
    name = "oneshot"
    uses_litellm = True

    def __init__(
        self,
        model: str,
        call: ModelCall | None = None,
        client=None,
        official_pages: bool = False,
    ):
        """`call`: how to reach the model (its max_tokens defaults to the model's official value).
        `official_pages`: an answer with no html (a refusal, an empty answer) is still written as the
        page and judged, as the official code does (`--protocol official`); else it is a failed generation."""
        from iwr.agents.inputs import prompt_hash
        from iwr.llm import LLMClient, ResponseCache

        self.model = model
        self.call = (call or ModelCall()).for_model(model)
        self.client = client or LLMClient(cache=ResponseCache())
        self.official_pages = official_pages
        self.settings = {
            "frames": self.call.frames,
            "prompt_hash": prompt_hash(),
            "max_tokens": self.call.max_tokens,
            **({"official_pages": True} if official_pages else {}),
        }

    async def generate(self, lt: LoadedTask, out_dir: Path, emit: EventSink) -> Generation:
        from iwr.agents.inputs import NoHtmlError, postprocess, prepare_inputs
        from iwr.llm import LLMError

        started = time.perf_counter()
        base = Generation(generator=self.name, model=self.model, ok=False)
        try:
            inputs = await asyncio.to_thread(prepare_inputs, lt, self.model, self.call.frames)
        except Exception as e:
            base.error = f"task {lt.task.id}: cannot prepare the inputs: {e}"
            return base
        try:
            reply = await self.client.complete(
                inputs.messages,
                model=self.model,
                **self.call.request(),
            )
        except LLMError as e:
            if e.setting:
                raise
            base.error, base.answered = str(e), False
            base.seconds = round(time.perf_counter() - started, 3)
            return base
        atomic.write_text(out_dir / runfolder.RESPONSE, reply.text)
        notes = {"frames": len(inputs.frame_times), "finish_reason": reply.finish_reason}
        result = Generation(
            generator=self.name,
            model=self.model,
            ok=True,
            usage=reply.usage,
            cached=reply.cached,
            seconds=round(time.perf_counter() - started, 3),
            notes=notes,
        )
        try:
            page = postprocess(reply.text, ASSETS_DIR, lenient=self.official_pages)
        except NoHtmlError as e:
            result.ok, result.error = False, f"no html in the answer: {e}"
            return result
        copy_assets(lt, out_dir)
        atomic.write_text(out_dir / runfolder.PAGE, page.html)
        result.notes.update(truncated=page.truncated, iframes_removed=page.iframes_removed)
        if page.truncated:
            result.ok, result.error = False, "the answer was cut off (unclosed ```html block); judged as is"
        return result
