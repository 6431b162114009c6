"""The agentic reconstruction loop: a LangGraph generate -> self-test -> revise graph per task
(see docs/agent.md). `iwr.agents.generators.create("agent", ...)` builds it as a generator."""
