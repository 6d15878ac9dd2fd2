from datetime import date

import pytest

from meetings import annexes, services
from meetings.models import AgendaItem, Meeting

PDF = b"%PDF-1.4\n% a small test annex\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def fake_generator(monkeypatch):
    """A generator in the packet's registry (meetings/annexes.py is the packet engineer's) and a freeze that
    stores its rendering, so the pages can be tested without the packet's PDFs."""
    import hashlib

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from meetings.models import Annex

    monkeypatch.setitem(
        annexes.GENERATORS,
        "vip_climate.half_yearly",
        {"title": "Halvårlig status for VIP-projekterne", "period": "round", "render": lambda args: PDF},
    )

    def freeze(meeting, *, by):
        for annex in Annex.objects.filter(item__meeting=meeting, kind=Annex.Kind.GENERATED):
            content = annexes.GENERATORS[annex.generator]["render"](annex.generator_args)
            annex.file.save("annex.pdf", ContentFile(content), save=False)
            annex.checksum = hashlib.sha256(content).hexdigest()
            annex.frozen_at = timezone.now()
            annex.page_count = 1
            annex.save()

    monkeypatch.setattr(annexes, "freeze_annexes", freeze)


@pytest.fixture
def draft(secretariat):
    meeting = services.meeting_save(
        meeting=Meeting(title="KKR-møde marts", date=date(2030, 3, 1), place="KL"), by=secretariat
    )
    services.item_save(
        item=AgendaItem(meeting=meeting, number="1", title="Godkendelse af dagsorden"), by=secretariat
    )
    return meeting


@pytest.fixture
def held(secretariat):
    meeting = services.meeting_save(
        meeting=Meeting(title="KKR-møde januar", date=date(2023, 1, 10)), by=secretariat
    )
    services.item_save(item=AgendaItem(meeting=meeting, number="2.1", title="Udpegning"), by=secretariat)
    services.meeting_publish_agenda(meeting=meeting, by=secretariat)
    return services.meeting_mark_held(meeting=meeting, by=secretariat)
