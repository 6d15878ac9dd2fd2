"""The loader used to store the source's SOSU tables as approved; the source only lays them before KKR.

An allocation approved by nobody at no time (approved_at and approved_by empty) was never approved in the
portal: it becomes "presented". One approved by the secretariat keeps its state.
"""

from django.db import migrations


def presented(apps, schema_editor):
    Allocation = apps.get_model("education", "Allocation")
    Allocation.objects.filter(status="approved", approved_at__isnull=True, approved_by__isnull=True).update(
        status="presented"
    )


def approved(apps, schema_editor):
    Allocation = apps.get_model("education", "Allocation")
    Allocation.objects.filter(status="presented").update(status="approved")


class Migration(migrations.Migration):
    dependencies = [("education", "0002_sourced_records_presented_allocations_draft_strategy")]

    operations = [migrations.RunPython(presented, approved)]
