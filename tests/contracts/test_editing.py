"""The portal's editors for the contract: a target's figures, and measurements pasted for every municipality."""

from datetime import date
from decimal import Decimal

import pytest

from contracts.models import Measurement, Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(contract):
    """2.1.2: collective guidance, counted per municipality (an estimate of about 1,250 in the source)."""
    return Target.objects.get(goal__contract=contract, code="2.1.2")


def _paste(client, target, lines, **extra):
    data = {"measured_on": "31-12-2023", "source": "own_count", "lines": lines, "note": "", **extra}
    return client.post(f"/contracts/delmaal/{target.pk}/indsaet/", data)


def _token(response):
    import re

    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    return match and match.group(1)


# --- a target's figures --------------------------------------------------------------------------------


def test_the_secretariat_changes_a_threshold_with_a_decimal_comma_and_the_history_says_who(
    client, secretariat, target
):
    client.force_login(secretariat)
    url = f"/contracts/delmaal/{target.pk}/ret/"
    page = client.get(url).content.decode()
    assert 'value="50,00"' in page and 'value="33,00"' in page
    response = client.post(
        url,
        {
            "comparison": "at_least",
            "threshold": "52,5",
            "baseline_value": "33",
            "baseline_label": "sept. 2020",
            "weight": "1",
            "expected_text": "",
            "expected_on": "",
            "portal_note": "",
        },
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.threshold == Decimal("52.5")
    assert target.history.first().history_user == secretariat
    page = client.get(url).content.decode()
    assert "ændret af sekretariat" in page


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("threshold", "150", "mellem 0 og 100"),
        ("threshold", "abc", "Indtast et tal"),
        ("threshold", "1e5", "mellem 0 og 100"),
        ("baseline_value", "-5", "mellem 0 og 100"),
        ("weight", "0", "større end 0"),
        ("expected_on", "31-02-2024", "gyldig dato"),
        ("comparison", "<script>", "gyldig valgmulighed"),
        ("portal_note", "x" * 5000, "højst have 1000 tegn"),
    ],
)
def test_invalid_target_values_show_the_form_again_and_change_nothing(
    client, secretariat, target, field, value, message
):
    client.force_login(secretariat)
    data = {
        "comparison": "at_least",
        "threshold": "50",
        "baseline_value": "33",
        "baseline_label": "",
        "weight": "1",
        "expected_text": "",
        "expected_on": "",
        "portal_note": "",
        field: value,
    }
    response = client.post(f"/contracts/delmaal/{target.pk}/ret/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    target.refresh_from_db()
    assert target.threshold == Decimal(50) and target.baseline_value == Decimal(33)
    assert target.history.count() == 1


def test_a_milestone_target_offers_no_threshold(client, secretariat, contract):
    milestone = Target.objects.filter(goal__contract=contract, kind="milestone").first()
    client.force_login(secretariat)
    page = client.get(f"/contracts/delmaal/{milestone.pk}/ret/").content.decode()
    assert 'name="threshold"' not in page and 'name="weight"' in page


@pytest.mark.parametrize("who", ["board_member", "albertslund_member", "erhvervshus_member", "plain_user"])
def test_only_the_secretariat_edits_targets(client, request, target, who):
    client.force_login(request.getfixturevalue(who))
    url = f"/contracts/delmaal/{target.pk}/ret/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"threshold": "1", "weight": "1", "comparison": "at_least"}).status_code == 403
    target.refresh_from_db()
    assert target.threshold == Decimal(50)


# --- measurements for every municipality, pasted --------------------------------------------------------


def test_a_pasted_column_is_previewed_then_saved_all_at_once(client, secretariat, counted):
    client.force_login(secretariat)
    lines = "Albertslund;12\nGentofte\t1.250\n\nlyngby-tårbæk;3,0\n"
    response = _paste(client, counted, lines)
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 målinger er klar til at blive gemt" in page
    assert Measurement.objects.filter(target=counted).count() == 0
    response = client.post(f"/contracts/delmaal/{counted.pk}/indsaet/gem/", {"token": _token(response)})
    assert response.status_code == 302
    saved = {
        m.municipality.name: m.value
        for m in Measurement.objects.filter(target=counted).select_related("municipality")
    }
    assert saved == {"Albertslund": Decimal(12), "Gentofte": Decimal(1250), "Lyngby-Taarbæk": Decimal(3)}
    assert all(
        m.entered_by == secretariat and m.measured_on == date(2023, 12, 31) and m.source == "own_count"
        for m in Measurement.objects.filter(target=counted)
    )
    # The token is used up: a second post saves nothing more.
    again = client.post(f"/contracts/delmaal/{counted.pk}/indsaet/gem/", {"token": _token(response) or "x"})
    assert again.status_code == 302
    assert Measurement.objects.filter(target=counted).count() == 3


def test_unknown_names_get_suggestions_and_nothing_is_saved(client, secretariat, counted):
    client.force_login(secretariat)
    response = _paste(client, counted, "Albertslund;12\nGentofe;4\nRegion Hovedstaden;2\n")
    page = response.content.decode()
    assert "Ukendt kommune «Gentofe». Mente du: Gentofte?" in page
    assert "Ukendt kommune «Region Hovedstaden»" in page  # a region is not a municipality
    assert "2 linjer har fejl" in page
    assert _token(response) is None
    assert Measurement.objects.filter(target=counted).count() == 0


@pytest.mark.parametrize(
    "lines, message",
    [
        ("Albertslund 12", "adskilt af semikolon"),
        ("Albertslund;", "Værdi mangler"),
        ("Albertslund;tolv", "er ikke et tal"),
        ("Albertslund;-3", "kan ikke være negativt"),
        ("Albertslund;99999999999", "for stort"),
        ("Albertslund;1\nAlbertslund;2", "står også i linje 1"),
        ('=HYPERLINK("http://x");1', "Ukendt kommune"),
    ],
)
def test_bad_lines_are_answered_line_by_line_and_nothing_is_saved(
    client, secretariat, counted, lines, message
):
    client.force_login(secretariat)
    response = _paste(client, counted, lines)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _token(response) is None
    assert Measurement.objects.filter(target=counted).count() == 0


def test_an_existing_measurement_on_the_date_is_a_duplicate(client, secretariat, counted, organisations):
    Measurement.objects.create(
        target=counted,
        measured_on=date(2023, 12, 31),
        value=1,
        municipality=organisations["Herlev"],
        source="own_count",
    )
    client.force_login(secretariat)
    response = _paste(client, counted, "Herlev;5\nBallerup;2")
    assert "findes allerede en måling for kommunen" in response.content.decode()
    assert Measurement.objects.filter(target=counted).count() == 1


def test_a_measurement_saved_between_preview_and_commit_stops_the_whole_paste(
    client, secretariat, counted, organisations
):
    client.force_login(secretariat)
    response = _paste(client, counted, "Herlev;5\nBallerup;2")
    token = _token(response)
    Measurement.objects.create(
        target=counted,
        measured_on=date(2023, 12, 31),
        value=1,
        municipality=organisations["Herlev"],
        source="own_count",
    )
    response = client.post(f"/contracts/delmaal/{counted.pk}/indsaet/gem/", {"token": token}, follow=True)
    assert "Intet er gemt" in response.content.decode()
    assert Measurement.objects.filter(target=counted).count() == 1


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"lines": "x" * 10_001}, "højst have 10000 tegn"),
        ({"lines": "\n".join(f"Albertslund;{i}" for i in range(101))}, "Højst 100 linjer"),
        ({"measured_on": "i går"}, "gyldig dato"),
        ({"source": "hacker"}, "gyldig valgmulighed"),
        ({"lines": ""}, "påkrævet"),
    ],
)
def test_an_invalid_or_oversized_paste_shows_the_form_again(client, secretariat, counted, extra, message):
    client.force_login(secretariat)
    data = {"lines": "Albertslund;1", **extra}
    response = _paste(client, counted, data.pop("lines"), **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Measurement.objects.filter(target=counted).count() == 0


def test_a_forged_token_saves_nothing(client, secretariat, counted):
    client.force_login(secretariat)
    response = client.post(f"/contracts/delmaal/{counted.pk}/indsaet/gem/", {"token": "forged"}, follow=True)
    assert "udløbet" in response.content.decode()
    assert Measurement.objects.filter(target=counted).count() == 0


def test_a_target_not_counted_per_municipality_has_no_paste(client, secretariat, target):
    client.force_login(secretariat)
    assert client.get(f"/contracts/delmaal/{target.pk}/indsaet/").status_code == 404


def test_the_business_hub_may_paste_its_counts(client, erhvervshus_member, counted):
    client.force_login(erhvervshus_member)
    response = _paste(client, counted, "Albertslund;4")
    client.post(f"/contracts/delmaal/{counted.pk}/indsaet/gem/", {"token": _token(response)})
    assert Measurement.objects.get(target=counted).entered_by == erhvervshus_member


@pytest.mark.parametrize("who", ["board_member", "albertslund_member", "plain_user"])
def test_others_may_not_paste(client, request, counted, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/contracts/delmaal/{counted.pk}/indsaet/").status_code == 403
    assert _paste(client, counted, "Albertslund;4").status_code == 403
    assert client.post(f"/contracts/delmaal/{counted.pk}/indsaet/gem/", {"token": "x"}).status_code == 403
    assert client.get("/contracts/administration/").status_code == 403


# --- the list of targets ---------------------------------------------------------------------------


def test_the_target_list_links_the_editors_each_user_may_use(
    client, secretariat, erhvervshus_member, counted
):
    client.force_login(secretariat)
    page = client.get("/contracts/administration/").content.decode()
    assert f"/contracts/delmaal/{counted.pk}/ret/" in page
    assert f"/contracts/delmaal/{counted.pk}/indsaet/" in page
    client.force_login(erhvervshus_member)
    page = client.get("/contracts/2023/administration/").content.decode()
    assert f"/contracts/delmaal/{counted.pk}/ret/" not in page
    assert f"/contracts/delmaal/{counted.pk}/indsaet/" in page
    assert client.get("/contracts/1999/administration/").status_code == 404


def test_the_target_list_has_a_fixed_query_budget(
    client, secretariat, ten_years_of_monthly_data, django_assert_max_num_queries
):
    client.force_login(secretariat)
    with django_assert_max_num_queries(8):
        response = client.get("/contracts/administration/")
    assert response.status_code == 200
    assert "1.1" in response.content.decode()


def test_the_target_page_links_the_editors_for_those_who_may_use_them(
    client, secretariat, board_member, counted
):
    client.force_login(secretariat)
    page = client.get(f"/contracts/delmaal/{counted.pk}/").content.decode()
    assert (
        f"/contracts/delmaal/{counted.pk}/indsaet/" in page
        and f"/contracts/delmaal/{counted.pk}/ret/" in page
    )
    client.force_login(board_member)
    page = client.get(f"/contracts/delmaal/{counted.pk}/").content.decode()
    assert "/indsaet/" not in page and f"/contracts/delmaal/{counted.pk}/ret/" not in page


# --- a new target, deleting one --------------------------------------------------------------------

NEW = "/contracts/2023/maal/1/nyt-delmaal/"


def _new_target(**extra):
    return {
        "code": "1.9",
        "text": "Mindst 40 nyhedsbreve",
        "measured": "",
        "kind": "level",
        "unit": "count",
        "comparison": "at_least",
        "threshold": "40",
        "aggregation": "sum",
        "source": "own_count",
        "weight": "1",
        **extra,
    }


def test_the_secretariat_creates_a_target_marked_as_its_own(client, secretariat, contract):
    client.force_login(secretariat)
    response = client.post(NEW, _new_target(threshold="1.250,5"))
    assert response.status_code == 302
    created = Target.objects.get(goal__contract=contract, code="1.9")
    assert created.threshold == Decimal("1250.5") and created.source_ref == "" and created.parent is None
    assert created.history.first().history_user == secretariat


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"code": "1.1"}, "har allerede et delmål med koden 1.1"),
        ({"code": "2.9"}, "skal begynde med målets nummer, 1"),
        ({"code": "1.9; DROP TABLE"}, "Skriv koden som fx"),
        ({"threshold": ""}, "skal have et mål"),
        ({"unit": ""}, "skal have en enhed"),
        ({"unit": "percent", "threshold": "120"}, "mellem 0 og 100"),
        ({"kind": "segment", "unit": "percent", "threshold": "80"}, "Vælg mindst ét segment"),
        ({"kind": "parts", "threshold": ""}, "Vælg reglen for delene"),
        ({"kind": "nonsense"}, "gyldig valgmulighed"),
        ({"text": "x" * 2001}, "højst have 2000 tegn"),
        ({"parent": str(10**9)}, "gyldig valgmulighed"),
    ],
)
def test_an_invalid_new_target_shows_the_form_again_and_creates_nothing(
    client, secretariat, contract, extra, message
):
    client.force_login(secretariat)
    before = Target.objects.count()
    response = client.post(NEW, _new_target(**extra))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Target.objects.count() == before


def test_a_target_without_measurements_is_deleted_one_with_measurements_is_kept(
    client, secretariat, contract, target
):
    client.force_login(secretariat)
    client.post(NEW, _new_target())
    created = Target.objects.get(goal__contract=contract, code="1.9")
    assert client.get(f"/contracts/delmaal/{created.pk}/slet/").status_code == 405
    assert client.post(f"/contracts/delmaal/{created.pk}/slet/").status_code == 302
    assert not Target.objects.filter(pk=created.pk).exists()
    Measurement.objects.create(
        target=target, measured_on=date(2023, 9, 1), value=40, source="external_survey"
    )
    response = client.post(f"/contracts/delmaal/{target.pk}/slet/", follow=True)
    assert "slettes ikke" in response.content.decode()
    assert Target.objects.filter(pk=target.pk).exists()


@pytest.mark.parametrize("who", ["board_member", "albertslund_member", "erhvervshus_member"])
def test_only_the_secretariat_creates_or_deletes_targets(client, request, target, who):
    client.force_login(request.getfixturevalue(who))
    before = Target.objects.count()
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, _new_target()).status_code == 403
    assert client.post(f"/contracts/delmaal/{target.pk}/slet/").status_code == 403
    assert Target.objects.count() == before


# --- deleting a wrong measurement -------------------------------------------------------------------


def test_a_wrong_measurement_is_deleted_in_the_portal_and_the_snapshot_follows(
    client, secretariat, target, django_capture_on_commit_callbacks
):
    from contracts.models import FulfilmentSnapshot

    measurement = Measurement.objects.create(
        target=target, measured_on=date(2023, 5, 1), value=40, source="external_survey"
    )
    client.force_login(secretariat)
    page = client.get(f"/contracts/delmaal/{target.pk}/").content.decode()
    assert f"/contracts/maaling/{measurement.pk}/slet/" in page
    assert client.get(f"/contracts/maaling/{measurement.pk}/slet/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/contracts/maaling/{measurement.pk}/slet/")
    assert response.status_code == 302
    assert not Measurement.objects.filter(pk=measurement.pk).exists()
    assert Measurement.history.filter(id=measurement.pk, history_type="-").get().history_user == secretariat
    status = FulfilmentSnapshot.objects.latest("computed_at").target_statuses.get(target=target)
    assert status.value is None
    assert client.post("/contracts/maaling/999999/slet/").status_code == 404


@pytest.mark.parametrize("who", ["board_member", "albertslund_member", "plain_user"])
def test_others_may_not_delete_measurements(client, request, target, who):
    measurement = Measurement.objects.create(
        target=target, measured_on=date(2023, 5, 1), value=40, source="external_survey"
    )
    client.force_login(request.getfixturevalue(who))
    assert (
        f"/contracts/maaling/{measurement.pk}/slet/"
        not in client.get(f"/contracts/delmaal/{target.pk}/").content.decode()
    )
    assert client.post(f"/contracts/maaling/{measurement.pk}/slet/").status_code == 403
    assert Measurement.objects.filter(pk=measurement.pk).exists()


def test_markup_in_a_pasted_name_is_shown_as_text(client, secretariat, counted):
    client.force_login(secretariat)
    page = _paste(client, counted, "<img src=x onerror=alert(1)>;1").content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page


def test_the_target_editor_shows_who_entered_and_deleted_measurements(
    client, secretariat, counted, organisations
):
    client.force_login(secretariat)
    response = _paste(client, counted, "Herlev;5")
    client.post(f"/contracts/delmaal/{counted.pk}/indsaet/gem/", {"token": _token(response)})
    measurement = Measurement.objects.get(target=counted)
    client.post(f"/contracts/maaling/{measurement.pk}/slet/")
    page = client.get(f"/contracts/delmaal/{counted.pk}/ret/").content.decode()
    assert "Måling 31. december 2023 Herlev oprettet af sekretariat" in page
    assert "Måling 31. december 2023 Herlev slettet af sekretariat" in page
