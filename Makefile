# The README's two commands are `make run` and `make test`; each sets up everything it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export QT_API := pyside6

.PHONY: run test lint fuzz soak bench bytecode package translations clean system-deps-run system-deps-test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "IPHR Desk needs Python 3.11 or newer (found $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	$(BIN)/python -m pip install --quiet --no-deps 'german-nouns==1.2.5'  # why --no-deps: pyproject.toml
	touch $(STAMP)

system-deps-run:
	@bash packaging/system-deps.sh run

system-deps-test:
	@bash packaging/system-deps.sh test

## Set everything up and open the app.
run: system-deps-run $(STAMP) bytecode
	$(BIN)/iphr-desk

## Set everything up and run the whole test suite (what CI runs), then the linters.
test: system-deps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory lint

lint: $(STAMP)
	$(BIN)/ruff check iphr_desk tests benchmarks tools
	$(BIN)/mypy

## Long variants: many more hypothesis examples and crash trials; the window-beside-commands, encrypt-under-load
## and parallel-command tests 20 times each.
fuzz: system-deps-test $(STAMP)
	HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/core

soak: system-deps-test $(STAMP)
	IPHR_CRASH_TRIALS=200 IPHR_SOAK_REPEAT=20 HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: system-deps-test $(STAMP) bytecode
	$(BIN)/python -m benchmarks

## Compiled modules, as an installed copy has them (pip compiles at install; the bundle holds them), even
## where PYTHONDONTWRITEBYTECODE keeps Python from caching what it compiles at each start.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q iphr_desk

package: system-deps-run $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean packaging/iphr-desk.spec

## Update the interface catalogs from the GUI sources and compile them (resources/translations/).
TS_FILES := resources/translations/iphr_desk_fr.ts resources/translations/iphr_desk_ru.ts resources/translations/iphr_desk_en.ts
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find iphr_desk/gui -name '*.py' | sort) -no-obsolete -locations none -silent -ts $(TS_FILES)
	$(BIN)/python resources/translations/catalogs.py
	$(BIN)/pyside6-lrelease -silent $(TS_FILES)

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
