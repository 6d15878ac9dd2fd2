"""The secretariat's portal editors for VIP lead periods and participants (no Django admin needed)."""

from datetime import date

import pytest

from core.models import Organisation
from vip_climate.models import LeadPeriod, Participation

pytestmark = pytest.mark.django_db

LEADS = "/vip/administration/2/tovholdere/"
PARTICIPANTS = "/vip/administration/2/deltagere/"


def _org(name):
    return Organisation.objects.get(name=name)


def test_the_secretariat_adds_a_lead_period_with_danish_dates_and_sees_who_did_it(client, secretariat, vip):
    client.force_login(secretariat)
    response = client.post(
        LEADS,
        {
            "organisation": _org("Gentofte").pk,
            "starts": "01-01-2024",
            "ends": "",
            "precision": "month",
            "source": "Besluttet i K29",
        },
    )
    assert response.status_code == 302
    period = LeadPeriod.objects.get(project=vip[2], organisation=_org("Gentofte"))
    assert period.starts == date(2024, 1, 1) and period.ends is None and period.source_ref == ""
    assert period.history.first().history_user == secretariat
    page = client.get(LEADS).content.decode()
    assert "Gentofte" in page and "oprettet af sekretariat" in page


def test_an_overlapping_period_of_the_same_lead_is_refused_with_a_clear_error(client, secretariat, vip):
    client.force_login(secretariat)
    before = LeadPeriod.objects.count()
    # Albertslund leads VIP 2 from November 2022 with no end: a second Albertslund period in 2023 overlaps.
    response = client.post(
        LEADS,
        {
            "organisation": _org("Albertslund").pk,
            "starts": "2023-03-01",
            "ends": "2023-06-30",
            "precision": "day",
        },
    )
    assert response.status_code == 200
    assert "overlapper en anden periode for samme tovholder (Albertslund" in response.content.decode()
    assert LeadPeriod.objects.count() == before


def test_another_municipality_may_lead_together_with_the_current_lead(client, secretariat, vip):
    client.force_login(secretariat)
    response = client.post(
        LEADS, {"organisation": _org("Brøndby").pk, "starts": "2023-03-01", "ends": "", "precision": "day"}
    )
    assert response.status_code == 302
    assert {o.name for o in vip[2].leads_on(date(2023, 5, 1))} == {"Albertslund", "Brøndby"}


def test_editing_a_period_to_overlap_is_refused_and_nothing_changes(client, secretariat, vip):
    client.force_login(secretariat)
    albertslund = _org("Albertslund")
    later = LeadPeriod.objects.create(
        project=vip[2], organisation=_org("Herlev"), starts=date(2025, 1, 1), ends=date(2025, 12, 31)
    )
    LeadPeriod.objects.create(project=vip[2], organisation=_org("Herlev"), starts=date(2027, 1, 1))
    response = client.post(
        f"{LEADS}{later.pk}/",
        {
            "organisation": later.organisation_id,
            "starts": "2025-01-01",
            "ends": "2028-01-01",
            "precision": "day",
        },
    )
    assert "overlapper" in response.content.decode()
    later.refresh_from_db()
    assert later.ends == date(2025, 12, 31)
    assert albertslund  # the seed's lead is untouched


@pytest.mark.parametrize(
    "data, message",
    [
        ({"starts": "2024-05-01", "ends": "2024-01-01"}, "kan ikke slutte, før den begynder"),
        ({"starts": "i morgen"}, "Indtast en gyldig dato"),
        ({"starts": ""}, "Dette felt er påkrævet"),
        ({"starts": "2024-01-01", "organisation": "999999"}, "gyldig valgmulighed"),
        ({"starts": "2024-01-01", "precision": "<script>"}, "gyldig valgmulighed"),
        ({"starts": "2024-01-01", "source": "x" * 5000}, "højst have 1000 tegn"),
    ],
)
def test_invalid_or_hostile_input_shows_the_form_again_and_saves_nothing(
    client, secretariat, vip, data, message
):
    client.force_login(secretariat)
    before = LeadPeriod.objects.count()
    response = client.post(LEADS, {"precision": "day", "organisation": "", **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert LeadPeriod.objects.count() == before


def test_the_secretariat_deletes_a_period_and_the_history_keeps_it(client, secretariat, vip):
    client.force_login(secretariat)
    period = LeadPeriod.objects.create(project=vip[2], organisation=_org("Herlev"), starts=date(2025, 1, 1))
    assert client.get(f"{LEADS}{period.pk}/slet/").status_code == 405
    response = client.post(f"{LEADS}{period.pk}/slet/")
    assert response.status_code == 302
    assert not LeadPeriod.objects.filter(pk=period.pk).exists()
    assert "Herlev slettet af sekretariat" in client.get(LEADS).content.decode()


def test_a_period_of_another_project_is_not_found_under_this_one(client, secretariat, vip):
    client.force_login(secretariat)
    other = LeadPeriod.objects.create(project=vip[3], organisation=_org("Herlev"), starts=date(2025, 1, 1))
    assert client.get(f"{LEADS}{other.pk}/").status_code == 404
    assert client.post(f"{LEADS}{other.pk}/slet/").status_code == 404
    assert LeadPeriod.objects.filter(pk=other.pk).exists()


def test_the_secretariat_sets_the_participants_and_theme_groups_stay(client, secretariat, vip):
    client.force_login(secretariat)
    theme_before = Participation.objects.filter(role=Participation.Role.THEME_GROUP).count()
    current = set(vip[2].participations.filter(role="participant").values_list("organisation_id", flat=True))
    wanted = (current - {_org("Tårnby").pk}) | {_org("Gentofte").pk}
    response = client.post(PARTICIPANTS, {"organisations": sorted(wanted)})
    assert response.status_code == 302
    now = set(vip[2].participations.filter(role="participant").values_list("organisation_id", flat=True))
    assert now == wanted
    assert Participation.objects.filter(role=Participation.Role.THEME_GROUP).count() == theme_before
    page = client.get(PARTICIPANTS).content.decode()
    assert "Gentofte oprettet af sekretariat" in page and "Tårnby slettet af sekretariat" in page


def test_participants_with_an_unknown_or_hostile_choice_are_refused_whole(client, secretariat, vip):
    client.force_login(secretariat)
    before = list(Participation.objects.order_by("pk").values_list("pk", flat=True))
    erhvervshus = _org("Erhvervshus Hovedstaden").pk  # not a municipality or the region
    for bad, message in (
        ([_org("Gentofte").pk, 999999], "gyldig valgmulighed"),
        ([_org("Gentofte").pk, erhvervshus], "gyldig valgmulighed"),
        (["1 OR 1=1"], "er ikke en gyldig værdi"),
    ):
        response = client.post(PARTICIPANTS, {"organisations": bad})
        assert response.status_code == 200
        assert message in response.content.decode()
    assert list(Participation.objects.order_by("pk").values_list("pk", flat=True)) == before


@pytest.mark.parametrize("who", ["board_member", "albertslund_member", "other_member", "erhvervshus_member"])
def test_only_the_secretariat_may_edit_leads_and_participants(client, request, vip, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    period = vip[2].lead_periods.first()
    before = LeadPeriod.objects.count()
    for url in ("/vip/administration/", LEADS, f"{LEADS}{period.pk}/", PARTICIPANTS):
        assert client.get(url).status_code == 403, url
    assert client.post(LEADS, {"starts": "2024-01-01", "precision": "day"}).status_code == 403
    assert client.post(f"{LEADS}{period.pk}/slet/").status_code == 403
    assert client.post(PARTICIPANTS, {"organisations": []}).status_code == 403
    assert LeadPeriod.objects.count() == before
    assert vip[2].participations.filter(role="participant").exists()


def test_the_project_list_has_a_fixed_query_budget(client, secretariat, vip, django_assert_max_num_queries):
    client.force_login(secretariat)
    with django_assert_max_num_queries(8):
        response = client.get("/vip/administration/")
    assert response.status_code == 200
    assert "Albertslund" in response.content.decode()


def test_the_leads_page_has_a_fixed_query_budget(client, secretariat, vip, django_assert_max_num_queries):
    for year in range(2030, 2050):
        LeadPeriod.objects.create(
            project=vip[2], organisation=_org("Herlev"), starts=date(year, 1, 1), ends=date(year, 6, 30)
        )
    client.force_login(secretariat)
    with django_assert_max_num_queries(10):
        assert client.get(LEADS).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(PARTICIPANTS).status_code == 200


def test_the_project_page_links_the_editors_for_the_secretariat_only(client, secretariat, board_member, vip):
    client.force_login(secretariat)
    assert LEADS in client.get("/vip/projekter/2/").content.decode()
    client.force_login(board_member)
    assert LEADS not in client.get("/vip/projekter/2/").content.decode()


def test_a_date_that_did_not_parse_is_not_echoed_into_the_date_picker(client, secretariat, vip):
    client.force_login(secretariat)
    page = client.post(
        LEADS, {"starts": "i morgen", "ends": "31-12-2025", "precision": "day"}
    ).content.decode()
    assert 'value="i morgen"' not in page  # type="date" allows only ISO dates (W3C Nu)
    assert 'name="ends" value="2025-12-31"' in page


def test_two_periods_without_a_lead_may_not_overlap_either(client, secretariat, vip):
    client.force_login(secretariat)
    before = LeadPeriod.objects.count()
    # The seed: VIP 2 had no lead "i 2022".
    response = client.post(
        LEADS, {"organisation": "", "starts": "2022-06-01", "ends": "", "precision": "day"}
    )
    assert "overlapper en anden periode for samme tovholder (ingen tovholder" in response.content.decode()
    assert LeadPeriod.objects.count() == before


def test_markup_in_a_note_is_shown_as_text(client, secretariat, vip):
    client.force_login(secretariat)
    client.post(
        LEADS,
        {
            "organisation": _org("Herlev").pk,
            "starts": "2030-01-01",
            "precision": "day",
            "source": "<script>x</script>",
        },
    )
    page = client.get(LEADS).content.decode()
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x</script>" not in page
