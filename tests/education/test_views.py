"""The allocation pages: who may read and change what, and what changes are stored."""

import pytest
from django.urls import reverse

from education.models import Allocation, AllocationMove, AllocationRow, LocalStrategy, RealisedIntake

pytestmark = pytest.mark.django_db

HELPER = "social-og-sundhedshjaelper"
ASSISTANT = "social-og-sundhedsassistent"


def table_url(year=2023, programme=ASSISTANT):
    return reverse("education:allocation", args=[year, programme])


@pytest.fixture
def approved_2023(education_data):
    return Allocation.objects.get(year=2023, programme__slug=ASSISTANT)


@pytest.fixture
def draft(approved_2023):
    from education import services

    return services.allocation_new_version(allocation=approved_2023)


# --- reading -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["secretariat", "board_member", "albertslund_member"])
def test_board_members_and_secretariat_read_the_allocation_table(client, request, who, education_data):
    client.force_login(request.getfixturevalue(who))
    response = client.get(table_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "1.776" in html and "1.793" in html  # Danish thousands, this year and the previous beside it
    assert html.count('<th scope="row"><a href="/organisationer/') == 29
    assert "-17" in html  # the total's change 1.793 → 1.776


def test_a_user_without_role_or_organisation_gets_403(client, plain_user, education_data):
    client.force_login(plain_user)
    assert client.get(table_url()).status_code == 403
    assert client.get(reverse("education:index")).status_code == 403
    assert client.get(reverse("education:strategy")).status_code == 403


def test_the_allocation_table_shows_each_row_and_the_change(client, board_member, education_data):
    client.force_login(board_member)
    html = client.get(table_url(2023, HELPER)).content.decode()
    assert "Frederiksberg" in html and ">47<" in html and ">49<" in html and ">-2<" in html
    assert "853" in html and "849" in html
    assert "<svg" in html  # the chart beside the table


def test_an_unknown_year_is_404(client, board_member, education_data):
    client.force_login(board_member)
    assert client.get(table_url(1999)).status_code == 404
    assert client.get(reverse("education:allocation", args=[2023, "laereruddannelsen"])).status_code == 404


def test_the_allocation_table_has_a_query_budget(
    client, board_member, education_data, django_assert_max_num_queries
):
    client.force_login(board_member)
    with django_assert_max_num_queries(14):
        assert client.get(table_url()).status_code == 200


def test_index_lists_the_four_seeded_allocations(client, board_member, education_data):
    client.force_login(board_member)
    html = client.get(reverse("education:index")).content.decode()
    # Seed lines 3106-3131 lay the table before KKR (item 3.8) with no decision: "forelagt", not "godkendt".
    assert html.count("forelagt KKR (ingen beslutning i kilden)") == 4
    assert "godkendt" not in html


# --- moving places, approving, versions ----------------------------------------------------------------


def test_approved_allocation_refuses_a_move(client, secretariat, approved_2023, organisations):
    client.force_login(secretariat)
    response = client.post(
        reverse("education:allocation_move", args=[approved_2023.pk]),
        {
            "from_municipality": organisations["København"].pk,
            "to_municipality": organisations["Bornholm"].pk,
            "places": 2,
            "reason": "test",
        },
    )
    assert response.status_code == 200
    assert "låst" in response.content.decode()
    assert AllocationRow.objects.get(allocation=approved_2023, municipality__name="Bornholm").places == 69


def test_the_secretariat_moves_places_with_a_reason_and_the_total_stays(
    client, secretariat, draft, organisations
):
    client.force_login(secretariat)
    response = client.post(
        reverse("education:allocation_move", args=[draft.pk]),
        {
            "from_municipality": organisations["København"].pk,
            "to_municipality": organisations["Bornholm"].pk,
            "places": "2",
            "reason": "Bornholm har flere elever i forløb",
        },
    )
    assert response.status_code == 302
    rows = {r.municipality.name: r for r in draft.rows.select_related("municipality")}
    assert rows["København"].places == 440 and rows["Bornholm"].places == 71
    assert "Bornholm har flere elever i forløb" in rows["Bornholm"].reason
    assert sum(r.places for r in rows.values()) == 1776
    move = AllocationMove.objects.get()
    assert move.moved_by == secretariat and move.places == 2


def test_a_move_without_reason_is_shown_again_and_saves_nothing(client, secretariat, draft, organisations):
    client.force_login(secretariat)
    response = client.post(
        reverse("education:allocation_move", args=[draft.pk]),
        {
            "from_municipality": organisations["København"].pk,
            "to_municipality": organisations["Bornholm"].pk,
            "places": "2",
        },
    )
    assert response.status_code == 200
    assert not AllocationMove.objects.exists()


def test_a_move_of_more_places_than_the_municipality_has_is_refused(
    client, secretariat, draft, organisations
):
    client.force_login(secretariat)
    response = client.post(
        reverse("education:allocation_move", args=[draft.pk]),
        {
            "from_municipality": organisations["Dragør"].pk,
            "to_municipality": organisations["Bornholm"].pk,
            "places": "19",
            "reason": "for mange",
        },
    )
    assert response.status_code == 200 and "har kun 18 pladser" in response.content.decode()
    assert AllocationRow.objects.get(allocation=draft, municipality__name="Dragør").places == 18


@pytest.mark.parametrize("who", ["board_member", "albertslund_member"])
def test_read_only_users_get_403_on_every_change(client, request, who, draft, organisations):
    client.force_login(request.getfixturevalue(who))
    for name in ("allocation_move", "allocation_approve", "allocation_new_version"):
        assert client.post(reverse(f"education:{name}", args=[draft.pk]), {}).status_code == 403
    assert client.get(reverse("education:calculator")).status_code == 403
    assert client.get(reverse("education:import", args=["fordeling"])).status_code == 403
    assert client.get(reverse("education:intake_edit", args=[2023, ASSISTANT])).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Allocation.Status.DRAFT


def test_post_only_views_refuse_get_with_405(client, secretariat, draft):
    client.force_login(secretariat)
    for name in ("allocation_move", "allocation_approve", "allocation_new_version"):
        assert client.get(reverse(f"education:{name}", args=[draft.pk])).status_code == 405
    assert client.get(reverse("education:import_commit", args=["fordeling"])).status_code == 405


def test_approval_locks_and_a_change_afterwards_is_a_new_version(client, secretariat, draft):
    client.force_login(secretariat)
    assert client.post(reverse("education:allocation_approve", args=[draft.pk])).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Allocation.Status.APPROVED and draft.approved_by == secretariat
    assert draft.version == 2
    response = client.post(reverse("education:allocation_new_version", args=[draft.pk]))
    assert response.status_code == 302
    newest = Allocation.objects.filter(year=2023, programme__slug=ASSISTANT).order_by("-version").first()
    assert newest.version == 3 and newest.status == Allocation.Status.DRAFT
    assert sum(newest.rows.values_list("places", flat=True)) == 1776
    assert draft.history.count() == 2  # created, approved


# --- calculator ------------------------------------------------------------------------------------------


def test_the_calculator_splits_a_total_by_the_previous_year_and_saves_a_draft(
    client, secretariat, education_data
):
    client.force_login(secretariat)
    helper = education_data[HELPER]
    response = client.post(
        reverse("education:calculator"),
        {
            "action": "calculate",
            "year": "2024",
            "programme": helper.pk,
            "total": "1.000",
            "key_source": "previous",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="calculation"' in html and "1.000" in html
    assert not Allocation.objects.filter(year=2024).exists()
    response = client.post(
        reverse("education:calculator"), {"action": "save", "token": response.context["token"]}
    )
    assert response.status_code == 302
    allocation = Allocation.objects.get(year=2024, programme=helper)
    assert allocation.status == Allocation.Status.DRAFT and allocation.total == 1000
    assert sum(allocation.rows.values_list("places", flat=True)) == 1000
    assert allocation.rows.count() == 29


def test_the_calculator_without_a_previous_year_says_so(client, secretariat, education_data):
    client.force_login(secretariat)
    response = client.post(
        reverse("education:calculator"),
        {
            "action": "calculate",
            "year": "2030",
            "programme": education_data[HELPER].pk,
            "total": "10",
            "key_source": "previous",
        },
    )
    assert response.status_code == 200
    assert "Der er ingen godkendt fordeling for 2029" in response.content.decode()


def test_the_calculator_refuses_an_all_zero_key_file(client, secretariat, education_data, organisations):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(secretariat)
    lines = ["Kommune;Nøgle"] + [f"{m.name};0" for m in organisations.values() if m.is_municipality]
    upload = SimpleUploadedFile("noegle.csv", "\n".join(lines).encode())
    response = client.post(
        reverse("education:calculator"),
        {
            "action": "calculate",
            "year": "2024",
            "programme": education_data[HELPER].pk,
            "total": "10",
            "key_source": "file",
            "key_file": upload,
        },
    )
    assert response.status_code == 200
    assert "Summen af nøglen er 0" in response.content.decode()
    assert not Allocation.objects.filter(year=2024).exists()


# --- realised intake -------------------------------------------------------------------------------------


def test_the_secretariat_records_intake_and_a_municipality_below_is_flagged(
    client, secretariat, education_data
):
    client.force_login(secretariat)
    url = reverse("education:intake_edit", args=[2023, ASSISTANT])
    assert client.get(url).status_code == 200
    from core.models import Organisation

    gentofte = Organisation.objects.get(name="Gentofte")
    albertslund = Organisation.objects.get(name="Albertslund")
    response = client.post(url, {f"m{gentofte.pk}": "80", f"m{albertslund.pk}": "28"})
    assert response.status_code == 302
    assert RealisedIntake.objects.get(municipality=gentofte, year=2023).places == 80
    html = client.get(reverse("education:fulfilment", args=[2023, ASSISTANT])).content.decode()
    assert "under fordelingen (6 pladser mangler)" in html  # Gentofte: 80 of 86
    assert "fordelingen er opfyldt" in html  # Albertslund 28 of 28
    assert "93,0 %" in html


def test_bad_intake_is_shown_again_and_saves_nothing(client, secretariat, education_data):
    from core.models import Organisation

    client.force_login(secretariat)
    gentofte = Organisation.objects.get(name="Gentofte")
    response = client.post(
        reverse("education:intake_edit", args=[2023, ASSISTANT]), {f"m{gentofte.pk}": "-3"}
    )
    assert response.status_code == 200
    assert not RealisedIntake.objects.exists()


def test_the_fulfilment_view_has_a_query_budget(
    client, board_member, education_data, django_assert_max_num_queries
):
    client.force_login(board_member)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("education:fulfilment", args=[2023, ASSISTANT])).status_code == 200


# --- strategy ----------------------------------------------------------------------------------------------


def test_the_strategy_page_shows_the_texts(client, albertslund_member, education_data):
    client.force_login(albertslund_member)
    html = client.get(reverse("education:strategy")).content.decode()
    assert "Pædagogisk assistentuddannelse (PAU)" in html
    assert "Taskforce for uddannelse og rekruttering" in html
    assert "Fremstille og positionere kommunerne som attraktive arbejdspladser" in html


def test_a_municipality_edits_its_own_local_strategy(client, albertslund_member, education_data):
    client.force_login(albertslund_member)
    url = reverse("education:local_strategy_edit", args=["albertslund"])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"exists": "true", "adopted": "2022-03-01", "url": "https://example.org/s", "note": ""}
    )
    assert response.status_code == 302
    strategy = LocalStrategy.objects.get(municipality__name="Albertslund")
    assert strategy.exists is True and str(strategy.adopted) == "2022-03-01"
    assert strategy.history.first().history_user == albertslund_member


def test_another_municipality_cannot_edit_it(client, other_member, education_data):
    client.force_login(other_member)
    url = reverse("education:local_strategy_edit", args=["albertslund"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"exists": "false"}).status_code == 403
    assert LocalStrategy.objects.get(municipality__name="Albertslund").exists is True


def test_the_secretariat_edits_any_local_strategy(client, secretariat, education_data):
    client.force_login(secretariat)
    url = reverse("education:local_strategy_edit", args=["gentofte"])
    assert client.post(url, {"exists": "false", "adopted": "", "url": "", "note": "x"}).status_code == 302
    assert LocalStrategy.objects.get(municipality__name="Gentofte").exists is False


def test_a_bad_link_is_shown_again(client, secretariat, education_data):
    client.force_login(secretariat)
    url = reverse("education:local_strategy_edit", args=["gentofte"])
    assert client.post(url, {"exists": "true", "url": "not a url"}).status_code == 200
    assert LocalStrategy.objects.get(municipality__name="Gentofte").url == ""


def _key_upload(organisations, *, value=lambda m: 1, name="noegle.csv", xlsx=False):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from education import importers

    municipalities = sorted((m for m in organisations.values() if m.is_municipality), key=lambda m: m.name)
    rows = [(m.name, value(m)) for m in municipalities]
    if xlsx:
        content = importers.export_bytes("xlsx", rows, value_label="Nøgle", with_total=False)
        return SimpleUploadedFile("noegle.xlsx", content)
    lines = ["Kommune;Nøgle"] + [f"{n};{v}" for n, v in rows]
    return SimpleUploadedFile(name, "\n".join(lines).encode())


@pytest.mark.parametrize("xlsx", [False, True])
def test_the_calculator_uses_an_imported_key_file(client, secretariat, education_data, organisations, xlsx):
    client.force_login(secretariat)
    # København gets key 2, everyone else 1: 30 key units, total 300 → 20 to København, 10 to each other.
    upload = _key_upload(organisations, value=lambda m: 2 if m.name == "København" else 1, xlsx=xlsx)
    response = client.post(
        reverse("education:calculator"),
        {
            "action": "calculate",
            "year": "2024",
            "programme": education_data[HELPER].pk,
            "total": "300",
            "key_source": "file",
            "key_file": upload,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "6,67 %" in html and "20,000" in html  # København's key share and exact quota
    token = response.context["token"]
    assert client.post(reverse("education:calculator"), {"action": "save", "token": token}).status_code == 302
    allocation = Allocation.objects.get(year=2024)
    places = {r.municipality.name: r.places for r in allocation.rows.select_related("municipality")}
    assert places["København"] == 20 and places["Bornholm"] == 10 and sum(places.values()) == 300


def test_a_key_file_with_errors_lists_them_and_calculates_nothing(
    client, secretariat, education_data, organisations
):
    client.force_login(secretariat)
    upload = _key_upload(organisations, value=lambda m: "abc" if m.name == "Herlev" else 1)
    response = client.post(
        reverse("education:calculator"),
        {
            "action": "calculate",
            "year": "2024",
            "programme": education_data[HELPER].pk,
            "total": "300",
            "key_source": "file",
            "key_file": upload,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "«abc» er ikke et tal" in html and 'id="calculation"' not in html
    assert client.post(reverse("education:calculator"), {"action": "save"}).status_code == 302
    assert not Allocation.objects.filter(year=2024).exists()


def test_the_allocation_page_shows_who_approved_it(client, secretariat, draft):
    client.force_login(secretariat)
    client.post(reverse("education:allocation_approve", args=[draft.pk]))
    html = client.get(table_url() + "?version=2").content.decode()
    assert "Hvem ændrede fordelingen og hvornår" in html
    assert "sekretariat" in html and "ændret" in html and "oprettet" in html


# --- what the page says about the loaded state ------------------------------------------------------------


def test_the_loaded_allocation_says_it_was_presented_not_approved(client, board_member, approved_2023):
    client.force_login(board_member)
    html = client.get(table_url()).content.decode()
    assert "Forelagt KKR; kilden angiver ingen beslutning" in html
    assert "Godkendt og låst" not in html
    assert "Kilde: Dagsordenens punkt 3.8" in html


def test_the_secretariat_records_kkrs_approval_of_a_presented_allocation(client, secretariat, approved_2023):
    client.force_login(secretariat)
    assert "Registrér KKR's godkendelse" in client.get(table_url()).content.decode()
    client.post(reverse("education:allocation_approve", args=[approved_2023.pk]))
    approved_2023.refresh_from_db()
    assert approved_2023.status == Allocation.Status.APPROVED and approved_2023.approved_by == secretariat
    assert "Godkendt og låst" in client.get(table_url()).content.decode()


def test_the_strategy_page_shows_a_draft_with_its_source(client, board_member, education_data):
    client.force_login(board_member)
    html = client.get(reverse("education:strategy")).content.decode()
    assert "Et udkast (november 2022), lagt frem for KKR som dagsordenens punkt 3.7" in html
    assert "Kilde: Dagsordenens punkt 3.7" in html
