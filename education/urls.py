from django.urls import path

from . import views

app_name = "education"
urlpatterns = [
    path("", views.index, name="index"),
    path("fordeling/<int:pk>/flyt/", views.allocation_move, name="allocation_move"),
    path("fordeling/<int:pk>/godkend/", views.allocation_approve, name="allocation_approve"),
    path("fordeling/<int:pk>/ny-version/", views.allocation_new_version, name="allocation_new_version"),
    path(
        "fordeling/<int:pk>/eksport.csv",
        views.allocation_export,
        {"fmt": "csv"},
        name="allocation_export_csv",
    ),
    path(
        "fordeling/<int:pk>/eksport.xlsx",
        views.allocation_export,
        {"fmt": "xlsx"},
        name="allocation_export_xlsx",
    ),
    path("fordeling/<int:year>/<slug:programme>/", views.allocation_detail, name="allocation"),
    path("beregner/", views.calculator, name="calculator"),
    path("import/<str:kind>/", views.import_table, name="import"),
    path("import/<str:kind>/godkend/", views.import_commit, name="import_commit"),
    path("optag/<int:year>/<slug:programme>/", views.fulfilment, name="fulfilment"),
    path("optag/<int:year>/<slug:programme>/rediger/", views.intake_edit, name="intake_edit"),
    path("strategi/", views.strategy, name="strategy"),
    path("strategi/<slug:slug>/", views.local_strategy_edit, name="local_strategy_edit"),
]
