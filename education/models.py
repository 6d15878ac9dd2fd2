"""SOSU apprenticeship allocation, realised intake and the joint education strategy."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import Organisation
from core.sources import SourcedModel


class Programme(SourcedModel):
    """A basic education programme: the two SOSU programmes are allocated; the strategy names seven."""

    name = models.CharField(_("navn"), max_length=150, unique=True)
    slug = models.SlugField(_("kort navn i adresser"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    is_allocated = models.BooleanField(
        _("fordeles over kommunerne"), default=False, help_text=_("Praktikpladser fordeles pr. kommune.")
    )
    in_strategy = models.BooleanField(_("nævnt i den fælles uddannelsesstrategi"), default=False)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("hører under"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("uddannelse")
        verbose_name_plural = _("uddannelser")

    def __str__(self) -> str:
        return self.name


class AllocationQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Allocation.Status.APPROVED)

    def official(self):
        """Figures that stand (approved in the portal, or as laid before KKR in the source), not drafts."""
        return self.filter(status__in=Allocation.OFFICIAL)


class Allocation(SourcedModel):
    """One round of the yearly split of a programme's regional places (dimensionering) over the municipalities.

    An approved allocation is locked; a change afterwards is made as a new version (a new row). The loaded
    tables are "presented": the source lays them before KKR (item 3.8) and records no decision, so they
    are neither drafts nor approved; they are locked too (the source's figures are not edited in place),
    and the secretariat records KKR's approval when it is given.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("kladde")
        PRESENTED = "presented", _("forelagt KKR (ingen beslutning i kilden)")
        APPROVED = "approved", _("godkendt")

    OFFICIAL = (Status.PRESENTED, Status.APPROVED)

    year = models.PositiveSmallIntegerField(_("år"))
    programme = models.ForeignKey(
        Programme, verbose_name=_("uddannelse"), on_delete=models.PROTECT, related_name="allocations"
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    total = models.PositiveIntegerField(_("regionalt antal pladser"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    key_source = models.CharField(_("fordelingsnøgle"), max_length=200, blank=True)
    source_note = models.CharField(_("kilde"), max_length=300, blank=True)
    approved_at = models.DateTimeField(_("godkendt"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("godkendt af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "programme__order", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["year", "programme", "version"], name="unique_allocation_version")
        ]
        verbose_name = _("fordeling")
        verbose_name_plural = _("fordelinger")

    def __str__(self) -> str:
        return f"{self.programme} {self.year} (version {self.version})"

    @property
    def is_locked(self) -> bool:
        return self.status in self.OFFICIAL

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class AllocationRow(SourcedModel):
    allocation = models.ForeignKey(
        Allocation, verbose_name=_("fordeling"), on_delete=models.CASCADE, related_name="rows"
    )
    municipality = models.ForeignKey(
        Organisation, verbose_name=_("kommune"), on_delete=models.PROTECT, related_name="sosu_allocations"
    )
    places = models.PositiveIntegerField(_("pladser"))
    key_value = models.DecimalField(_("nøgletal"), max_digits=14, decimal_places=4, null=True, blank=True)
    reason = models.TextField(_("begrundelse for manuel flytning"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["allocation", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["allocation", "municipality"], name="unique_allocation_row")
        ]
        verbose_name = _("fordelingsrække")
        verbose_name_plural = _("fordelingsrækker")

    def __str__(self) -> str:
        return f"{self.municipality}: {self.places}"


class AllocationMove(models.Model):
    """Places moved by hand from one municipality to another; the allocation's total stays fixed."""

    allocation = models.ForeignKey(
        Allocation, verbose_name=_("fordeling"), on_delete=models.CASCADE, related_name="moves"
    )
    from_municipality = models.ForeignKey(
        Organisation, verbose_name=_("fra kommune"), on_delete=models.PROTECT, related_name="+"
    )
    to_municipality = models.ForeignKey(
        Organisation, verbose_name=_("til kommune"), on_delete=models.PROTECT, related_name="+"
    )
    places = models.PositiveIntegerField(_("pladser"))
    reason = models.TextField(_("begrundelse"))
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("flyttet af"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moved_at = models.DateTimeField(_("flyttet"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["moved_at", "pk"]
        verbose_name = _("flytning af pladser")
        verbose_name_plural = _("flytninger af pladser")

    def __str__(self) -> str:
        return f"{self.places}: {self.from_municipality} → {self.to_municipality}"


class RealisedIntake(models.Model):
    """The places a municipality actually filled in a year and programme."""

    year = models.PositiveSmallIntegerField(_("år"))
    programme = models.ForeignKey(
        Programme, verbose_name=_("uddannelse"), on_delete=models.PROTECT, related_name="intakes"
    )
    municipality = models.ForeignKey(
        Organisation, verbose_name=_("kommune"), on_delete=models.PROTECT, related_name="sosu_intakes"
    )
    places = models.PositiveIntegerField(_("besatte pladser"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "programme__order", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "programme", "municipality"], name="unique_realised_intake"
            )
        ]
        verbose_name = _("realiseret optag")
        verbose_name_plural = _("realiseret optag")

    def __str__(self) -> str:
        return f"{self.municipality} {self.programme} {self.year}: {self.places}"


class Strategy(SourcedModel):
    """The joint education strategy (fælles uddannelsesstrategi) with its texts as in the source."""

    class State(models.TextChoices):
        DRAFT = "draft", _("udkast")
        ADOPTED = "adopted", _("vedtaget")

    title = models.CharField(_("titel"), max_length=200, unique=True)
    status_note = models.CharField(_("status"), max_length=100, blank=True)
    dated = models.CharField(_("dateret"), max_length=50, blank=True)
    # The source heads it "UDKAST" and dates it "November 2022": a draft until a decision is recorded.
    state = models.CharField(_("tilstand"), max_length=10, choices=State.choices, default=State.DRAFT)
    introduction = models.TextField(_("indledning"), blank=True)
    purpose = models.TextField(_("formål"), blank=True)
    target_group = models.TextField(_("målgruppe"), blank=True)
    guiding_marks_intro = models.TextField(_("indledning til pejlemærkerne"), blank=True)
    initiatives_intro = models.TextField(_("indledning til indsatserne"), blank=True)
    programmes = models.ManyToManyField(Programme, verbose_name=_("uddannelser"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uddannelsesstrategi")
        verbose_name_plural = _("uddannelsesstrategier")

    def __str__(self) -> str:
        return self.title


class GuidingMark(SourcedModel):
    class Audience(models.TextChoices):
        MUNICIPALITY = "municipality", _("Den enkelte kommune")
        INSTITUTIONS = "institutions", _("Uddannelsesinstitutionerne")
        JOINT = "joint", _("Det fælleskommunale samarbejde")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="guiding_marks")
    audience = models.CharField(_("for"), max_length=20, choices=Audience.choices)
    order = models.PositiveSmallIntegerField(_("rækkefølge"))
    text = models.TextField(pgettext_lazy("education guiding mark", "pejlemærke"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "audience", "order"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "audience", "order"], name="unique_guiding_mark")
        ]
        verbose_name = pgettext_lazy("education guiding mark", "pejlemærke")
        verbose_name_plural = pgettext_lazy("education guiding mark", "pejlemærker")

    def __str__(self) -> str:
        return self.text


class AudienceIntro(SourcedModel):
    """The sentence that introduces each audience's guiding marks."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="audience_intros")
    audience = models.CharField(_("for"), max_length=20, choices=GuidingMark.Audience.choices)
    text = models.TextField(_("indledning"))
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["strategy", "audience"], name="unique_audience_intro")]

    def __str__(self) -> str:
        return self.text


class Initiative(SourcedModel):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="initiatives")
    order = models.PositiveSmallIntegerField(_("rækkefølge"))
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("beskrivelse"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "order"]
        constraints = [models.UniqueConstraint(fields=["strategy", "order"], name="unique_initiative")]
        verbose_name = _("aktuel indsats")
        verbose_name_plural = _("aktuelle indsatser")

    def __str__(self) -> str:
        return self.title


class LocalStrategy(SourcedModel):
    """Whether a municipality has its own local education strategy; None when nobody has said."""

    municipality = models.OneToOneField(
        Organisation,
        verbose_name=_("kommune"),
        on_delete=models.PROTECT,
        related_name="local_education_strategy",
    )
    exists = models.BooleanField(_("har en lokal uddannelsesstrategi"), null=True, blank=True)
    adopted = models.DateField(_("dato"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    note = models.CharField(_("kilde eller bemærkning"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality__name"]
        verbose_name = _("lokal uddannelsesstrategi")
        verbose_name_plural = _("lokale uddannelsesstrategier")

    def __str__(self) -> str:
        return f"{self.municipality}"
