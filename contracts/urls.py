from django.urls import path

from . import editing_views, views

app_name = "contracts"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/", views.contract_detail, name="contract_detail"),
    path("<int:year>/maal/<int:number>/", views.goal_detail, name="goal_detail"),
    path("<int:year>/import/", views.import_measurements, name="import"),
    path("<int:year>/import/gem/", views.import_commit, name="import_commit"),
    path("<int:year>/eksport/<str:fmt>/", views.export, name="export"),
    path("<int:year>/kopier/", views.contract_copy, name="copy"),
    path("delmaal/<int:pk>/", views.target_detail, name="target_detail"),
    path("delmaal/<int:pk>/ny-maaling/", views.measurement_create, name="measurement_create"),
    path("maaling/<int:pk>/slet/", editing_views.measurement_remove, name="measurement_delete"),
    path("administration/", editing_views.targets, name="edit_targets"),
    path("<int:year>/administration/", editing_views.targets, name="edit_targets_year"),
    path("delmaal/<int:pk>/ret/", editing_views.target_edit, name="target_edit"),
    path("delmaal/<int:pk>/slet/", editing_views.target_remove, name="target_delete"),
    path("<int:year>/maal/<int:number>/nyt-delmaal/", editing_views.target_new, name="target_new"),
    path("delmaal/<int:pk>/indsaet/", editing_views.measurements_paste, name="measurements_paste"),
    path(
        "delmaal/<int:pk>/indsaet/gem/",
        editing_views.measurements_paste_commit,
        name="measurements_paste_commit",
    ),
]
