"""Organisations, users and reporting periods: the reference data every area shares."""

import difflib
import re
from datetime import date

import rules
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
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
    # The organisation's number in the Central Business Register: single sign-on (sso/) finds a user's
    # organisation by it. Public, but not in the seed: empty until loaded from a named source or entered.
    cvr = models.CharField(
        _("CVR-nummer"),
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{8}$", _("Et CVR-nummer er otte cifre."))],
    )
    cvr_source_ref = models.CharField(
        _("kilde til CVR-nummeret"),
        max_length=300,
        blank=True,
        help_text=_("Hvor CVR-nummeret er taget fra; tom når en person har indtastet det."),
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
        # A permission the rules know is asked of the rules only, for everyone. Django lets an active
        # superuser do anything, but the rules also say *when* a thing may be done (an approved report is
        # no longer editable); they grant a superuser what they grant the secretariat. And a model
        # permission given to a group in the Django admin must not open what the rules refuse (the
        # ModelBackend would grant it after the rules said no); not asking it also saves its two queries.
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
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
    # Closed by the secretariat (core/periods.py): the round's reports are read-only until it is reopened.
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)
    closed_by = models.ForeignKey(
        "User",
        verbose_name=_("lukket af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def has_begun(self, today: date | None = None) -> bool:
        return self.starts <= (today or timezone.localdate())

    def is_overdue(self, today: date | None = None) -> bool:
        return self.deadline < (today or timezone.localdate())

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


class PendingTask(models.Model):
    """A Celery task queued by `core.dispatch.enqueue_on_commit` and not yet known to be in the broker.

    Written in the caller's transaction, deleted once the broker has taken the task; a row that stays (the
    broker was down, the process died after the commit) is sent again by the beat (`send_pending_tasks`).
    Internal bookkeeping: no page shows it.
    """

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["task"], name="core_pendingtask_task")]

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)}"


class PreviewCommit(models.Model):
    """An import preview that has been committed: its token's nonce, unique, so it commits at most once.

    core.tabular.preview_commit inserts the row in the same transaction as the rows it imports; a second
    commit of the same preview (a double click, two tabs) waits for the first and is then refused.
    """

    nonce = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=100)
    committed_at = models.DateTimeField(default=timezone.now, db_index=True)
    committed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("indlæst forhåndsvisning")
        verbose_name_plural = _("indlæste forhåndsvisninger")

    def __str__(self) -> str:
        return f"{self.kind} {self.committed_at:%Y-%m-%d %H:%M}"


class LoadedRecord(models.Model):
    """What `load_kkr_data` last wrote to one record: the loader updates a record only while it still holds
    exactly that (see `core.sources.upsert`), so an edit by a person is never reverted.

    The model is named by its label, not a content type: the label survives a flush and a restore.
    """

    model = models.CharField(max_length=100)
    key = models.TextField(help_text="The loader's lookup, as JSON (relations by primary key).")
    object_id = models.CharField(max_length=64)
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the loaded field values, as JSON.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "key"], name="loaded_record_unique_key")]

    def __str__(self) -> str:
        return f"{self.model} {self.key}"
