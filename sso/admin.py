from django.contrib import admin

from .models import SsoIdentity, UsedAssertion


@admin.register(SsoIdentity)
class SsoIdentityAdmin(admin.ModelAdmin):
    list_display = ("user", "issuer", "subject", "last_cvr", "last_nsis_level", "last_login_at")
    search_fields = ("subject", "user__username", "last_cvr")
    readonly_fields = [f.name for f in SsoIdentity._meta.fields]


@admin.register(UsedAssertion)
class UsedAssertionAdmin(admin.ModelAdmin):
    list_display = ("assertion_id", "issuer", "not_on_or_after", "used_at")
    readonly_fields = [f.name for f in UsedAssertion._meta.fields]
