"""Reference data of the VIP area for the secretariat: projects, targets, participants and lead periods
(the seed's table of leads is missing, so leads are recorded here as they become known).
Status reports are read-only here: they move only through the workflow (optimistic locking)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import SourcePassageAdmin

from .models import (
    Commitment,
    CompendiumTask,
    LeadPeriod,
    MunicipalityCommitment,
    Participation,
    ProgrammeText,
    Project,
    ProjectTarget,
    StatusReport,
)


class TargetInline(admin.TabularInline):
    model = ProjectTarget
    extra = 0


class LeadPeriodInline(admin.TabularInline):
    model = LeadPeriod
    extra = 0


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ("number", "title", "start_year", "end_year")
    inlines = [TargetInline, LeadPeriodInline]


@admin.register(LeadPeriod)
class LeadPeriodAdmin(SimpleHistoryAdmin):
    list_display = ("project", "organisation", "starts", "ends", "precision")
    list_filter = ("project",)


@admin.register(Participation)
class ParticipationAdmin(SimpleHistoryAdmin):
    list_display = ("project", "organisation", "role", "group")
    list_filter = ("project", "role")
    search_fields = ("organisation__name",)


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ("code", "project", "title", "due")


@admin.register(MunicipalityCommitment)
class MunicipalityCommitmentAdmin(SimpleHistoryAdmin):
    list_display = ("commitment", "organisation", "status", "date")
    list_filter = ("commitment", "status")


@admin.register(StatusReport)
class StatusReportAdmin(SimpleHistoryAdmin):
    list_display = ("project", "period", "state", "source_state", "version", "updated_at")
    list_filter = ("state", "period", "project")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(ProgrammeText, SourcePassageAdmin)


@admin.register(CompendiumTask)
class CompendiumTaskAdmin(SimpleHistoryAdmin):
    list_display = ("project", "order", "text")
    list_filter = ("project",)
