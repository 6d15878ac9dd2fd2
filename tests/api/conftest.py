import pytest

from api.models import ApiToken


@pytest.fixture
def token_for():
    """A live API key for a user: {'HTTP_AUTHORIZATION': 'Bearer kkr_…'} for the test client."""

    def make(user, days=30):
        _token, key = ApiToken.issue(user=user, name="test", days=days)
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return make


@pytest.fixture
def vip2_spring_draft(kkr_data, secretariat):
    """Albertslund's (VIP 2's lead) unapproved report for spring 2023."""
    from core.models import ReportingPeriod
    from vip_climate.models import Project
    from vip_climate.services import status_report_start

    return status_report_start(
        project=Project.objects.get(number=2),
        period=ReportingPeriod.objects.get(year=2023, half="spring"),
        by=secretariat,
    )
