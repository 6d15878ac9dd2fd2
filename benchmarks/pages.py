"""Page latency under load: gunicorn on PostgreSQL with 10 years of synthetic data.

Prints the median and 95th percentile latency of the dashboard, a municipality profile and a minimal page
(the base template only) at 1 and 10 concurrent users. Needs PostgreSQL on 127.0.0.1 (trust auth).

    .venv/bin/python benchmarks/pages.py [--requests 200] [--database kkr_bench]
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765


def prepare(database: str) -> dict:
    import psycopg2

    admin = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database}"')
        cursor.execute(f'CREATE DATABASE "{database}"')
    admin.close()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "benchmark-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [*manage, "load_kkr_data", "-v0"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
    )
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "benchmarks.synthetic", "--years", "10"], env=env, check=True, cwd=ROOT
    )
    print(f"synthetic data: {time.perf_counter() - started:.1f} s")
    return env


def session_cookie(env: dict) -> str:
    script = (
        "import django; django.setup();"
        "from django.contrib.auth.models import Group; from core.models import User;"
        "from django.contrib.sessions.backends.db import SessionStore;"
        "u, _ = User.objects.get_or_create(username='bench-board');"
        "u.groups.add(Group.objects.get_or_create(name='Board')[0]);"
        "s = SessionStore(); s['_auth_user_id'] = str(u.pk);"
        "s['_auth_user_backend'] = 'django.contrib.auth.backends.ModelBackend';"
        "s['_auth_user_hash'] = u.get_session_auth_hash(); s.create(); print(s.session_key)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, "DJANGO_SETTINGS_MODULE": "kkr_portal.settings"},
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


def start_gunicorn(env: dict, *, workers: int) -> subprocess.Popen:
    """The portal under gunicorn on PORT, as production runs it (the caller terminates it)."""
    command = [sys.executable, "-m", "gunicorn", "kkr_portal.wsgi", "--bind", f"127.0.0.1:{PORT}"]
    return subprocess.Popen(
        [*command, "--workers", str(workers), "--log-level", "warning"], env=env, cwd=ROOT
    )


def fetch(path: str, cookie: str) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": f"sessionid={cookie}", "X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")
    return elapsed


def measure(path: str, cookie: str, users: int, requests: int) -> tuple[float, float]:
    with ThreadPoolExecutor(users) as pool:
        list(pool.map(lambda _: fetch(path, cookie), range(users * 3)))  # warm up
        timings = list(pool.map(lambda _: fetch(path, cookie), range(requests)))
    timings.sort()
    return statistics.median(timings) * 1000, timings[int(len(timings) * 0.95) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--database", default="kkr_bench")
    args = parser.parse_args()
    env = prepare(args.database)
    cookie = session_cookie(env)
    server = start_gunicorn(env, workers=4)
    try:
        for _ in range(100):
            try:
                fetch("/om/", cookie)
                break
            except (ConnectionError, OSError):
                time.sleep(0.2)
        pages = {
            "minimal (/om/)": "/om/",
            "dashboard (/)": "/",
            "municipality profile": "/organisationer/albertslund/",
            "comparison (/sammenligning/)": "/sammenligning/",
        }
        print(f"{'page':<26}{'users':>6}{'median ms':>11}{'p95 ms':>9}")
        results = {}
        for name, path in pages.items():
            for users in (1, 10):
                median, p95 = measure(path, cookie, users, args.requests)
                results[(name, users)] = median
                if users == 10:
                    print(f"{name:<26}p95 at 10 users {'within' if p95 < 100 else 'ABOVE'} the 100 ms aim")
                print(f"{name:<26}{users:>6}{median:>11.1f}{p95:>9.1f}")
        for name in pages:
            if name == "minimal (/om/)":
                continue
            for users in (1, 10):
                ratio = results[(name, users)] / results[("minimal (/om/)", users)]
                print(f"{name} / minimal median at {users} users: {ratio:.2f}× (aim ≤ 2×)")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
