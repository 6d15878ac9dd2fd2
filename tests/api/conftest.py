import pytest

from api.models import ApiToken


@pytest.fixture
def token_for():
    """A live API key for a user: {'HTTP_AUTHORIZATION': 'Bearer kkr_…'} for the test client."""

    def make(user, days=30):
        _token, key = ApiToken.issue(user=user, name="test", days=days)
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return make
