from django.contrib import admin

from .models import Notification, Preference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """The outbox, read-only: what was sent to whom, and what is stuck with which error."""

    list_display = ("created_at", "kind", "email", "language", "digest", "sent_at", "attempts")
    list_filter = ("kind", "language", "digest", ("sent_at", admin.EmptyFieldListFilter))
    search_fields = ("email", "subject", "key")
    readonly_fields = [field.name for field in Notification._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "language", "frequency")
    list_filter = ("language", "frequency")
