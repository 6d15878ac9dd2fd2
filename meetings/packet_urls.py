"""The meeting's documents (included under /meetings/<pk>/ by meetings/urls.py, in its namespace)."""

from django.urls import path

from . import packet_views

urlpatterns = [
    path("<int:pk>/dokumenter/", packet_views.documents, name="documents"),
    path("<int:pk>/dokumenter/<str:document>/dan/", packet_views.document_request, name="document_request"),
    path("<int:pk>/dokumenter/job/<int:job>/status/", packet_views.document_status, name="document_status"),
    path("<int:pk>/dokumenter/job/<int:job>/hent/", packet_views.document_download, name="document_download"),
]
