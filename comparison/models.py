"""Inhabitants per municipality and year: the denominator of the comparison's per-capita figures.

The source documents hold no population figures, so nothing is loaded: the secretariat imports them, and
each row keeps where they came from (`source`, e.g. «Danmarks Statistik, FOLK1A, 1. januar 2023»).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Organisation


class Population(models.Model):
    municipality = models.ForeignKey(
        Organisation, verbose_name=_("kommune"), on_delete=models.PROTECT, related_name="populations"
    )
    year = models.PositiveSmallIntegerField(_("år"))
    inhabitants = models.PositiveIntegerField(_("indbyggere"))
    source = models.CharField(_("kilde"), max_length=200)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("indlæst af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("indlæst"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "municipality__name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="unique_population_per_year")
        ]
        verbose_name = _("indbyggertal")
        verbose_name_plural = _("indbyggertal")

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}: {self.inhabitants}"
