from django.urls import include, path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="index"),
    path("nyt/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("", include("meetings.packet_urls")),  # the packet, minutes and export (meeting-packet)
    path("<int:pk>/ret/", views.meeting_edit, name="edit"),
    path("<int:pk>/nyt-punkt/", views.item_create, name="item_create"),
    path("<int:pk>/offentliggoer/", views.meeting_publish, name="publish"),
    path("<int:pk>/afholdt/", views.meeting_mark_held, name="mark_held"),
    path("<int:pk>/referat-godkendt/", views.meeting_approve_minutes, name="approve_minutes"),
    path("punkt/<int:pk>/ret/", views.item_edit, name="item_edit"),
    path("punkt/<int:pk>/flyt/", views.item_move, name="item_move"),
    path("punkt/<int:pk>/bilag/dannet/", views.annex_add_generated, name="annex_add_generated"),
    path("punkt/<int:pk>/bilag/upload/", views.annex_upload, name="annex_upload"),
    path("punkt/<int:pk>/beslutning/", views.decision_record, name="decision_record"),
    path("bilag/<int:pk>/", views.annex_download, name="annex_download"),
    path("bilag/<int:pk>/slet/", views.annex_delete, name="annex_delete"),
    path("opfoelgning/<int:pk>/status/", views.follow_up_state, name="follow_up_state"),
    path("udpegninger/", views.appointments, name="appointments"),
    path("udpegninger/<int:pk>/ny/", views.appointment_create, name="appointment_create"),
]
