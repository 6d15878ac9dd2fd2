"""Issue #16's journey in a real Chromium: prepare, publish (annex frozen), the packet rendered and read,
decide, follow up. Nothing replaced: the annex is the real half-yearly rendering, the packet the real job."""

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.models import ReportingPeriod
from meetings.models import Annex, FollowUpAction, Meeting
from tests.conftest import axe_violations, click_and_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_meeting_from_preparation_to_the_owners_follow_up(
    page_for, kkr_data, secretariat, board_member, albertslund_member
):
    current = ReportingPeriod.current_round()
    page = page_for(secretariat)
    page.goto("/meetings/")
    page.get_by_role("link", name="Nyt møde").click()
    page.get_by_label("Forum").select_option("kkr")
    page.get_by_label("Titel").fill("KKR Hovedstaden, decembermøde")
    page.get_by_label("Dato").fill("2026-12-16")
    page.get_by_label("Klokkeslæt").fill("10:00")
    page.get_by_label("Sted").fill("KL, Weidekampsgade")
    page.get_by_role("button", name="Gem mødet").click()
    page.wait_for_url(re.compile(r".*/meetings/\d+/$"))
    meeting = Meeting.objects.get(title="KKR Hovedstaden, decembermøde")
    assert "kun ses af sekretariatet" in page.locator("main").inner_text()

    page.get_by_role("link", name="Nyt punkt").click()
    page.get_by_label("Nummer").fill("3.1")
    page.get_by_label("Titel").fill("Status for klima-VIP-projekterne")
    page.get_by_label("Sagstype").select_option("orientation")
    page.get_by_label("Henviser til").select_option(label=current.label)
    page.get_by_role("button", name="Gem punktet").click()
    page.wait_for_url(re.compile(r".*/meetings/\d+/#item-\d+$"))
    assert current.label in page.locator("main").inner_text()

    page.get_by_role("link", name=re.compile("Ret punktet og bilag")).click()
    page.get_by_label("Bilagstype").select_option("vip_climate.half_yearly")
    page.get_by_label("Periode").select_option(current.code)
    click_and_load(page.get_by_role("button", name="Tilføj bilaget"))
    assert "Bilag 3.1.1" in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.get_by_role("link", name="KKR Hovedstaden, decembermøde").click()
    page.get_by_role("button", name="Offentliggør dagsordenen").click()
    # Publishing renders the real half-yearly annex with WeasyPrint inside the request: seconds, not ms.
    page.wait_for_url(re.compile(r".*/meetings/\d+/$"), timeout=60_000)
    annex = Annex.objects.get(item__meeting=meeting)
    assert annex.frozen_at and annex.generator_args == {"round": current.code}
    assert annex.checksum in page.locator(".checksum").inner_text()
    assert axe_violations(page) == []

    # Publishing asked for the packet (the reports pipeline; in-process or by the real worker).
    assert "Mødemappe dannes nu." in page.locator(".messages").inner_text()
    page.get_by_role("link", name="Mødemappe, referat og eksport").click()
    page.get_by_role("link", name=re.compile("^Hent mødemappe")).wait_for(timeout=120_000)

    reader = page_for(board_member)
    reader.goto("/meetings/")
    click_and_load(reader.get_by_role("link", name=re.compile("KKR Hovedstaden, decembermøde")))
    assert "Status for klima-VIP-projekterne" in reader.locator("main").inner_text()
    with reader.expect_download() as download_info:
        reader.get_by_role("link", name=re.compile("Hent PDF")).click()
    with open(download_info.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    reader.get_by_role("link", name="Mødemappe, referat og eksport").click()
    with reader.expect_download() as download_info:
        reader.get_by_role("link", name=re.compile("^Hent mødemappe")).click()
    packet = Path(download_info.value.path()).read_bytes()
    assert packet[:5] == b"%PDF-"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(packet)).pages)
    assert "Bilag 3.1.1" in text and "Status for klima-VIP-projekterne" in text

    # Each page_for() logs in through the one test client, which ends the previous user's session.
    page = page_for(secretariat)
    page.goto(f"/meetings/{meeting.pk}/")
    click_and_load(page.get_by_role("button", name="Markér mødet som afholdt"))
    page.get_by_role("link", name=re.compile("Registrér beslutning")).click()
    page.get_by_label("Udfald").select_option("decided")
    page.locator("#id_text").fill("KKR tog orienteringen til efterretning.")
    page.get_by_label("Ansvarlig organisation").select_option(label="Albertslund")
    page.get_by_label("Opfølgning").fill("Albertslund melder status på VIP 2 til næste møde")
    page.get_by_label("Frist").fill("2027-03-01")
    page.get_by_role("button", name="Registrér beslutningen").click()
    page.wait_for_url(re.compile(r".*/meetings/\d+/#item-\d+$"))
    assert FollowUpAction.objects.get().owner.name == "Albertslund"

    owner = page_for(albertslund_member)
    owner.goto("/organisationer/albertslund/")
    duties = owner.locator(".duties").inner_text()
    assert "Albertslund melder status på VIP 2 til næste møde" in duties
    assert axe_violations(owner) == []
    owner.get_by_role("link", name=re.compile("Se beslutningen")).click()
    owner.get_by_label(re.compile("^Status: Albertslund")).select_option("in_progress")
    owner.get_by_role("button", name=re.compile("Gem status")).click()
    owner.wait_for_url(re.compile(r".*/meetings/\d+/#item-\d+$"))
    assert FollowUpAction.objects.get().state == "in_progress"
