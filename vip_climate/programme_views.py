"""The programme as a whole, as the source describes it (a page of its own, apart from the report workflow)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import CompendiumTask, ProgrammeText


def programme(request: HttpRequest) -> HttpResponse:
    texts = ProgrammeText.by_topic(*ProgrammeText.Topic.values)
    return render(
        request,
        "vip_climate/programme.html",
        {
            "governance": texts[ProgrammeText.Topic.GOVERNANCE],
            "meeting": texts[ProgrammeText.Topic.MEETING],
            "purchasing": texts[ProgrammeText.Topic.PURCHASING],
            "tasks": CompendiumTask.objects.select_related("project"),
        },
    )
