import pytest
from django.apps import apps
from django.core.management import call_command

from core.models import Organisation, ReportingPeriod

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
