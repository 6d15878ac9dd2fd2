from django.urls import path

from . import views

app_name = "infrastructure"
urlpatterns = [
    path("", views.index, name="index"),
    path("matrix/", views.matrix, name="matrix"),
    path("baggrund/", views.background, name="background"),
    path("mobilitetsanalyse/", views.mobility_analysis, name="mobility_analysis"),
    path("projekter/nyt/", views.project_create, name="project_create"),
    path("projekter/<slug:slug>/", views.project_detail, name="project"),
    path("projekter/<slug:slug>/ret/", views.project_edit, name="project_edit"),
    path("projekter/<slug:slug>/overslag/", views.estimate_add, name="estimate_add"),
    path("projekter/<slug:slug>/vurdering/<str:code>/", views.assessment_edit, name="assessment_edit"),
    path("projekter/<slug:slug>/opfoelgning/", views.follow_up_start, name="follow_up_start"),
    path("opfoelgning/<int:pk>/", views.follow_up_detail, name="follow_up"),
]
