"""Where annex files live: under MEDIA_ROOT/private (backed up with the media), never served by URL.

Only `meetings.views.annex_download` hands a file out, after checking the user may read the meeting.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    # Read from settings at each use (not cached): a test's or an operator's MEDIA_ROOT applies.
    @property
    def base_location(self):
        return str(Path(settings.MEDIA_ROOT) / "private")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Annexes are private: download them through meetings:annex_download")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def annex_path(annex, filename: str) -> str:
    return f"meetings/{annex.item.meeting_id}/annex-{annex.item_id}-{annex.position}.pdf"
