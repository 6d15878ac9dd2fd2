"""API latency: a page of 500 rows from each list endpoint, gunicorn on PostgreSQL with 10 synthetic years.

Prints per endpoint its row count, the median and 95th percentile of a 500-row page (1 client), and the
number of SQL queries the page took. Needs PostgreSQL on 127.0.0.1 (trust auth).

    .venv/bin/python benchmarks/api.py [--requests 50] [--database kkr_bench_api]
"""

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import time

from benchmarks.pages import PORT, ROOT, prepare, start_gunicorn

TOKEN_SCRIPT = (
    "import django; django.setup();"
    "from django.contrib.auth.models import Group; from core.models import User; from api.models import ApiToken;"
    "u, _ = User.objects.get_or_create(username='bench-analyst');"
    "u.groups.add(Group.objects.get_or_create(name='Secretariat')[0]);"
    "print(ApiToken.issue(user=u, name='bench', days=1)[1])"
)


def get(path: str, key: str) -> tuple[float, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Authorization": f"Bearer {key}", "X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")
    return elapsed, json.loads(body)


def query_counts(env: dict, key: str, paths: list[str]) -> dict[str, int]:
    """Queries per page, counted in a Django process of its own against the same database."""
    script = f"""
import django, json
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_AUTHORIZATION="Bearer {key}", HTTP_X_FORWARDED_PROTO="https", SERVER_NAME="127.0.0.1")
counts = {{}}
for path in {paths!r}:
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200, path
    counts[path] = len(context.captured_queries)
print(json.dumps(counts))
"""
    out = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, "DJANGO_SETTINGS_MODULE": "kkr_portal.settings"},
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--database", default="kkr_bench_api")
    args = parser.parse_args()
    env = prepare(args.database)
    key = (
        subprocess.run(
            [sys.executable, "-c", TOKEN_SCRIPT],
            env={**env, "DJANGO_SETTINGS_MODULE": "kkr_portal.settings"},
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    server = start_gunicorn({**env, "API_RATE": "1000000/minute"}, workers=2)
    try:
        for _ in range(100):
            try:
                _elapsed, index = get("/api/v1/", key)
                break
            except (ConnectionError, OSError):
                time.sleep(0.2)
        paths = ["/" + d["url"].split("/", 3)[3] + "?page_size=500" for d in index]
        counts = query_counts(env, key, paths)
        print(f"{'endpoint':<42}{'rows':>8}{'median ms':>11}{'p95 ms':>9}{'queries':>9}")
        for path in paths:
            _elapsed, first = get(path, key)
            timings = sorted(get(path, key)[0] for _ in range(args.requests))
            median = statistics.median(timings) * 1000
            p95 = timings[int(len(timings) * 0.95) - 1] * 1000
            print(f"{path.split('?')[0]:<42}{first['count']:>8}{median:>11.1f}{p95:>9.1f}{counts[path]:>9}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
