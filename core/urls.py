from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.landing, name="landing"),
    path("om/", views.about, name="about"),
    # The accessibility statement's conventional address (the state's WAS tool links to /was).
    path("was", views.accessibility_statement, name="accessibility_statement"),
    path("privatliv/", views.privacy, name="privacy"),
    path("organisationer/", views.organisation_list, name="organisation_list"),
    path("organisationer/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("forhaandsvisning/", views.markdown_preview, name="markdown_preview"),
    path("administration/", views.administration, name="administration"),
    path("healthz", views.healthz, name="healthz"),
]
