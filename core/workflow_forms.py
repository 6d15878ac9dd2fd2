"""The forms of the shared report workflow screens: every one carries the version the user read.

The version is the optimistic lock of core.workflow: a transition names the version it was based on, and
a stale one is refused (StaleVersion) instead of overwriting someone else's work.
"""

from typing import TYPE_CHECKING, Any, Self, cast

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedModelForm

from .workflow import WorkflowReport

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _version_field() -> forms.IntegerField:
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class VersionForm(forms.Form):
    """A bare action on a report (submit, approve): only the version it was read at."""

    version = _version_field()
    # Said to the user when the form is refused for anything but the (hidden) version.
    refusal: "StrOrPromise" = ""


class ReturnForm(VersionForm):
    """The secretariat sends a submitted report back to its lead, saying what to fix."""

    comment = forms.CharField(
        label=_("Kommentar til tovholderen"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    refusal = _("Skriv en kommentar, der forklarer, hvad der skal rettes.")

    @classmethod
    def for_report(cls, report: WorkflowReport) -> Self:
        return cls(initial={"version": report.version})


class VersionedReportForm(LocalizedModelForm):
    """An area's content form for a report: its `Meta.fields` are the content, plus the hidden version.

    Rendered without its own <form> tag: templates/core/workflow/_edit_form.html adds the tag and the
    save / submit buttons, the same in every area.
    """

    version = _version_field()
    refusal = _("Rapporten er ikke gemt. Ret fejlene nedenfor.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version
        self.helper = FormHelper()
        self.helper.form_tag = False

    @classmethod
    def content_fields(cls) -> list[str]:
        fields = cls._meta.fields
        if fields is None:  # Meta.exclude alone would leave the content unnamed
            raise ImproperlyConfigured(f"{cls.__name__}.Meta must list its content fields")
        return list(fields)

    def content(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.content_fields()}

    def rebased_on(self, current: WorkflowReport) -> Self:
        """The user's text again, now based on the version that won: saving it replaces that one knowingly."""
        # Bound to request.POST (a QueryDict) in the views, or to a plain dict.
        data = cast("QueryDict | dict[str, Any]", self.data).copy()
        data["version"] = str(current.version)
        # A separate instance: validating must not overwrite the other version the page shows.
        form = type(self)(data, instance=type(current)._default_manager.get(pk=current.pk))
        form.is_valid()
        return form
