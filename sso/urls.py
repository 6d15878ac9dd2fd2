from django.urls import path

from . import views

app_name = "sso"
urlpatterns = [
    path("login/", views.login, name="login"),
    path("acs/", views.acs, name="acs"),
    path("logout/", views.logout, name="logout"),
    path("ls/", views.logout_service, name="ls"),
    path("metadata/", views.metadata, name="metadata"),
]
