"""Organisations, users and reporting periods: the reference data every area shares."""

import difflib
import re
from datetime import date

import rules
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class UnknownOrganisation(LookupError):
    """A name that neither an organisation nor one of its alternative spellings matches."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" Mente du: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Ukendt organisation: «{name}».{hint}")


def normalise_name(name: str) -> str:
    """Case, spacing and dash variants do not make a different organisation."""
    name = re.sub(r"[\u2010-\u2015]", "-", str(name))
    name = re.sub(r"\s*-\s*", "-", name)
    return re.sub(r"\s+", " ", name).strip().casefold()


class OrganisationLookup:
    """Resolves names (and known alternative spellings) to organisations with one query.

    Importers build one lookup per file so that a thousand rows cost one query, not a thousand.
    """

    def __init__(self, queryset=None):
        queryset = Organisation.objects.all() if queryset is None else queryset
        self._by_key: dict[str, Organisation] = {}
        for organisation in queryset:
            for spelling in [organisation.name, *organisation.alternative_names]:
                self._by_key[normalise_name(spelling)] = organisation

    def resolve(self, name: str) -> "Organisation":
        key = normalise_name(name or "")
        if key in self._by_key:
            return self._by_key[key]
        suggestions = difflib.get_close_matches(key, self._by_key.keys(), n=3, cutoff=0.75)
        names = sorted({self._by_key[s].name for s in suggestions})
        raise UnknownOrganisation(name, names)


class OrganisationQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(kind=Organisation.Kind.MUNICIPALITY)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommune")
        REGION = "region", _("Region")
        BUSINESS_HUB = "business_hub", _("Erhvervshus")
        AGENCY = "agency", _("Statslig myndighed")
        ASSOCIATION = "association", _("Forening eller netværk")
        SECRETARIAT = "secretariat", _("Sekretariat")
        COMMITTEE = "committee", _("Udvalg eller kreds")
        INSTITUTION = "institution", _("Uddannelsesinstitution")
        OTHER = "other", _("Anden")

    name = models.CharField(_("navn"), max_length=150, unique=True)
    slug = models.SlugField(_("kort navn i adresser"), max_length=150, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    alternative_names = models.JSONField(
        _("alternative stavemåder"), default=list, blank=True, help_text=_("Stavemåder der ses i kilderne.")
    )
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self) -> str:
        return self.name

    @property
    def is_municipality(self) -> bool:
        return self.kind == self.Kind.MUNICIPALITY

    @classmethod
    def by_name(cls, name: str) -> "Organisation":
        """The organisation a name or alternative spelling refers to; UnknownOrganisation if none."""
        return OrganisationLookup().resolve(name)


class User(AbstractUser):
    """A portal user; a Member is linked to the one organisation whose entries they keep."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def has_perm(self, perm, obj=None):
        # Django lets an active superuser do anything, but the portal's rules also say *when* a thing may be
        # done (an approved report is no longer editable). So a permission the rules know is asked of the
        # rules for superusers too; the rules grant a superuser what they grant the secretariat.
        if self.is_active and self.is_superuser and rules.perm_exists(perm):
            return rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)


class ReportingPeriodQuerySet(models.QuerySet):
    def rounds(self):
        return self.exclude(half="")

    def years(self):
        return self.filter(half="")


class ReportingPeriod(models.Model):
    """A half-yearly status round (spring: March/April, autumn: October/November) or a whole year."""

    class Half(models.TextChoices):
        SPRING = "spring", _("forår")
        AUTUMN = "autumn", _("efterår")

    year = models.PositiveSmallIntegerField(_("år"))
    half = models.CharField(_("halvår"), max_length=6, choices=Half.choices, blank=True)
    starts = models.DateField(_("indberetning åbner"))
    deadline = models.DateField(_("frist"))
    history = HistoricalRecords()

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["year", "-half"]
        constraints = [models.UniqueConstraint(fields=["year", "half"], name="unique_reporting_period")]
        verbose_name = _("periode")
        verbose_name_plural = _("perioder")

    def __str__(self) -> str:
        return self.label

    @property
    def code(self) -> str:
        """'2022-autumn' for a round, '2023' for a year: the form used in URLs and commands."""
        return f"{self.year}-{self.half}" if self.half else str(self.year)

    @property
    def label(self) -> str:
        if not self.half:
            return str(self.year)
        return f"{self.get_half_display().capitalize()} {self.year}"

    @property
    def is_round(self) -> bool:
        return bool(self.half)

    @staticmethod
    def window(year: int, half: str) -> tuple[date, date]:
        """The seed's rhythm: leads report in March/April and in October/November."""
        if half == ReportingPeriod.Half.SPRING:
            return date(year, 3, 1), date(year, 4, 30)
        if half == ReportingPeriod.Half.AUTUMN:
            return date(year, 10, 1), date(year, 11, 30)
        return date(year, 1, 1), date(year, 12, 31)

    @classmethod
    def get_or_create_for(cls, year: int, half: str = "") -> "ReportingPeriod":
        starts, deadline = cls.window(year, half)
        period, _ = cls.objects.get_or_create(
            year=year, half=half, defaults={"starts": starts, "deadline": deadline}
        )
        return period

    @classmethod
    def current_round(cls, today: date | None = None) -> "ReportingPeriod":
        """January–June belongs to the spring round, July–December to the autumn round."""
        today = today or timezone.localdate()
        half = cls.Half.SPRING if today.month <= 6 else cls.Half.AUTUMN
        return cls.get_or_create_for(today.year, half)

    @classmethod
    def from_code(cls, code: str) -> "ReportingPeriod":
        """Parse '2022-autumn' or '2023'; ValueError with a Danish message on anything else."""
        match = re.fullmatch(r"(\d{4})(?:-(spring|autumn))?", (code or "").strip())
        if not match:
            raise ValueError(f"Ukendt periode «{code}». Brug fx 2022-autumn, 2023-spring eller 2023.")
        year, half = int(match.group(1)), match.group(2) or ""
        try:
            return cls.objects.get(year=year, half=half)
        except cls.DoesNotExist:
            raise ValueError(f"Perioden «{code}» findes ikke i portalen.") from None

    def previous_round(self) -> "ReportingPeriod | None":
        if not self.half:
            return None
        if self.half == self.Half.AUTUMN:
            return ReportingPeriod.objects.filter(year=self.year, half=self.Half.SPRING).first()
        return ReportingPeriod.objects.filter(year=self.year - 1, half=self.Half.AUTUMN).first()
