"""The project's URLconf plus three views that fail on purpose, for tests/test_error_pages.py."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from kkr_portal.urls import urlpatterns as project_urlpatterns


def refused(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug, on purpose")


urlpatterns = [
    path("test-refused/", refused),
    path("test-broken/", broken),
    *project_urlpatterns,
]
