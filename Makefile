# The two README commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_PASSWORD ?= kkr-demo-2026

.PHONY: run test test-services lint format migrations-check install messages lock types

# requirements.lock pins every package (made by `make lock` from pyproject.toml's ranges): installs repeat.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

MO := locale/en/LC_MESSAGES/django.mo

# The English catalogue is compiled here, not committed: an edited .po is recompiled on the next run or test.
$(MO): locale/en/LC_MESSAGES/django.po $(STAMP)
	$(BIN)/python manage.py compile_catalogues

# The W3C Nu checker for the browser crawl (tests/test_axe_crawl.py), where npm is installed; it runs on the
# system's Java. Without it the crawl still runs axe and says the HTML was not validated.
VNU := node_modules/vnu-jar/build/dist/vnu.jar

$(VNU): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund && touch $(VNU); \
	else echo "npm not found: the browser crawl will not validate HTML (apt-get install npm default-jre-headless)"; fi

install: $(STAMP) $(MO) $(VNU)

run: $(STAMP) $(MO)
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_kkr_data
	$(BIN)/python manage.py create_demo_users --password $(DEMO_PASSWORD)
	@echo "Log in at http://127.0.0.1:8000/ as sekretariat, bestyrelse, albertslund, gentofte or erhvervshus; password $(DEMO_PASSWORD)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The whole suite on the embedded defaults (SQLite, eager tasks). Tests marked `services` need PostgreSQL +
# Redis and skip here with a reason; browser tests skip where no chromium is installed. Bytecode is written
# (some shells turn it off): each pytest process would otherwise compile and assertion-rewrite every module
# again, seconds a run.
test: $(STAMP) $(MO) $(VNU)
	env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest -n auto --nomigrations

# The same suite on PostgreSQL + Redis with a real Celery worker (what CI's second run does).
test-services: $(STAMP) $(MO) $(VNU)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest -n auto

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# After changing a dependency range in pyproject.toml: pin the newest versions that fit, for every platform.
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 -o requirements.lock

types: $(STAMP)
	$(BIN)/mypy

migrations-check: $(STAMP)
	$(BIN)/python manage.py makemigrations --check --dry-run

# Extract new strings into the English catalogue (then translate them in the .po; a test refuses gaps).
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l en --no-obsolete --add-location=file --ignore=.venv --ignore=static \
		--ignore=tests --ignore=benchmarks --ignore=var --ignore=node_modules
	$(BIN)/python manage.py compile_catalogues
