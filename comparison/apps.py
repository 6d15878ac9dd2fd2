from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComparisonConfig(AppConfig):
    """The 29 municipalities side by side: reads every area, owns only the population table.

    Not an area of the registry: it has no home tile, organisation section, reports or seed of its own;
    it is a view across the areas (docs/ARCHITECTURE.md).
    """

    name = "comparison"
    verbose_name = _("Sammenligning af kommunerne")
