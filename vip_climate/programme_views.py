"""The programme as a whole, as the source describes it (a page of its own, apart from the report workflow)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import CompendiumTask, ProgrammeText


def programme(request: HttpRequest) -> HttpResponse:
    texts = list(ProgrammeText.objects.all())
    return render(
        request,
        "vip_climate/programme.html",
        {
            "governance": [t for t in texts if t.topic == ProgrammeText.Topic.GOVERNANCE],
            "meeting": [t for t in texts if t.topic == ProgrammeText.Topic.MEETING],
            "purchasing": [t for t in texts if t.topic == ProgrammeText.Topic.PURCHASING],
            "tasks": CompendiumTask.objects.select_related("project"),
        },
    )
