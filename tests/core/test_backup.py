"""`manage.py backup` / `restore`: back up, destroy, restore, and every record and file is back (issue #15)."""

import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from core.backup import backups
from core.models import ReportingPeriod
from reports.models import ReportJob
from vip_climate.models import Project


def table_state() -> dict[str, tuple[int, str]]:
    """Every table of the database: its row count and a SHA-256 of its rows (sorted, so order-free)."""
    state = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = sorted(repr(row) for row in cursor.fetchall())
            state[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return state


def media_state() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def places(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backups"
    return tmp_path


@pytest.fixture
def content(places):
    """A rendered report (its row and its file) and an uploaded file with a Danish name, beside the KKR data."""
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.ANNUAL, period=ReportingPeriod.get_or_create_for(2023), state=ReportJob.State.DONE
    )
    job.file.save("aarsrapport-2023.pdf", ContentFile(b"%PDF-1.7 rendered report\n" + bytes(range(256)) * 64))
    default_storage.save("bilag/Høringssvar fra Bornholm æøå.xlsx", ContentFile(b"PK\x03\x04 annex" * 100))
    Project.objects.filter(number=1).update(title="Titel rettet før backup")
    return job


def round_trip(places, destroy) -> None:
    records, files = table_state(), media_state()
    assert len(files) == 2 and records["reports_reportjob"][0] == 1

    call_command("backup")
    [archive] = backups()

    destroy()
    Path(settings.MEDIA_ROOT, "stray-after-backup.txt").write_text("not in the backup")
    for name in files:
        Path(settings.MEDIA_ROOT, name).unlink()
    assert table_state() != records and media_state() != files

    call_command("restore", str(archive), noinput=True)

    assert table_state() == records
    assert media_state() == files
    assert Project.objects.get(number=1).title == "Titel rettet før backup"


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_postgresql_round_trip_brings_back_every_record_and_file(content, places):
    def drop_everything():
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")

    round_trip(places, drop_everything)


@pytest.mark.django_db(transaction=True)
def test_sqlite_round_trip_brings_back_every_record_and_file(content, places):
    if connection.vendor != "sqlite":
        pytest.skip("the embedded (SQLite) run")

    def empty_and_drop():
        call_command("flush", interactive=False, verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE core_loadedrecord")

    round_trip(places, empty_and_drop)


@pytest.mark.django_db(transaction=True)
def test_retention_keeps_the_newest(places, settings):
    settings.BACKUP_KEEP = 2
    for _ in range(3):
        call_command("backup")
    kept = backups()
    assert len(kept) == 2
    assert sorted(p.name for p in Path(settings.BACKUP_DIR).iterdir()) == [p.name for p in kept]


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_before_anything_changes(content, places):
    call_command("backup")
    [archive] = backups()
    data = bytearray(archive.read_bytes())
    data[2048] ^= 0xFF  # inside the first member
    archive.write_bytes(bytes(data))
    Project.objects.filter(number=1).update(title="Efter backup")
    records, files = table_state(), media_state()

    with pytest.raises(CommandError, match="damaged|checksum|Not a"):
        call_command("restore", str(archive), noinput=True)

    assert table_state() == records and media_state() == files


@pytest.mark.django_db
def test_restore_needs_a_backup(places):
    with pytest.raises(CommandError, match="No backup"):
        call_command("restore", latest=True, noinput=True)
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(places / "missing.tar"), noinput=True)
