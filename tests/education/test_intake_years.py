"""The realised-intake pages take their year from the URL: a year without an allocation is a 404."""

import pytest
from django.urls import reverse

from core.models import Organisation
from education.models import Allocation, Programme, RealisedIntake

pytestmark = pytest.mark.django_db


@pytest.fixture
def allocated(kkr_data):
    allocation = Allocation.objects.select_related("programme").order_by("year").first()
    return allocation.year, allocation.programme


def full_form(value="12"):
    return {f"m{m.pk}": value for m in Organisation.objects.municipalities()}


@pytest.mark.parametrize("year", [0, 1999, 99999, 10**12])
def test_a_year_without_allocation_is_not_found_and_stores_nothing(client, secretariat, allocated, year):
    _real_year, programme = allocated
    client.force_login(secretariat)
    client.raise_request_exception = False
    edit = f"/education/optag/{year}/{programme.slug}/rediger/"
    assert client.get(edit).status_code == 404
    assert client.post(edit, full_form()).status_code == 404
    assert client.get(f"/education/optag/{year}/{programme.slug}/").status_code == 404
    assert not RealisedIntake.objects.exists()


def test_an_allocated_year_still_takes_intake(client, secretariat, allocated):
    year, programme = allocated
    client.force_login(secretariat)
    response = client.post(reverse("education:intake_edit", args=[year, programme.slug]), full_form("3"))
    assert response.status_code == 302
    assert RealisedIntake.objects.filter(year=year, programme=programme).count() == 29


def test_every_allocated_programme_has_an_allocation_to_measure_against(kkr_data):
    assert Programme.objects.filter(is_allocated=True, allocations__isnull=True).count() == 0
