import pytest
from django.core import mail


@pytest.fixture
def mailbox(settings):
    """E-mails kept in memory (django.core.mail.outbox); links point at a known address."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PORTAL_BASE_URL = "https://portal.kkr.example"
    settings.SECRETARIAT_EMAIL = "sekretariat@kkr.example"
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def english(albertslund_member):
    """Albertslund's user reads English."""
    from notifications.models import Preference

    Preference.objects.create(user=albertslund_member, language="en")
    return albertslund_member
