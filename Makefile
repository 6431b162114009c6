# The two set-up commands of the README: `make demo` and `make test`. Both install what they need first.
VENV ?= .venv
IWR := $(VENV)/bin/iwr
PYTEST_ARGS ?=

.PHONY: setup demo test test-fast pack clean

setup:
	bash scripts/setup.sh

# The main job on the bundled task pack, no API key needed.
demo: setup
	$(IWR) tasks validate
	$(IWR) tasks list

test: setup
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

# Developer subset: no browser, no recording.
test-fast: setup
	$(VENV)/bin/python -m pytest -m "not browser and not slow" $(PYTEST_ARGS)

# Re-record every bundled task from its site and script.
pack: setup
	$(IWR) record --out benchmark/pack $(addprefix --script ,$(wildcard benchmark/pack/scripts/*.yaml))

clean:
	rm -rf $(VENV) .pytest_cache
