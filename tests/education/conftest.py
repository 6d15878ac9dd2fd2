import pytest

from education.models import Programme


@pytest.fixture
def education_data(organisations):
    return {p.slug: p for p in Programme.objects.all()}


@pytest.fixture
def helper(education_data):
    return education_data["social-og-sundhedshjaelper"]


@pytest.fixture
def assistant(education_data):
    return education_data["social-og-sundhedsassistent"]
