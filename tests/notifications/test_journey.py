"""Issue #13's "done when": the half-yearly round run from the portal, with a real worker sending the e-mails.

Gentofte's user (made lead of a project here) logs in, sees the report due in "Det skal du gøre", chooses
English e-mails, starts the report from the duty list (the current round proposed), writes a list and submits; the secretariat is e-mailed, opens the report from
the e-mail's link and returns it with a comment; the lead is e-mailed (in English, with the comment), fixes
and resubmits; the secretariat sees the diff against the returned version beside its comment and approves; the lead gets the approval e-mail. On PostgreSQL and
Redis with a real `celery worker` process: the e-mails are files its file-based backend writes.
"""

import email
import re
import time
from email import policy
from pathlib import Path

import pytest

from core.models import Organisation, ReportingPeriod
from notifications.models import Notification
from tests.conftest import _user, axe_violations, click_and_load
from vip_climate.models import LeadPeriod, Project, StatusReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


class Mailbox:
    """The messages the worker wrote (EMAIL_BACKEND filebased in the worker's environment)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.seen = len(self.messages())

    def messages(self) -> list:
        found = []
        for path in sorted(self.directory.glob("*.log")):
            for raw in path.read_bytes().split(SEPARATOR):
                if raw.strip():
                    found.append(email.message_from_bytes(raw.lstrip(b"\n"), policy=policy.default))
        return found

    def wait_for(self, to: str, timeout: float = 60) -> "email.message.EmailMessage":
        """The one new message to `to` since the last call; fails if none, or more than one, arrives."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = self.messages()[self.seen :]
            mine = [m for m in new if m["To"] == to]
            if mine:
                time.sleep(0.5)  # anything else sent by the same event has arrived by now
                new = self.messages()[self.seen :]
                self.seen += len(new)
                mine = [m for m in new if m["To"] == to]
                assert len(mine) == 1, [m["Subject"] for m in mine]
                return mine[0]
            time.sleep(0.2)
        raise AssertionError(f"no e-mail to {to} within {timeout} s")


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message) -> str:
    match = re.search(r"https?://\S+/vip/rapporter/\d+/", text_of(message))
    assert match, text_of(message)
    return match.group(0)


@pytest.mark.services
def test_the_round_from_the_leads_login_to_the_approval_email(
    celery_worker_process, page_for, live_server, client, settings, secretariat, organisations
):
    settings.PORTAL_BASE_URL = live_server.url
    mailbox = Mailbox(Path(celery_worker_process.mail_dir))
    gentofte = Organisation.objects.get(name="Gentofte")
    lead_user = _user("gentofte-lead", organisation=gentofte)
    lead_user.first_name, lead_user.last_name = "Gitte", "Gentofte"
    lead_user.save()
    round_ = ReportingPeriod.current_round()
    project = Project.objects.get(number=5)
    Project.objects.filter(pk=project.pk).update(end_year=max(project.end_year, round_.year))
    LeadPeriod.objects.create(project=project, organisation=gentofte, starts=round_.starts)

    # The lead logs in through the login page and lands on Gentofte's page, which names the lead task.
    lead = page_for(None, viewport={"width": 390, "height": 844})
    lead.goto("/login/")
    lead.get_by_label("Brugernavn").fill("gentofte-lead")
    lead.get_by_label("Adgangskode").fill("pw-for-tests")
    lead.get_by_role("button", name="Log ind").click()
    lead.wait_for_url("**/organisationer/gentofte/")
    duties = lead.locator("section.duties")
    assert "Det skal du gøre" in duties.inner_text() and "1 opgave venter" in duties.inner_text()
    assert "VIP 5" in duties.inner_text()

    # E-mails in English, chosen on the settings page the navigation leads to.
    lead.get_by_role("button", name="Vis menu").click()
    lead.get_by_role("link", name="Gitte Gentofte", exact=True).click()
    lead.wait_for_url("**/konto/")
    lead.get_by_role("link", name="E-mails", exact=True).click()
    lead.wait_for_url("**/e-mails/")
    assert axe_violations(lead) == []
    lead.get_by_label("English").check()
    click_and_load(lead.get_by_role("button", name="Gem"))
    assert "Dine e-mail-indstillinger er gemt." in lead.locator("main").inner_text()

    # Start the report from the duty list (it proposes the current round) and write a list.
    lead.goto("/organisationer/gentofte/")
    lead.locator("section.duties").get_by_role("button", name="Start rapporten").click()
    lead.wait_for_url("**/rediger/")
    lead.get_by_label("Samlet status").select_option("on_track")
    lead.get_by_label("Status", exact=True).fill("- a\n- b")
    lead.get_by_role("button", name="Gem og indsend").click()
    lead.wait_for_url("**/rapporter/*/")
    report = StatusReport.objects.get(project=project, period=round_)
    assert report.state == "submitted" and report.status_text.splitlines() == ["- a", "- b"]
    # The lines starting with "-" are a real list of two items on the page (Markdown, HTML escaped).
    items = lead.locator("main li").all_inner_texts()
    assert "a" in items and "b" in items and not any(text.startswith("- ") for text in items)

    # The secretariat gets the e-mail (Danish: no preference) and opens the report from its link.
    submitted = mailbox.wait_for(secretariat.email)
    assert submitted["Subject"] == f"Indsendt til behandling: VIP 5 · {round_.label}"
    assert f"Gitte Gentofte (Gentofte) har indsendt VIP 5 · {round_.label}." in text_of(submitted)
    assert link_in(submitted) == f"{live_server.url}/vip/rapporter/{report.pk}/"
    html = submitted.get_body(preferencelist=("html",)).get_content()
    assert f'href="{live_server.url}/vip/rapporter/{report.pk}/"' in html

    client.cookies.pop(settings.SESSION_COOKIE_NAME, None)  # page_for's login must not end the lead's
    office = page_for(secretariat)
    office.goto(link_in(submitted))
    office.get_by_label("Kommentar til tovholderen").fill("Tilføj et punkt c om økonomien.")
    office.get_by_role("button", name="Send retur").click()
    office.wait_for_url("**/behandling/")
    report.refresh_from_db()
    assert report.state == "returned"

    # The lead gets the return e-mail in English with the comment, follows the link and fixes the report.
    returned = mailbox.wait_for(lead_user.email)
    assert returned["Subject"].startswith("Returned: VIP 5 · ")
    body = text_of(returned)
    assert "The KKR secretariat has returned VIP 5" in body
    assert "The secretariat's comment:\nTilføj et punkt c om økonomien." in body
    lead.goto(link_in(returned))
    lead.get_by_role("link", name="Rediger").click()
    lead.wait_for_url("**/rediger/")
    assert "Tilføj et punkt c om økonomien." in lead.locator("main").inner_text()
    lead.get_by_label("Status", exact=True).fill("- a\n- b\n- c: økonomien er afklaret")
    lead.get_by_role("button", name="Gem og indsend").click()
    lead.wait_for_url("**/rapporter/*/")
    report.refresh_from_db()
    assert report.state == "submitted"

    # The secretariat is told of the resubmission, reviews what changed and approves.
    resubmitted = mailbox.wait_for(secretariat.email)
    assert resubmitted["Subject"] == f"Indsendt til behandling: VIP 5 · {round_.label}"
    office.goto(link_in(resubmitted))
    # The diff is against the version that was returned, with the return comment beside it.
    changes = office.locator("#h-changes").locator("xpath=..")
    assert "Ændret siden versionen, der blev sendt retur" in changes.inner_text()
    assert "Tilføjet: - c: økonomien er afklaret" in changes.inner_text()
    assert "Fjernet" not in changes.inner_text()
    assert "Tilføj et punkt c om økonomien." in changes.locator("aside").inner_text()
    assert axe_violations(office) == []
    office.get_by_role("button", name="Godkend").click()
    office.wait_for_url("**/behandling/")
    report.refresh_from_db()
    assert report.state == "approved"

    # The lead gets the approval e-mail, in English, with the link.
    approved = mailbox.wait_for(lead_user.email)
    assert approved["Subject"].startswith("Approved: VIP 5 · ")
    assert "The KKR secretariat approved VIP 5" in text_of(approved)
    assert link_in(approved) == f"{live_server.url}/vip/rapporter/{report.pk}/"

    # Each event went out once, and every row is marked sent.
    rows = list(Notification.objects.order_by("pk").values_list("kind", "email", "language"))
    assert rows == [
        ("submitted", secretariat.email, "da"),
        ("returned", lead_user.email, "en"),
        ("submitted", secretariat.email, "da"),
        ("approved", lead_user.email, "en"),
    ]
    assert not Notification.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_email_settings_page_in_both_languages_at_phone_width(
    page_for, live_server, other_member, language
):
    page = page_for(other_member, viewport={"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto("/e-mails/")
    heading = {"da": "E-mail-indstillinger", "en": "E-mail settings"}[language]
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
