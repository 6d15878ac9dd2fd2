"""Editing the contract (next year's draft after a copy) happens here; history records who changed what."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Contract, FulfilmentSnapshot, Goal, Measurement, Target
from .services import snapshot_queue


@admin.register(Contract)
class ContractAdmin(SimpleHistoryAdmin):
    list_display = ("year", "title", "status", "adopted_on", "rollup_rule")


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ("contract", "number", "title", "scope")
    list_filter = ("contract",)


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = (
        "code",
        "goal",
        "kind",
        "unit",
        "comparison",
        "threshold",
        "baseline_value",
        "expected_on",
    )
    list_filter = ("goal__contract", "kind")
    search_fields = ("code", "text")
    list_select_related = ("goal__contract",)
    raw_id_fields = ("parent",)


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ("target", "measured_on", "value", "segment", "municipality", "source", "entered_by")
    list_filter = ("target__goal__contract", "source")
    list_select_related = ("target", "municipality", "entered_by")
    raw_id_fields = ("target", "municipality", "entered_by")

    # A change made here moves the fulfilment too: queue the snapshot as the pages' services do.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        snapshot_queue(obj.target.goal.contract_id)

    def delete_model(self, request, obj):
        contract_id = obj.target.goal.contract_id
        super().delete_model(request, obj)
        snapshot_queue(contract_id)


@admin.register(FulfilmentSnapshot)
class FulfilmentSnapshotAdmin(admin.ModelAdmin):
    list_display = ("contract", "as_of", "computed_at", "status")
    readonly_fields = ("measurement_ids",)
