from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VipClimateConfig(AppConfig):
    name = "vip_climate"
    verbose_name = _("Klima-VIP-projekter")

    def ready(self) -> None:
        from core.areas import registry

        from .area import AREA

        registry.register(AREA)
