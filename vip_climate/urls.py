from django.urls import path

from . import editing_views, programme_views, views

app_name = "vip_climate"
urlpatterns = [
    path("", views.index, name="index"),
    path("programmet/", programme_views.programme, name="programme"),
    path("projekter/<int:number>/", views.project_detail, name="project_detail"),
    path("projekter/<int:number>/ny-rapport/", views.report_start, name="report_start"),
    path("rapporter/<int:pk>/", views.report_detail, name="report_detail"),
    path("rapporter/<int:pk>/rediger/", views.report_edit, name="report_edit"),
    path("rapporter/<int:pk>/indsend/", views.report_submit_view, name="report_submit"),
    path("rapporter/<int:pk>/godkend/", views.report_approve_view, name="report_approve"),
    path("rapporter/<int:pk>/retur/", views.report_return_view, name="report_return"),
    path("rapporter/<int:pk>/historik/", views.report_history, name="report_history"),
    path("behandling/", views.review_queue, name="review_queue"),
    path("runde/", views.round_page, name="round"),
    path("runde/<str:period>/", views.round_page, name="round_period"),
    path("runde/<str:period>/luk/", views.round_close, name="round_close"),
    path("runde/<str:period>/genaabn/", views.round_reopen, name="round_reopen"),
    path("deltagelse/", views.participation_matrix, name="participation_matrix"),
    path("forpligtelser/", views.commitment_matrix, name="commitment_matrix"),
    path("forpligtelser/indlaes/", views.commitment_import, name="commitment_import"),
    path("forpligtelser/<slug:code>/<slug:slug>/", views.commitment_edit, name="commitment_edit"),
    path("administration/", editing_views.projects, name="edit_projects"),
    path("administration/<int:number>/tovholdere/", editing_views.leads, name="edit_leads"),
    path("administration/<int:number>/tovholdere/<int:pk>/", editing_views.lead_edit, name="edit_lead"),
    path(
        "administration/<int:number>/tovholdere/<int:pk>/slet/",
        editing_views.lead_delete,
        name="delete_lead",
    ),
    path("administration/<int:number>/deltagere/", editing_views.participants, name="edit_participants"),
    path("eksport/<str:kind>.<str:fmt>", views.export, name="export"),
]
