import pytest

from core.models import Organisation, User
from infrastructure.models import Project


@pytest.fixture
def infra(organisations):
    """The seed's ten projects, criteria and TM274 budget (loaded once per test database)."""
    return {p.slug: p for p in Project.objects.all()}


@pytest.fixture
def hilleroed_member(organisations):
    user = User.objects.create_user(username="hilleroed", password="pw-for-tests")
    user.organisation = Organisation.objects.get(name="Hillerød")
    user.save()
    return user


@pytest.fixture
def led_project(infra, organisations):
    """Hillerød Station with Hillerød as its lead (set by the secretariat; the seed names no lead)."""
    project = infra["hilleroed-station"]
    project.leads.add(organisations["Hillerød"])
    return project
