import pytest
from django.core import mail

from core.models import ReportingPeriod
from vip_climate.models import Project


@pytest.fixture
def mailbox(settings):
    """E-mails kept in memory (django.core.mail.outbox); links point at a known address."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PORTAL_BASE_URL = "https://portal.kkr.example"
    settings.SECRETARIAT_EMAIL = "sekretariat@kkr.example"
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def vip(organisations):
    return {p.number: p for p in Project.objects.all()}


@pytest.fixture
def spring_2023(vip):
    return ReportingPeriod.objects.get(year=2023, half="spring")


@pytest.fixture
def vip2_spring_draft(vip, spring_2023, secretariat):
    """VIP 2's report for spring 2023, led by Albertslund."""
    from vip_climate.services import status_report_start

    return status_report_start(project=vip[2], period=spring_2023, by=secretariat)


@pytest.fixture
def english(albertslund_member):
    """Albertslund's user reads English."""
    from notifications.models import Preference

    Preference.objects.create(user=albertslund_member, language="en")
    return albertslund_member
