"""Backup and restore time and size: the loaded KKR data plus 10 synthetic years, PostgreSQL and SQLite.

For each engine: a fresh database, migrate, load_kkr_data, 10 synthetic years (benchmarks/synthetic.py), two
real rendered reports (render_report) and their copies as the 10 years' archive (1 annual + 2 half-yearly
PDFs a year); then `manage.py backup` and `manage.py restore` as an operator runs them (each a process,
Django's start included). PostgreSQL on 127.0.0.1 with trust auth, like benchmarks/pages.py.

    .venv/bin/python benchmarks/backup.py [--engines postgresql sqlite] [--database kkr_bench_backup]
"""

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ARCHIVE = """
import django; django.setup()
from django.core.files.base import ContentFile
from core.models import ReportingPeriod
from reports.models import ReportJob
real = {k: ReportJob.objects.filter(kind=k, state="done").first() for k in ("annual", "half_yearly")}
data = {k: job.file.read() for k, job in real.items()}
for year in range(2012, 2022):
    for kind, half in (("annual", ""), ("half_yearly", "spring"), ("half_yearly", "autumn")):
        job = ReportJob.objects.create(kind=kind, period=ReportingPeriod.get_or_create_for(year, half), state="done")
        job.file.save("x.pdf", ContentFile(data[kind]))
"""


# The same two operations inside one process: what they cost without a process's start.
IN_PROCESS = """
import django, json, time; django.setup()
from core.backup import backup, restore
started = time.perf_counter(); result = backup(); backup_s = time.perf_counter() - started
started = time.perf_counter(); restore(result.path); restore_s = time.perf_counter() - started
print(json.dumps({"backup_s": backup_s, "restore_s": restore_s}))
"""


def run(env: dict, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def prepare(engine: str, database: str, scratch: Path) -> dict:
    env = {
        **os.environ,
        "KKR_VAR_DIR": str(scratch / "var"),
        "MEDIA_ROOT": str(scratch / "media"),
        "BACKUP_DIR": str(scratch / "backups"),
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "kkr_portal.settings",
    }
    env.pop("REDIS_URL", None)
    env.pop("CELERY_BROKER_URL", None)
    env.pop("DATABASE_URL", None)
    if engine == "postgresql":
        import psycopg2

        admin = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}"')
            cursor.execute(f'CREATE DATABASE "{database}"')
        admin.close()
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    (scratch / "var").mkdir(parents=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    run(env, *manage, "migrate", "-v0")
    run(env, *manage, "load_kkr_data")
    run(env, sys.executable, "-m", "benchmarks.synthetic", "--years", "10")
    run(env, *manage, "render_report", "annual", "2023", "--output", str(scratch / "annual.pdf"))
    run(env, *manage, "render_report", "half-yearly", "2022-autumn", "--output", str(scratch / "half.pdf"))
    run(env, sys.executable, "-c", ARCHIVE)
    return env


def size_of(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def measure(engine: str, database: str) -> None:
    with tempfile.TemporaryDirectory(prefix="kkr-bench-backup-") as name:
        scratch = Path(name)
        env = prepare(engine, database, scratch)
        manage = [sys.executable, str(ROOT / "manage.py")]
        media = scratch / "media"
        files = sum(1 for p in media.rglob("*") if p.is_file())
        start_s = run(env, *manage, "check")  # a process's start alone, to read the others against
        backup_s = run(env, *manage, "backup")
        [archive] = sorted((scratch / "backups").glob("kkr-backup-*.tar"))
        restore_s = run(env, *manage, "restore", str(archive), "--noinput")
        inside = json.loads(
            subprocess.run(
                [sys.executable, "-c", IN_PROCESS],
                env=env,
                check=True,
                cwd=ROOT,
                capture_output=True,
                text=True,
            ).stdout
        )
        with tarfile.open(archive) as tar:
            members = json.load(tar.extractfile("manifest.json"))["members"]  # type: ignore[arg-type]
        database_mb = sum(m["size"] for n, m in members.items() if n.startswith("database.")) / 1e6
        print(
            f"{engine:<10} {database_mb:>7.1f} {files:>6} {size_of(media) / 1e6:>9.1f} "
            f"{archive.stat().st_size / 1e6:>10.1f} {backup_s:>9.1f} {restore_s:>10.1f} {start_s:>8.1f} "
            f"{inside['backup_s']:>10.2f} {inside['restore_s']:>11.2f}"
        )
    if engine == "postgresql":
        import psycopg2

        admin = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}"')
        admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", nargs="+", default=["postgresql", "sqlite"])
    parser.add_argument("--database", default="kkr_bench_backup")
    args = parser.parse_args()
    print("loaded KKR data + 10 synthetic years + 2 rendered reports and 30 archived copies")
    print(
        "backup s / restore s: the commands (a process each); start s: `manage.py check` alone; in: in-process"
    )
    print(
        f"{'engine':<10} {'db MB':>7} {'files':>6} {'media MB':>9} {'backup MB':>10} {'backup s':>9} {'restore s':>10}"
    )
    for engine in args.engines:
        measure(engine, args.database)


if __name__ == "__main__":
    main()
