from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database and the media (rendered reports, uploaded files) to one file in BACKUP_DIR; "
        "keep the BACKUP_KEEP newest."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Directory for the backup (default: the BACKUP_DIR setting).")
        parser.add_argument("--keep", type=int, help="How many backups to keep (default: BACKUP_KEEP).")

    def handle(self, *args, dir=None, keep=None, **options):
        try:
            result = backup(dir, keep)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {result.path} ({result.size:,} bytes, {result.files} media files)."
            )
        )
        for old in result.deleted:
            self.stdout.write(f"  deleted (retention): {old.name}")
