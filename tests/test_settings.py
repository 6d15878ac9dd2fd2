"""The one settings module switches modes from the environment alone."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "from kkr_portal.celery import app; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']['NAME']),"
    " 'eager': s.CELERY_TASK_ALWAYS_EAGER, 'broker': s.CELERY_BROKER_URL, 'debug': s.DEBUG,"
    " 'acks_late': app.conf.task_acks_late, 'reject_lost': app.conf.task_reject_on_worker_lost,"
    " 'prefetch': app.conf.worker_prefetch_multiplier, 'hard': app.conf.task_time_limit,"
    " 'visibility': app.conf.broker_transport_options['visibility_timeout'],"
    " 'serializer': app.conf.task_serializer}))"
)
CLEAN = {
    k: v
    for k, v in os.environ.items()
    if k
    not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")
}


def probe(**env):
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": "kkr_portal.settings", **env},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_embedded_defaults_use_sqlite_in_var_and_eager_tasks():
    config = probe()
    assert config["engine"] == "django.db.backends.sqlite3"
    assert config["name"].endswith("var/kkr.sqlite3")
    assert config["eager"] is True
    assert config["broker"] == ""


def test_database_and_redis_urls_switch_to_postgresql_and_real_workers():
    config = probe(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test", REDIS_URL="redis://127.0.0.1:6379/3"
    )
    assert config["engine"] == "django.db.backends.postgresql"
    assert config["name"] == "test"
    assert config["eager"] is False
    assert config["broker"] == "redis://127.0.0.1:6379/3"


def test_celery_is_configured_not_to_lose_tasks():
    config = probe(REDIS_URL="redis://127.0.0.1:6379/3")
    assert config["serializer"] == "json"
    assert config["acks_late"] is True
    assert config["reject_lost"] is True
    assert config["prefetch"] == 1
    assert config["visibility"] >= 2 * config["hard"]


def test_production_mode_refuses_to_start_without_secret_key():
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": "kkr_portal.settings", "DJANGO_DEBUG": "0"},
    )
    assert result.returncode != 0
    assert "SECRET_KEY and ALLOWED_HOSTS" in result.stderr


def test_production_mode_passes_the_deploy_check_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **CLEAN,
            "DJANGO_DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "kkr.example.org",
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_static_files_collect_with_hashed_names(tmp_path):
    """What the Dockerfile runs: every vendored file's references must resolve for the manifest."""
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **CLEAN,
            "DJANGO_DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "x",
            "STATIC_ROOT": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").exists()
