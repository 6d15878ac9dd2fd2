from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = _("Uddannelse")

    def ready(self) -> None:
        from core.areas import registry

        from .area import AREA

        registry.register(AREA)
