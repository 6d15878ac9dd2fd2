from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("core.urls")),
    path("", include("accounts.urls")),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The language switch must work on the login page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("contracts/", include("contracts.urls")),
    path("vip/", include("vip_climate.urls")),
    path("infrastructure/", include("infrastructure.urls")),
    path("education/", include("education.urls")),
    path("sammenligning/", include("comparison.urls")),
    path("meetings/", include("meetings.urls")),
    path("reports/", include("reports.urls")),
    path("e-mails/", include("notifications.urls")),
    path("api/", include("api.urls")),
    path("data/", include("api.open_data_urls")),
    path("sso/", include("sso.urls")),
    path("admin/", admin.site.urls),
]
