from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backups, restore


class Command(BaseCommand):
    help = (
        "Replace the database and the media with a backup's (checked whole first). Stop the web, worker and "
        "beat processes before."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="The backup file (kkr-backup-....tar).")
        parser.add_argument("--latest", action="store_true", help="The newest backup in BACKUP_DIR.")
        parser.add_argument(
            "--noinput", "--no-input", action="store_true", help="Do not ask for confirmation."
        )

    def handle(self, *args, path=None, latest=False, noinput=False, **options):
        if bool(path) == latest:
            raise CommandError("Give either a backup file or --latest.")
        if latest:
            found = backups()
            if not found:
                raise CommandError("No backup in BACKUP_DIR.")
            path = found[-1]
        if not noinput:
            answer = input(f"This replaces the whole database and every media file with {path}. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore(Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from None
        files = sum(1 for name in manifest["members"] if name.startswith("media/"))
        self.stdout.write(
            self.style.SUCCESS(f"Restored {path} (made {manifest['created']}; {files} media files).")
        )
