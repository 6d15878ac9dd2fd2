"""Compile the translation catalogues (locale/*/LC_MESSAGES/django.po → .mo) without GNU gettext.

Django's `compilemessages` needs `msgfmt`; `make run` promises to need only Python, so polib writes the
.mo files instead. The .mo files are build output and not committed.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/django.po into .mo files (pure Python, no gettext needed)."

    def handle(self, *args, **options):
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/django.po")):
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"compiled {po_path} ({len(catalogue.translated_entries())} entries)")
