from django.contrib.auth import views as auth_views
from django.urls import path

from . import two_factor_views, views

urlpatterns = [
    path("konto/", views.account, name="account"),
    path("konto/adgangskode/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "konto/adgangskode/skiftet/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path("konto/login-log/", views.login_audit, name="login_audit"),
    path("konto/totrin/", two_factor_views.verify, name="two_factor_verify"),
    path("konto/totrin/opret/", two_factor_views.enrol, name="two_factor_enrol"),
    path("konto/totrin/koder/", two_factor_views.recovery_codes, name="two_factor_recovery_codes"),
    path("konto/totrin/slaa-fra/", two_factor_views.disable, name="two_factor_disable"),
    path("konto/totrin/brugere/", two_factor_views.users, name="two_factor_users"),
    path("konto/totrin/brugere/<int:user_id>/nulstil/", two_factor_views.reset, name="two_factor_reset"),
    # Public: Django marks its reset views login_not_required.
    path(
        "adgangskode/glemt/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "adgangskode/glemt/sendt/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "adgangskode/nulstil/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "adgangskode/nulstillet/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
