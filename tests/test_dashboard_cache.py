"""The dashboard's panels are cached per period and never stale after a write commits.

Each test writes the way the portal writes (a service, a workflow transition, an editor's many-to-many
change, a loader) and then reads the dashboard again: the write must show. Run on the local-memory cache
(embedded) and on Redis (services) when it answers.
"""

import os
from datetime import date

import pytest
from django.conf import settings as django_settings
from django.test.utils import CaptureQueriesContext

from core import dashboard_cache
from core.models import Organisation

pytestmark = pytest.mark.django_db

REDIS_DB = 6  # this suite's own Redis database (the broker's is another)


def _redis_url() -> str | None:
    base = django_settings.REDIS_URL or "redis://127.0.0.1:6379/0"
    url = base.rsplit("/", 1)[0] + f"/{REDIS_DB}"
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except Exception:
        return None
    return url


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings):
    if request.param == "redis":
        url = _redis_url()
        if url is None:
            if django_settings.REDIS_URL:
                pytest.fail("REDIS_URL is set but Redis does not answer")
            pytest.skip("no Redis on 127.0.0.1 (the services run has one)")
        # Its own keys per xdist worker: another worker's test in this database must not bump our tokens.
        prefix = f"dash-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": prefix,
            }
        }
    else:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    dashboard_cache.forget_all()
    return request.param


def _html(client, url="/?runde=2023-spring&aar=2023") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _count(client, url="/?runde=2023-spring&aar=2023") -> int:
    from django.db import connection

    with CaptureQueriesContext(connection) as context:
        _html(client, url)
    return len(context.captured_queries)


def test_a_second_view_reads_the_panels_from_the_cache(client, board_member, kkr_data, cache_backend):
    client.force_login(board_member)
    cold = _count(client)
    warm = _count(client)
    assert warm <= cold - 15, (cold, warm)


def test_a_service_write_shows_at_once(client, board_member, kkr_data, cache_backend):
    from education.models import Allocation, AllocationRow
    from education.services import intake_save

    client.force_login(board_member)
    assert "Under dimensioneringen" not in _html(client)
    allocation = Allocation.objects.official().filter(year=2023).select_related("programme").first()
    kbh = Organisation.objects.get(name="København")
    places = AllocationRow.objects.get(allocation=allocation, municipality=kbh).places
    intake_save(year=2023, programme=allocation.programme, places={kbh: places - 1})
    html = _html(client)
    assert "Under dimensioneringen" in html and f"{places - 1} af {places} pladser besat" in html


def test_a_workflow_transition_shows_at_once(
    client, board_member, kkr_data, vip2_spring_draft, secretariat, cache_backend
):
    from core.workflow import report_submit

    client.force_login(board_member)
    assert _html(client).count("Rapport over fristen:") == 7
    report_submit(report=vip2_spring_draft, by=secretariat)
    assert _html(client).count("Rapport over fristen:") == 6


def test_a_many_to_many_edit_shows_at_once(client, board_member, secretariat, kkr_data, cache_backend):
    from infrastructure.models import Project
    from infrastructure.services import project_update

    client.force_login(board_member)
    project = Project.objects.get(slug="ring-5-syd")
    assert 'href="/infrastructure/projekter/ring-5-syd/"' in _html(client)
    project_update(
        project=project, fields={}, leads=[Organisation.objects.get(name="Hvidovre")], by=secretariat
    )
    assert 'href="/infrastructure/projekter/ring-5-syd/"' not in _html(client)


def test_a_loader_write_shows_at_once(client, board_member, kkr_data, cache_backend, monkeypatch):
    from vip_climate import seed, seed_data

    client.force_login(board_member)
    assert "/vip/projekter/5/" in _html(client, "/?runde=2022-autumn&aar=2023")
    loaded = [
        *seed_data.LEAD_PERIODS,
        {
            "project": 5,
            "organisation": "Gentofte",
            "starts": date(2020, 1, 1),
            "ends": None,
            "source": "test",
            "precision": "day",
        },
    ]
    monkeypatch.setattr(seed_data, "LEAD_PERIODS", loaded)
    seed.load()
    assert (
        'href="/vip/projekter/5/"' not in _html(client, "/?runde=2022-autumn&aar=2023").split("area-tile")[0]
    )


def test_the_token_changes_again_when_the_transaction_commits(kkr_data, django_capture_on_commit_callbacks):
    from education.models import Programme, RealisedIntake

    scopes = ["education", "contracts"]
    before = dashboard_cache._tokens(scopes)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        RealisedIntake.objects.create(
            year=2023,
            programme=Programme.objects.first(),
            municipality=Organisation.objects.get(name="Ishøj"),
            places=1,
        )
        during = dashboard_cache._tokens(scopes)
    assert during["dash:gen:education"] != before["dash:gen:education"]  # at once: the writer's next read
    assert callbacks, "a bump is queued for the commit"
    for callback in callbacks:
        callback()
    after = dashboard_cache._tokens(scopes)
    # Again at the commit: what another request cached from the old rows in between is not served.
    assert after["dash:gen:education"] != during["dash:gen:education"]
    assert after["dash:gen:contracts"] == before["dash:gen:contracts"]  # other areas keep their panels


def test_panels_are_kept_apart_by_language_and_viewer(
    client, board_member, secretariat, kkr_data, cache_backend
):
    client.force_login(secretariat)
    _html(client)
    client.force_login(board_member)
    response = client.get("/?runde=2023-spring&aar=2023")
    tiles = {t["area"].app: t for t in response.context["tiles"]}
    assert tiles["infrastructure"]["waiting"] is None  # the secretariat's count is not the board's
    client.cookies.load({"django_language": "en"})
    assert "Report past its deadline" in _html(client)


def test_users_and_sessions_do_not_drop_the_panels(client, board_member, kkr_data):
    before = dashboard_cache._tokens(["core"])
    board_member.last_login = None
    board_member.save()
    assert dashboard_cache._tokens(["core"]) == before
    assert dashboard_cache.model_scopes()["core.Organisation"] == "core"
    assert "core.User" not in dashboard_cache.model_scopes()


def test_a_form_post_shows_on_the_next_dashboard(client, secretariat, kkr_data, cache_backend):
    from education.models import Allocation, AllocationRow

    client.force_login(secretariat)
    assert "Under dimensioneringen" not in _html(client)
    allocation = Allocation.objects.official().filter(year=2023).select_related("programme").first()
    ishoej = Organisation.objects.get(name="Ishøj")
    places = AllocationRow.objects.get(allocation=allocation, municipality=ishoej).places
    response = client.post(
        f"/education/optag/2023/{allocation.programme.slug}/rediger/", {f"m{ishoej.pk}": str(places - 2)}
    )
    assert response.status_code == 302
    html = _html(client)
    assert "Under dimensioneringen" in html and f"{places - 2} af {places} pladser besat" in html


def test_with_local_memory_a_write_in_another_process_reaches_this_ones_panels(
    client, board_member, kkr_data, settings
):
    """Gunicorn workers of an embedded install each have their own memory: the tokens are files they share."""
    import subprocess
    import sys

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Local memory outlives the override: a panel an earlier test on this worker cached would make "cold" warm.
    dashboard_cache.forget_all()
    client.force_login(board_member)
    cold = _count(client)
    assert _count(client) < cold  # cached in this process
    folder = dashboard_cache._token_dir()
    assert folder is not None
    # What another worker's bump does to the shared folder (core.dashboard_cache._write_file_token).
    script = (
        "import os, sys, uuid; p = sys.argv[1] + '/dash-gen-education'; t = p + '.tmp'; "
        "open(t, 'w').write(uuid.uuid4().hex); os.replace(t, p)"
    )
    subprocess.run([sys.executable, "-c", script, str(folder)], check=True)
    assert _count(client) > _count(client)  # recomputed once after the other process's write, then cached


def test_an_unreachable_redis_makes_the_dashboard_compute_not_fail(client, board_member, kkr_data, settings):
    """Redis is the cache and the broker: while it is down, pages and writes still work (panels computed)."""
    from core import dashboard_cache
    from core.models import Organisation

    # Django's setting_changed receiver rebuilds the cache handler; the fixture puts the setting back.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    client.force_login(board_member)
    response = client.get("/")
    assert response.status_code == 200 and "Kræver opmærksomhed" in response.content.decode()
    dashboard_cache.changed("core")  # a write's bump: logged, not raised
    Organisation.objects.filter(slug="albertslund").first().save()
    assert client.get("/sammenligning/").status_code == 200
