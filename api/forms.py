from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import LocalizedForm


class TokenForm(LocalizedForm):
    name = forms.CharField(
        label=gettext_lazy("Navn"),
        max_length=100,
        help_text=gettext_lazy("Hvad nøglen bruges til, fx «Power BI, økonomiafdelingen»."),
    )
    days = forms.IntegerField(
        label=gettext_lazy("Gyldig i dage"),
        min_value=1,
        initial=90,
        help_text=gettext_lazy("Nøglen holder op med at virke derefter."),
    )

    def clean_days(self):
        days = self.cleaned_data["days"]
        if days > settings.API_TOKEN_MAX_DAYS:
            raise forms.ValidationError(_("Højst %(days)s dage.") % {"days": settings.API_TOKEN_MAX_DAYS})
        return days
