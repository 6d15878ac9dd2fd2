"""What in the 7+3 infrastructure projects needs the board's attention (core/attention.py).

Projects without a lead organisation: the leads follow each project and report yearly. The projects are not
periodic, so the same list stands for every selection; the yearly follow-up has no deadline in the source
or the portal, so none is called overdue. Two queries.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.attention import AttentionItem, Kind

from .models import Project


def attention(selection, today) -> list[AttentionItem]:
    projects = Project.objects.filter(leads__isnull=True).order_by("is_candidate", "order", "name")
    return [
        AttentionItem(
            kind=Kind.MISSING_LEAD,
            area="infrastructure",
            title=project.name,
            detail=_("Infrastruktur: ingen tovholder er registreret for projektet."),
            url=reverse("infrastructure:project", args=[project.slug]),
        )
        for project in projects
    ]
