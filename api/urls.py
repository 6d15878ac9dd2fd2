from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import pages, views
from .datasets import all_datasets

app_name = "api"


def api(view):
    """DRF answers for itself (401 with a token challenge), so the portal's login redirect stays out."""
    return login_not_required(view)


urlpatterns = [
    path("", pages.index, name="index"),
    path("noegler/", pages.tokens, name="tokens"),
    path("noegler/<int:pk>/tilbagekald/", pages.token_revoke, name="token_revoke"),
    path("offentlige/", pages.publish, name="publish"),
    path("kald/", pages.calls, name="calls"),
    path("v1/", api(views.DatasetIndex.as_view()), name="datasets"),
    path("v1/schema/", api(SpectacularAPIView.as_view()), name="schema"),
    path("v1/docs/", api(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
    path("v1/<slug:area>/<slug:name>.<str:fmt>", api(views.DatasetDownload.as_view()), name="download"),
    *[
        path(f"v1/{d.area}/{d.name}/", api(views.list_view(d).as_view()), name=f"{d.area}-{d.name}")
        for d in all_datasets()
    ],
]
