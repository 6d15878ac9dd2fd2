from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.landing, name="landing"),
    path("om/", views.about, name="about"),
    path("organisationer/", views.organisation_list, name="organisation_list"),
    path("organisationer/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("administration/", views.administration, name="administration"),
    path("healthz", views.healthz, name="healthz"),
]
