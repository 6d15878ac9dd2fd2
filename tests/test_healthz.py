import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_login_with_database_and_broker_state(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True, "vendor": connection.vendor}
    assert body["broker"]["ok"] is True


def test_healthz_is_503_when_the_broker_is_unreachable(client, settings):
    from kkr_portal.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["broker"] == {"ok": False, "mode": "broker", "error": "OperationalError"}


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
