from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Fælles grunddata")

    def ready(self):
        from . import dashboard_cache

        dashboard_cache.connect()
