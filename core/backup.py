"""Backups: the database and the media (rendered reports, uploaded files) in one tar file, and back.

A backup is `BACKUP_DIR/kkr-backup-<UTC time>.tar` holding

- `manifest.json`: format, creation time, database engine, and the SHA-256 and size of every other member;
- `database.pgdump` (PostgreSQL: `pg_dump --format=custom`, the server's own consistent snapshot) or
  `database.sqlite3` (SQLite: the sqlite3 online backup API, consistent while the portal runs);
- `media/...`: every file under MEDIA_ROOT.

The tar is written under a temporary name and renamed when complete, so a file with the final name is a
whole backup; after it the oldest beyond `BACKUP_KEEP` are deleted. A restore checks every checksum in the
manifest before it changes anything, then replaces the database (PostgreSQL: `pg_restore --clean` in one
transaction; SQLite: the backup API into the live database) and the media directory's contents.
Stop the web, worker and beat processes while restoring (README, "Backup and restore").
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import connection

FORMAT = 1
PREFIX = "kkr-backup-"
SUFFIX = ".tar"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why (nothing was changed)."""


@dataclass(frozen=True)
class Result:
    path: Path
    size: int
    files: int
    deleted: list[Path]


def _sha256(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _engine() -> str:
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("postgresql"):
        return "postgresql"
    if engine.endswith("sqlite3"):
        return "sqlite"
    raise BackupError(f"Backup supports PostgreSQL and SQLite, not {engine}.")


def _pg_command(program: str) -> tuple[list[str], dict[str, str]]:
    """The client program with the connection of the default database (the password in the environment)."""
    db = connection.settings_dict  # in tests: the test database
    args = [program, "--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} is not installed (PostgreSQL client tools, e.g. apt-get install postgresql-client)."
        )
    return args, env


def _run(args: list[str], env: dict[str, str]) -> None:
    completed = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise BackupError(f"{args[0]} failed ({completed.returncode}): {completed.stderr.strip()[-2000:]}")


def _dump_database(engine: str, target: Path) -> None:
    if engine == "postgresql":
        args, env = _pg_command("pg_dump")
        _run([*args, "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)], env)
        return
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()


def _load_database(engine: str, source: Path) -> None:
    if engine == "postgresql":
        args, env = _pg_command("pg_restore")
        connection.close()  # our own session must not hold locks on what pg_restore drops
        _run(
            [
                *args,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                str(source),
            ],
            env,
        )
        return
    connection.ensure_connection()
    origin = sqlite3.connect(source)
    try:
        origin.backup(connection.connection)
    finally:
        origin.close()


def _media_files() -> Iterator[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return
    backups_dir = Path(settings.BACKUP_DIR).resolve()
    for path in sorted(root.rglob("*")):
        if backups_dir in path.resolve().parents:
            continue  # a BACKUP_DIR inside MEDIA_ROOT: never back up the backups
        if path.is_file() and not path.is_symlink():
            yield path


def _add(archive: tarfile.TarFile, path: Path, name: str, manifest: dict[str, Any]) -> None:
    with path.open("rb") as stream:
        manifest["members"][name] = {"sha256": _sha256(stream), "size": path.stat().st_size}
    archive.add(path, arcname=name, recursive=False)


def backups(directory: Path | None = None) -> list[Path]:
    """The complete backups in the directory, oldest first (the names sort by time)."""
    directory = Path(directory or settings.BACKUP_DIR)
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def backup(directory: Path | None = None, keep: int | None = None) -> Result:
    """Write one backup of the database and the media; then keep only the `keep` newest."""
    directory = Path(directory or settings.BACKUP_DIR)
    keep = settings.BACKUP_KEEP if keep is None else keep
    if keep < 1:
        raise BackupError("BACKUP_KEEP must be at least 1.")
    engine = _engine()
    directory.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    final = directory / f"{PREFIX}{created:%Y%m%dT%H%M%S%fZ}{SUFFIX}"
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "created": created.isoformat(),
        "engine": engine,
        "members": {},
    }
    partial = directory / f".{final.name}.partial"
    files = 0
    with tempfile.TemporaryDirectory(dir=directory) as scratch:
        database = Path(scratch) / f"database.{'pgdump' if engine == 'postgresql' else 'sqlite3'}"
        _dump_database(engine, database)
        try:
            with tarfile.open(partial, "w") as archive:
                _add(archive, database, database.name, manifest)
                media_root = Path(settings.MEDIA_ROOT)
                for path in _media_files():
                    _add(archive, path, f"media/{path.relative_to(media_root).as_posix()}", manifest)
                    files += 1
                data = json.dumps(manifest, indent=2).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size = len(data)
                info.mtime = int(created.timestamp())
                archive.addfile(info, io.BytesIO(data))
            os.replace(partial, final)
        finally:
            partial.unlink(missing_ok=True)
    existing = backups(directory)
    deleted = existing[:-keep] if len(existing) > keep else []
    for old in deleted:
        old.unlink()
    return Result(final, final.stat().st_size, files, deleted)


def _checked_members(archive: tarfile.TarFile) -> tuple[dict[str, Any], list[tarfile.TarInfo]]:
    """The manifest, and the members after checking each against it (names, types, sizes, SHA-256)."""
    try:
        manifest_member = archive.getmember("manifest.json")
        manifest = json.load(archive.extractfile(manifest_member))  # type: ignore[arg-type]
    except (KeyError, ValueError, TypeError) as error:
        raise BackupError(f"Not a portal backup (no readable manifest.json): {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}; this portal reads {FORMAT}.")
    expected = dict(manifest["members"])
    members = []
    for member in archive.getmembers():
        if member.name == "manifest.json":
            continue
        wanted = expected.pop(member.name, None)
        if (
            wanted is None
            or not member.isfile()
            or ".." in Path(member.name).parts
            or member.name.startswith("/")
        ):
            raise BackupError(f"Unexpected member in the backup: {member.name}")
        stream = archive.extractfile(member)
        assert stream is not None
        if member.size != wanted["size"] or _sha256(stream) != wanted["sha256"]:
            raise BackupError(f"The backup is damaged: {member.name} does not match its checksum.")
        members.append(member)
    if expected:
        raise BackupError(f"The backup is incomplete: {', '.join(sorted(expected))} missing.")
    return manifest, members


def restore(path: Path) -> dict[str, Any]:
    """Replace the database and the media with the backup's, after checking it whole."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    engine = _engine()
    try:
        archive = tarfile.open(path, "r")  # noqa: SIM115 (closed by the `with` below)
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"Not a readable backup: {error}") from None
    with archive, tempfile.TemporaryDirectory() as scratch:
        manifest, members = _checked_members(archive)
        if manifest["engine"] != engine:
            raise BackupError(f"The backup is of a {manifest['engine']} database; this portal runs {engine}.")
        database_name = f"database.{'pgdump' if engine == 'postgresql' else 'sqlite3'}"
        if not any(m.name == database_name for m in members):
            raise BackupError(f"The backup holds no {database_name}.")
        archive.extractall(scratch, members=members, filter="data")
        _load_database(engine, Path(scratch) / database_name)
        _replace_media(Path(scratch) / "media")
    return manifest


def _replace_media(extracted: Path) -> None:
    """MEDIA_ROOT gets exactly the backup's files; the directory itself stays (it may be a mounted volume)."""
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    for entry in root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if extracted.is_dir():
        for entry in extracted.iterdir():
            shutil.move(str(entry), root / entry.name)
