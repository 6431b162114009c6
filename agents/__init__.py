"""Generators: the one-shot generator, the LangGraph revise loop (`loop/`) and the no-LLM baselines, their
inputs (`inputs/`: frames, images, prompt, post-processing) and the generator registry."""
