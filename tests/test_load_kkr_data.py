import io
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models
from django.urls import reverse

from core.models import LoadedRecord, Organisation, ReportingPeriod, User
from education.models import Strategy as EducationStrategy
from vip_climate import seed_data as vip_seed_data
from vip_climate.models import LeadPeriod, Participation, Project, StatusReport

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row of every model, history included: what 'changes nothing' is measured on."""
    counts = {}
    for model in apps.get_models():
        if model._meta.app_label in ("sessions", "admin", "contenttypes", "auth"):
            continue
        counts[model._meta.label] = model.objects.count()
    return counts


def test_load_kkr_data_loads_the_reference_data(empty_database):
    assert not Organisation.objects.exists()
    call_command("load_kkr_data", verbosity=0)
    assert Organisation.objects.municipalities().count() == 29
    assert ReportingPeriod.objects.filter(year=2022, half="autumn").exists()


def test_a_second_run_changes_nothing(empty_database):
    call_command("load_kkr_data", verbosity=0)
    first = snapshot()
    call_command("load_kkr_data", verbosity=0)
    assert snapshot() == first


def test_a_second_run_keeps_spellings_the_secretariat_added():
    call_command("load_kkr_data", verbosity=0)
    herlev = Organisation.objects.get(name="Herlev")
    herlev.alternative_names.append("Herlev Komune")
    herlev.save()
    call_command("load_kkr_data", verbosity=0)
    assert Organisation.by_name("Herlev Komune") == herlev


# --- a record a person changed is never reverted (issue #15) -------------------------------------------

OUR_APPS = ("core", "contracts", "vip_climate", "infrastructure", "education", "reports")


# Today's contract fulfilment, recomputed (replaced) at every load: derived, not loaded.
RECOMPUTED = {"contracts.FulfilmentSnapshot", "contracts.GoalStatus", "contracts.TargetStatus"}


def dump() -> dict[str, list[tuple]]:
    """Every row the loader writes, field by field (history rows without their timestamp).

    Timestamps (history dates, created/updated times) differ between two loads by nature; all else must not.
    """
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in OUR_APPS or model._meta.label in RECOMPUTED:
            continue
        fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.DateTimeField)]
        names = [f.attname for f in fields]
        rows[model._meta.label] = list(model._base_manager.order_by("pk").values_list(*names))
    return rows


def load() -> str:
    out = io.StringIO()
    call_command("load_kkr_data", stdout=out)
    return out.getvalue()


def flush_our_tables() -> None:
    tables = [
        m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.app_label in OUR_APPS
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SET CONSTRAINTS ALL IMMEDIATE"
            )  # no deferred checks pending: TRUNCATE refuses those
        for statement in connection.ops.sql_flush(
            no_style(), tables, reset_sequences=True, allow_cascade=True
        ):
            cursor.execute(statement)


def test_a_fresh_database_loads_identically(empty_database):
    flush_our_tables()  # also the id sequences, so that both loads number their rows from 1
    load()
    first = dump()
    flush_our_tables()
    load()
    assert dump() == first
    assert first["core.LoadedRecord"], "the loader keeps what it wrote"


def test_a_second_run_on_an_unchanged_database_writes_nothing():
    before = dump()
    output = load()
    assert dump() == before
    assert "differ" not in output


@pytest.fixture
def vip2_albertslund_period():
    return LeadPeriod.objects.get(project__number=2, organisation__name="Albertslund")


def _may_start_spring_2023_report(user) -> bool:
    period = ReportingPeriod.get_or_create_for(2023, ReportingPeriod.Half.SPRING)
    return user.has_perm(
        "vip_climate.start_report", StatusReport(project=Project.objects.get(number=2), period=period)
    )


def test_a_lead_period_edited_in_the_admin_survives_a_reload_with_its_edit_rights(
    client, vip2_albertslund_period, albertslund_member
):
    admin = User.objects.create_superuser("admin", "admin@example.org", "pw-for-tests")
    herlev = Organisation.objects.get(name="Herlev")
    herlev_member = User.objects.create_user("herlev", password="pw-for-tests", organisation=herlev)
    period = vip2_albertslund_period
    client.force_login(admin)
    response = client.post(
        reverse("admin:vip_climate_leadperiod_change", args=[period.pk]),
        {
            "project": period.project_id,
            "organisation": herlev.pk,
            "starts": "2022-12-01",
            "ends": "",
            "source": period.source,
            "precision": period.precision,
            "source_ref": period.source_ref,
            "_save": "Gem",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _may_start_spring_2023_report(herlev_member)

    output = load()

    period.refresh_from_db()
    assert (period.organisation, period.starts) == (herlev, date(2022, 12, 1))
    assert LeadPeriod.objects.filter(project__number=2).count() == 2, "the old lead is not created again"
    assert _may_start_spring_2023_report(herlev_member)
    assert not _may_start_spring_2023_report(albertslund_member)
    assert "source and edit differ" in output
    assert "vip_climate.leadperiod" in output and "starts, organisation" in output


def test_a_project_title_edit_survives_a_reload_and_is_reported():
    project = Project.objects.get(number=1)
    project.title = "Rettet titel"
    project.save()

    output = load()

    project.refresh_from_db()
    assert project.title == "Rettet titel"
    assert 'vip_climate.project {"number": 1}' in output and "title" in output
    # Still reported on the next run, as long as source and edit differ; nothing written.
    before = dump()
    assert "title" in load()
    assert dump() == before


def test_an_untouched_record_follows_a_changed_source_while_an_edited_one_keeps_its_edit(monkeypatch):
    edited = Project.objects.get(number=1)
    edited.title = "Rettet titel"
    edited.save()
    changed = [dict(p) for p in vip_seed_data.PROJECTS]
    for data in changed:
        data["title"] = data["title"] + " (ny udgave)"
    monkeypatch.setattr(vip_seed_data, "PROJECTS", changed)

    load()

    assert Project.objects.get(number=1).title == "Rettet titel"
    assert Project.objects.get(number=2).title.endswith(" (ny udgave)")


def test_a_record_a_person_deleted_is_not_created_again():
    participation = Participation.objects.filter(project__number=3).first()
    key = (participation.project_id, participation.organisation_id, participation.role)
    participation.delete()

    output = load()

    assert not Participation.objects.filter(project_id=key[0], organisation_id=key[1], role=key[2]).exists()
    assert "deleted since it was loaded" in output


def test_an_edit_of_a_changed_many_to_many_set_is_kept():
    strategy = EducationStrategy.objects.get()
    dropped = strategy.programmes.first()
    strategy.programmes.remove(dropped)

    output = load()

    assert dropped not in strategy.programmes.all()
    assert "education.strategy.programmes" in output


def test_a_database_loaded_before_checksums_were_kept_keeps_edits_by_people(admin_client_user):
    """No LoadedRecord yet (loaded by an older portal): the history tells a person's edit from the loader's."""
    LoadedRecord.objects.all().delete()
    project = Project.objects.get(number=4)
    project.title = "Rettet i portalen"
    project._history_user = admin_client_user
    project.save()
    untouched = Project.objects.get(number=5)
    Project.objects.filter(pk=untouched.pk).update(source_ref="")  # loaded before references existed
    period = LeadPeriod.objects.get(project__number=2, organisation__name="Albertslund")
    period.starts = date(2022, 12, 1)  # re-keyed (the loader finds periods by project and start)
    period.save()

    output = load()

    period.refresh_from_db()
    assert period.starts == date(2022, 12, 1)
    assert LeadPeriod.objects.filter(project__number=2).count() == 2, "the old period is not created again"
    assert Project.objects.get(number=4).title == "Rettet i portalen"
    assert Project.objects.get(number=5).source_ref, "a row only the loader wrote is brought up to date"
    assert 'vip_climate.project {"number": 4}' in output
    # From now on the checksums are kept: a second run writes nothing.
    before = dump()
    load()
    assert dump() == before


@pytest.fixture
def admin_client_user():
    return User.objects.create_superuser("admin", "admin@example.org", "pw-for-tests")


def test_a_contract_target_a_person_renumbered_or_deleted_is_not_created_again():
    from contracts.models import Target

    renumbered = Target.objects.get(code="2.1")
    renumbered.code = "2.1-rettet"
    renumbered.save()
    deleted = Target.objects.get(code="1.1")
    deleted.delete()

    output = load()

    assert not Target.objects.filter(code__in=["2.1", "1.1"]).exists()
    assert Target.objects.get(pk=renumbered.pk).code == "2.1-rettet"
    assert "contracts.target" in output and "code" in output
    assert "deleted since it was loaded" in output
