# make run  : build the environment if needed and open DeliveryDesk
# make test : build the environment if needed and run every check
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test compile lint typecheck contracts unit gui e2e packaging package bench bench-check screenshots clean

run: compile
	$(BIN)/deliverydesk $(ARGS)

test: lint contracts typecheck unit gui e2e packaging

$(STAMP): pyproject.toml setup.py tools/find-python.sh
	@test -x $(BIN)/python || { PY=$$(sh tools/find-python.sh) && $$PY -m venv $(VENV); }
	@# Icons moved to the top-level resources/; a left-over src/deliverydesk/resources (even
	@# only its __pycache__) would shadow them as an empty namespace package.
	@rm -rf src/deliverydesk/resources
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Bytecode for our own modules, as an install would leave it (kept fresh by Python).
compile: $(STAMP)
	@$(BIN)/python -m compileall -q src

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

contracts: $(STAMP)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# Tests run on every core (pytest-xdist), a file's tests on one worker so that what a file
# makes once (a module fixture) is made once. JOBS=0 runs them in this one process;
# PYTEST_ARGS adds options: `make unit PYTEST_ARGS="-m 'not slow'"` skips the slow tests.
JOBS ?= auto
PYTEST := $(BIN)/pytest -n $(JOBS) --dist loadfile

# The core runs with Qt made unimportable: proof that model/, store/, services/ need no Qt.
unit: $(STAMP)
	$(PYTEST) tests/unit --without-qt $(PYTEST_ARGS)

gui: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PYTEST) tests/gui $(PYTEST_ARGS)

e2e: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PYTEST) tests/e2e $(PYTEST_ARGS)

# A wheel built and installed into a fresh environment, run as a zip, and the editable
# install: each must find the icons and the migrations.
packaging: $(STAMP)
	$(BIN)/pytest tests/packaging

# The Linux bundle, .tar.xz and .deb in build/package, then their checks (about six
# minutes; not part of make test): packaging/README.md says what each check proves.
package: compile
	bash packaging/linux/build.sh build/package
	bash packaging/check.sh build/package

bench: compile
	for script in benchmarks/bench_*.py; do \
		[ $$script = benchmarks/bench_check.py ] || $(BIN)/python $$script || exit 1; \
	done

# The targets of issue 21: three runs, the median of their medians, a miss beyond the
# noise band fails (benchmarks/bench_check.py, benchmarks/targets.py).
bench-check: compile
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_check.py

screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python tools/screenshots.py docs/screenshots
	$(BIN)/python tools/pdf_screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) build dist src/*.egg-info
