"""KKR meetings: agendas of numbered items, annexes, decisions, follow-up actions and appointments.

The model was agreed with the packet PDF (meetings/packet.py, meetings/annexes.py): see the ARCHITECTURE
paragraph "Meetings".
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Organisation
from core.sources import SourcedModel

from .storage import annex_path, private_storage


class Meeting(SourcedModel):
    class Body(models.TextChoices):
        KKR = "kkr", _("KKR Hovedstaden")
        OFFICIALS = "officials", _("Embedsmandsudvalget (K-KKR)")
        BOARD = "board", _("Bestyrelsen")

    class State(models.TextChoices):
        PLANNED = "planned", _("planlagt")
        AGENDA_PUBLISHED = "agenda_published", _("dagsorden offentliggjort")
        HELD = "held", _("afholdt")
        MINUTES_APPROVED = "minutes_approved", _("referat godkendt")

    body = models.CharField(_("forum"), max_length=12, choices=Body.choices, default=Body.KKR)
    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("dato"))
    time = models.TimeField(_("klokkeslæt"), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=200, blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("Hvad kilden siger om mødet, eller hvad der ikke vides.")
    )
    state = models.CharField(_("status"), max_length=20, choices=State.choices, default=State.PLANNED)
    published_at = models.DateTimeField(_("dagsorden offentliggjort"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offentliggjort af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-time", "pk"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")

    def __str__(self) -> str:
        return f"{self.get_body_display()}, {date_format(self.date)}"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.PLANNED


class AgendaItem(SourcedModel):
    class Kind(models.TextChoices):
        DECISION = "decision", _("beslutning")
        ORIENTATION = "orientation", _("orientering")
        DISCUSSION = "discussion", _("drøftelse")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="items"
    )
    number = models.CharField(
        _("nummer"), max_length=10, blank=True, help_text=_("Tom, når kilden ikke nummererer punktet.")
    )
    title = models.CharField(_("titel"), max_length=300)
    kind = models.CharField(
        _("sagstype"),
        max_length=12,
        choices=Kind.choices,
        blank=True,
        help_text=_("Tom, når kilden ikke siger det."),
    )
    presentation = models.TextField(_("sagsfremstilling"), blank=True)
    recommendation = models.TextField(
        _("indstilling"), blank=True, help_text=_("Tom, når kilden ikke angiver en indstilling.")
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=~models.Q(number=""),
                name="meetings_item_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class ItemLink(models.Model):
    """A portal object an item is about (a VIP round, an allocation, a contract, an infrastructure project)."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="links"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("henvisning")
        verbose_name_plural = _("henvisninger")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "content_type", "object_id"], name="meetings_itemlink_unique"
            ),
        ]

    def __str__(self) -> str:
        return str(self.target) if self.target is not None else f"{self.content_type} {self.object_id}"


class Annex(SourcedModel):
    class Kind(models.TextChoices):
        UPLOAD = "upload", _("uploadet fil")
        GENERATED = "generated", _("dannet fra portalen")

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="annexes"
    )
    position = models.PositiveSmallIntegerField(_("nummer"), default=1)
    title = models.CharField(_("titel"), max_length=300)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    generator = models.CharField(_("dannes af"), max_length=60, blank=True)
    generator_args = models.JSONField(_("parametre"), default=dict, blank=True)
    file = models.FileField(
        _("fil"), storage=private_storage, upload_to=annex_path, blank=True, max_length=255
    )
    checksum = models.CharField(_("kontrolsum (SHA-256)"), max_length=64, blank=True)
    frozen_at = models.DateTimeField(_("fastfrosset"), null=True, blank=True)
    page_count = models.PositiveIntegerField(_("sider"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "position", "pk"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        constraints = [
            models.UniqueConstraint(fields=["item", "position"], name="meetings_annex_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.title}"

    @property
    def label(self) -> str:
        """As the packet numbers it: "Bilag 3.7.1"; an item the source gives no number: "Bilag 1 til «title»"."""
        if not self.item.number:
            return _("Bilag %(position)s til «%(item)s»") % {
                "position": self.position,
                "item": self.item.title,
            }
        return _("Bilag %(number)s") % {"number": f"{self.item.number}.{self.position}"}


class Decision(models.Model):
    class Outcome(models.TextChoices):
        DECIDED = "decided", _("besluttet")
        POSTPONED = "postponed", _("udsat")
        REJECTED = "rejected", _("forkastet")

    item = models.OneToOneField(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("udfald"), max_length=10, choices=Outcome.choices)
    text = models.TextField(_("beslutning"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registreret af"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("registreret"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beslutning")
        verbose_name_plural = _("beslutninger")

    def __str__(self) -> str:
        return f"{self.item.number}: {self.get_outcome_display()}"


class FollowUpAction(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("åben")
        IN_PROGRESS = "in_progress", _("i gang")
        DONE = "done", _("udført")

    decision = models.ForeignKey(
        Decision, verbose_name=_("beslutning"), on_delete=models.CASCADE, related_name="actions"
    )
    owner = models.ForeignKey(
        Organisation, verbose_name=_("ansvarlig"), on_delete=models.PROTECT, related_name="follow_ups"
    )
    description = models.TextField(_("opfølgning"))
    due = models.DateField(_("frist"))
    state = models.CharField(_("status"), max_length=12, choices=State.choices, default=State.OPEN)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("opfølgningspunkt")
        verbose_name_plural = _("opfølgningspunkter")

    def __str__(self) -> str:
        return f"{self.owner}: {self.description[:60]}"

    def is_overdue(self, today) -> bool:
        return self.state != self.State.DONE and self.due < today


class AppointedBody(SourcedModel):
    """A body KKR appoints members to (e.g. Region Hovedstaden's task committee on bus, train and bicycle)."""

    name = models.CharField(_("navn"), max_length=300, unique=True)
    appointing_note = models.TextField(_("om udpegningen"), blank=True)
    seats = models.PositiveSmallIntegerField(_("pladser KKR udpeger til"))
    term = models.CharField(_("periode"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("udpegningsorgan")
        verbose_name_plural = _("udpegningsorganer")

    def __str__(self) -> str:
        return self.name


class Appointment(models.Model):
    body = models.ForeignKey(
        AppointedBody, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="appointments"
    )
    person = models.CharField(_("navn"), max_length=200)
    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    role = models.CharField(_("rolle"), max_length=200, blank=True)
    decided_by = models.ForeignKey(
        AgendaItem,
        verbose_name=_("udpeget under punkt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    starts = models.DateField(_("fra"), null=True, blank=True)
    ends = models.DateField(_("til"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "person"]
        verbose_name = _("udpegning")
        verbose_name_plural = _("udpegninger")

    def __str__(self) -> str:
        return f"{self.person} ({self.body})"

    def is_current(self, today) -> bool:
        return (self.starts is None or self.starts <= today) and (self.ends is None or self.ends >= today)
