from django.urls import path

from . import views

app_name = "comparison"
urlpatterns = [
    path("", views.index, name="index"),
    path("eksport.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path("eksport.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("indbyggertal/", views.population_import, name="population_import"),
    path("indbyggertal/gem/", views.population_import_commit, name="population_import_commit"),
]
