"""Generators: the one-shot generator, the LangGraph revise loop and the no-LLM baselines (not built yet)."""
