from django.urls import path

from . import open_data

app_name = "open_data"

urlpatterns = [
    path("", open_data.index, name="index"),
    path("katalog.jsonld", open_data.catalogue, name="catalogue"),
    path("<slug:area>/<slug:name>.<str:fmt>", open_data.dataset_file, name="dataset"),
]
