"""The area registry: a new area plugs into the shared pages, the reports, the seed and the beat schedule
by registering one object, with nothing edited in core or reports."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse

from core.areas import BaseArea, PortalArea, registry
from core.models import Organisation
from kkr_portal.celery import app as celery_app
from reports import sections

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parent / "area_templates"


class ExtraArea(BaseArea):
    """A fake fifth area, as a new app would define it in its area.py."""

    app = "testarea_extra"
    title = "Ekstraområdet"
    description = "Et område, der kun findes i testen."
    url_name = "about"
    report_title = "Ekstraområdets årsafsnit"
    seed_after = ("education",)
    beat_schedule = {"testarea-extra-nightly": {"task": "testarea_extra.nightly", "schedule": 3600.0}}

    def __init__(self) -> None:
        self.seeded = 0
        self.report_sections = self  # offers annual_section itself

    def seed(self) -> None:
        self.seeded += 1

    def home_tile(self, user, selection=None) -> dict:
        return {"figure": 4711, "year": selection.year if selection else None}

    def organisation_section(self, organisation, user) -> dict | None:
        return {"name": organisation.name} if organisation.is_municipality else None

    def annual_section(self, year: int) -> dict | None:
        return {"title": f"Ekstraområdet {year}", "year": year} if year == 2023 else None

    def latest_year_with_data(self) -> int | None:
        return 2023


@pytest.fixture
def extra_area(settings):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [TEMPLATES, *engine["DIRS"]]}]
    area = registry.register(ExtraArea())
    yield area
    registry.unregister(area.app)


def test_the_real_areas_are_registered_in_installed_apps_order():
    assert [area.app for area in registry] == [
        "contracts",
        "vip_climate",
        "infrastructure",
        "education",
        "meetings",
    ]
    assert all(isinstance(area, PortalArea) for area in registry)


def test_a_registered_area_gets_a_tile_on_the_home_page(client, board_member, extra_area):
    client.force_login(board_member)
    response = client.get("/")
    html = response.content.decode()
    assert [tile["area"].app for tile in response.context["tiles"]][-1] == "testarea_extra"
    assert "Ekstraområdets tal: 4711 (2023)" in html
    assert 'id="tile-testarea_extra"' in html


def test_a_registered_area_gets_a_section_on_an_organisation_page(client, board_member, extra_area):
    client.force_login(board_member)
    response = client.get(reverse("organisation_detail", args=[Organisation.objects.get(name="Herlev").slug]))
    assert "Ekstraområdet for Herlev" in response.content.decode()


def test_a_registered_area_gets_its_section_in_the_annual_report(organisations, extra_area):
    by_app = {section.app: section for section in sections.annual_sections(2023)}
    assert list(by_app)[-1] == "testarea_extra"
    assert by_app["testarea_extra"].title == "Ekstraområdet 2023"
    assert "Ekstraområdets årstal 2023" in by_app["testarea_extra"].render()
    missing = {section.app: section for section in sections.annual_sections(2022)}["testarea_extra"]
    assert missing.title == "Ekstraområdets årsafsnit"
    assert missing.missing_text == "Området har endnu ingen data for 2022."


def test_load_kkr_data_seeds_a_registered_area_after_the_areas_it_depends_on(extra_area):
    from io import StringIO

    out = StringIO()
    call_command("load_kkr_data", stdout=out)
    loaded = [line.split(":")[0].strip() for line in out.getvalue().splitlines() if line.endswith(": loaded")]
    assert loaded == [
        "core",
        "contracts",
        "vip_climate",
        "infrastructure",
        "education",
        "meetings",
        "testarea_extra",
    ]
    assert extra_area.seeded == 1


def test_seed_after_puts_an_area_after_its_dependency_whatever_the_registration_order():
    class First(BaseArea):
        app, url_name, seed_after = "testarea_first", "about", ("testarea_second",)

        def seed(self) -> None: ...

    class Second(BaseArea):
        app, url_name = "testarea_second", "about"

        def seed(self) -> None: ...

    with registry.replaced_by([First(), Second()]):
        assert [area.app for area in registry.seed_order()] == ["testarea_second", "testarea_first"]


def test_circular_seed_dependencies_are_refused():
    class Loop(BaseArea):
        def __init__(self, app: str, after: str) -> None:
            self.app, self.seed_after = app, (after,)

        def seed(self) -> None: ...

    with registry.replaced_by([Loop("a", "b"), Loop("b", "a")]), pytest.raises(ImproperlyConfigured):
        registry.seed_order()


def test_a_registered_area_adds_its_beat_entries_to_the_schedule_and_removes_them_when_unregistered():
    area = registry.register(ExtraArea())
    try:
        assert (
            django_settings.CELERY_BEAT_SCHEDULE["testarea-extra-nightly"]["task"] == "testarea_extra.nightly"
        )
        assert "testarea-extra-nightly" in celery_app.conf.beat_schedule
    finally:
        registry.unregister(area.app)
    assert "testarea-extra-nightly" not in django_settings.CELERY_BEAT_SCHEDULE
    assert "contracts-nightly-snapshots" in celery_app.conf.beat_schedule
    assert "vip-climate-reminders" in celery_app.conf.beat_schedule


def test_an_app_registered_twice_or_an_object_that_is_no_area_is_refused():
    contracts = registry.get("contracts")
    assert registry.register(contracts) is contracts  # the same object again: nothing changes

    class AnotherContracts(BaseArea):
        app = "contracts"

    with pytest.raises(ImproperlyConfigured):
        registry.register(AnotherContracts())
    with pytest.raises(ImproperlyConfigured):
        registry.register(object())
    assert registry.get("contracts") is contracts
