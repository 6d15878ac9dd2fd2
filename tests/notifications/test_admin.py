import pytest

from core.workflow import report_submit
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_a_superuser_reads_the_outbox_but_cannot_write_it(
    admin_client, mailbox, vip2_spring_draft, albertslund_member, secretariat
):
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    row = Notification.objects.get()
    listing = admin_client.get("/admin/notifications/notification/")
    assert listing.status_code == 200 and secretariat.email in listing.content.decode()
    assert admin_client.get(f"/admin/notifications/notification/{row.pk}/change/").status_code == 200
    assert admin_client.get("/admin/notifications/notification/add/").status_code == 403
    admin_client.post(f"/admin/notifications/notification/{row.pk}/change/", {"subject": "x"})
    row.refresh_from_db()
    assert row.subject.startswith("Indsendt til behandling")
