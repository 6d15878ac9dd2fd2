from django.urls import path

from . import views

app_name = "vip_climate"
urlpatterns = [
    path("", views.index, name="index"),
]
