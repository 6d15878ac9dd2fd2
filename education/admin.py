from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Allocation,
    AllocationMove,
    AllocationRow,
    LocalStrategy,
    Programme,
    RealisedIntake,
    Strategy,
)


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "is_allocated", "in_strategy", "order"]


class AllocationRowInline(admin.TabularInline):
    model = AllocationRow
    extra = 0
    readonly_fields = ["municipality", "places", "key_value", "reason"]
    can_delete = False


@admin.register(Allocation)
class AllocationAdmin(SimpleHistoryAdmin):
    list_display = ["year", "programme", "version", "status", "total"]
    list_filter = ["programme", "status", "year"]
    inlines = [AllocationRowInline]
    readonly_fields = ["status", "approved_at", "approved_by"]


@admin.register(AllocationMove)
class AllocationMoveAdmin(SimpleHistoryAdmin):
    list_display = ["allocation", "from_municipality", "to_municipality", "places", "moved_by", "moved_at"]


@admin.register(RealisedIntake)
class RealisedIntakeAdmin(SimpleHistoryAdmin):
    list_display = ["year", "programme", "municipality", "places"]
    list_filter = ["programme", "year"]


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "dated"]


@admin.register(LocalStrategy)
class LocalStrategyAdmin(SimpleHistoryAdmin):
    list_display = ["municipality", "exists", "adopted", "url"]
