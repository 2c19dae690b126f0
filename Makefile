# Two entry points for a fresh machine: `make run` and `make test`.
# Both create .venv on first use; later runs reuse it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench check clean nonebot-demo

$(BIN)/httpcode-bot: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

run: $(BIN)/httpcode-bot
	$(BIN)/httpcode-bot

check: $(BIN)/httpcode-bot
	$(BIN)/httpcode-bot check

lint: $(BIN)/httpcode-bot
	$(BIN)/ruff check .
	$(BIN)/hadolint Dockerfile

# pytest exits 5 when it collects no tests; that is not a failure of the suite itself.
test: lint
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; rc=0; fi; exit $$rc

# The NoneBot2 plugin in a terminal (console adapter; the test extra installs it).
nonebot-demo: $(BIN)/httpcode-bot
	cd examples/nonebot && ../../$(BIN)/python bot.py

# Every figure beside a floor measured in the same run; see docs/benchmarks.md.
bench: $(BIN)/httpcode-bot
	$(BIN)/python benchmarks/bench_resolver.py
	$(BIN)/python benchmarks/bench_updates.py
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_scaling.py
	$(BIN)/python benchmarks/bench_hostile.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .ruff_cache .hypothesis
