#!/usr/bin/env bash
# Regenerate the English catalogue from the Danish source strings and fill it from locale/en/*.json
# (read in name order, so zz_shared.json settles words that several areas translated differently).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pip install -q polib
.venv/bin/python manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=static --ignore=tests --ignore=benchmarks
python3 -c "import json,glob; t={}; [t.update(json.load(open(f))) for f in sorted(glob.glob('locale/en/*.json'))]; json.dump(t, open('/tmp/kkr-translations.json','w'), ensure_ascii=False)"
.venv/bin/python tools/fill_translations.py /tmp/kkr-translations.json
.venv/bin/python manage.py compilemessages --ignore=.venv
