from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Organisation, ReportingPeriod, User

admin.site.site_header = _("KKR Hovedstaden – administration")
admin.site.site_title = _("KKR-portalen")


def _superusers_only(request) -> bool:
    """The Django admin is for superusers; everyone else edits through the portal's own forms
    (core/administration.py), where the django-rules permissions and the history apply."""
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = _superusers_only  # type: ignore[method-assign]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind")
    list_filter = ("kind",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ("label", "year", "half", "starts", "deadline")
    list_filter = ("half", "year")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), (_("KKR"), {"fields": ("organisation",)}))
    list_display = ("username", "first_name", "last_name", "organisation", "is_staff")
    list_filter = (*BaseUserAdmin.list_filter, "organisation__kind")


class SourcePassageAdmin(SimpleHistoryAdmin):
    """Admin for an area's `core.sources.SourcePassage` model; `fields` keeps the topic before the
    inherited order/heading/text in the change form."""

    fields = ("source_ref", "topic", "order", "heading", "text")
    list_display = ("topic", "order", "heading", "source_ref")
    list_filter = ("topic",)
