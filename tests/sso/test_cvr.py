"""The municipalities' CVR numbers: loaded with their source, kept when a person corrects one, shown."""

import pytest
from django.core.management import CommandError, call_command

from core import organisation_cvr
from core.models import Organisation

pytestmark = pytest.mark.django_db


def test_all_29_municipalities_have_a_sourced_valid_cvr(kkr_data):
    municipalities = Organisation.objects.municipalities()
    assert municipalities.count() == 29
    for organisation in municipalities:
        assert organisation_cvr.valid_cvr(organisation.cvr), organisation
        assert organisation.cvr_source_ref == organisation_cvr.SOURCE_REF
    # Nothing else got one: an organisation without a named source keeps an empty CVR.
    assert not Organisation.objects.exclude(kind="municipality").exclude(cvr=None).exists()


def test_the_check_digit_rule():
    assert organisation_cvr.valid_cvr(organisation_cvr.CVR_NUMBERS["Albertslund"])
    assert not organisation_cvr.valid_cvr("12345678")
    assert not organisation_cvr.valid_cvr("1234567")
    assert not organisation_cvr.valid_cvr("abcdefgh")


def test_a_correction_by_a_person_survives_the_next_load(kkr_data, secretariat):
    call_command("organisation_cvr", "Albertslund", "--clear", "--by", secretariat.username)
    albertslund = Organisation.objects.get(name="Albertslund")
    assert albertslund.cvr is None
    assert albertslund.history.first().history_user == secretariat
    call_command("load_kkr_data")
    assert Organisation.objects.get(name="Albertslund").cvr is None


def test_the_command_refuses_bad_input(kkr_data):
    with pytest.raises(CommandError, match="gyldigt"):
        call_command("organisation_cvr", "Albertslund", "12345678")
    with pytest.raises(CommandError, match="bruges allerede"):
        call_command("organisation_cvr", "Albertslund", organisation_cvr.CVR_NUMBERS["Ballerup"])
    with pytest.raises(CommandError, match="Ukendt organisation"):
        call_command("organisation_cvr", "Atlantis", "--clear")
    with pytest.raises(CommandError):
        call_command("organisation_cvr", "Albertslund")
    assert Organisation.objects.get(name="Albertslund").cvr == organisation_cvr.CVR_NUMBERS["Albertslund"]


def test_the_organisation_page_shows_the_cvr_or_that_it_is_missing(client, kkr_data, board_member):
    client.force_login(board_member)
    page = client.get("/organisationer/albertslund/").content.decode()
    assert organisation_cvr.CVR_NUMBERS["Albertslund"] in page
    Organisation.objects.filter(name="Albertslund").update(cvr=None)
    assert "CVR-nummer: mangler" in client.get("/organisationer/albertslund/").content.decode()
