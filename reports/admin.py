from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(SimpleHistoryAdmin):
    """Read-only: jobs change only through the services (request, run, retry, issue)."""

    list_display = (
        "kind",
        "period",
        "version",
        "state",
        "issued",
        "requested_by",
        "created_at",
        "pages",
        "size",
    )
    list_filter = ("kind", "state", "issued")
    list_select_related = ("period", "requested_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
