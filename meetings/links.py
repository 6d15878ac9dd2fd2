"""The portal objects an agenda item may be linked to, offered as one list in the item form.

Each entry is keyed "<app_label>.<model>:<pk>"; the choice list is built from a few queries and a chosen
key is resolved back to its object only if it is still one of the offered choices.
"""

from django.utils.translation import gettext as _


def _sources():
    from contracts.models import Contract
    from core.models import ReportingPeriod
    from education.models import Allocation
    from infrastructure.models import MobilityAnalysis, Project

    return [
        (_("VIP-statusrunder"), ReportingPeriod.objects.rounds().order_by("-year", "-half"), None),
        (_("Resultatkontrakter"), Contract.objects.order_by("-year"), None),
        (
            _("SOSU-fordelinger"),
            Allocation.objects.official().select_related("programme").order_by("-year", "programme__order"),
            lambda a: f"{a.programme} {a.year} (v{a.version})",
        ),
        (_("Infrastrukturprojekter (7+3)"), Project.objects.priorities().order_by("pk"), None),
        (_("Mobilitetsanalyser"), MobilityAnalysis.objects.order_by("code"), None),
    ]


def key_of(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def choices() -> tuple[list, dict]:
    """Grouped choices for a select, and key -> object for resolving what was chosen."""
    grouped, objects = [], {}
    for label, queryset, describe in _sources():
        options = []
        for obj in queryset:
            objects[key_of(obj)] = obj
            options.append((key_of(obj), describe(obj) if describe else str(obj)))
        if options:
            grouped.append((label, options))
    return grouped, objects


def linked_objects(item) -> list:
    """The item's linked objects (a link whose object was deleted is left out)."""
    return linked_objects_of([item])[item.pk]


def linked_objects_of(items) -> dict[int, list]:
    """Each item's linked objects, one query per linked model whatever the number of items or links."""
    links = [link for item in items for link in item.links.all()]
    wanted: dict[int, set] = {}
    models = {}
    for link in links:
        wanted.setdefault(link.content_type_id, set()).add(link.object_id)
        models[link.content_type_id] = link.content_type  # prefetched by the selector: no query
    found: dict[tuple[int, int], object] = {}
    for content_type_id, ids in wanted.items():
        model = models[content_type_id].model_class()
        if model is not None:
            for pk, obj in model._default_manager.in_bulk(ids).items():
                found[(content_type_id, pk)] = obj
    result: dict[int, list] = {item.pk: [] for item in items}
    for link in links:
        obj = found.get((link.content_type_id, link.object_id))
        if obj is not None:
            result[link.item_id].append(obj)
    return result
