from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("bestil/", views.request_report, name="request"),
    path("job/<int:pk>/", views.job_detail, name="job_detail"),
    path("job/<int:pk>/status/", views.job_status, name="job_status"),
    path("job/<int:pk>/forsoeg-igen/", views.job_retry, name="job_retry"),
    path("job/<int:pk>/udsend/", views.job_issue, name="job_issue"),
    path("job/<int:pk>/hent/", views.job_download, name="job_download"),
]
