from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import LocalizedForm
from core.widgets import YearInput

SOURCE_MAX = 200


class PopulationImportForm(LocalizedForm):
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100, widget=YearInput)
    source = forms.CharField(
        label=_("Kilde"),
        max_length=SOURCE_MAX,
        help_text=_("Hvor tallene kommer fra, fx «Danmarks Statistik, FOLK1A, 1. januar 2023»."),
    )
    file = forms.FileField(label=_("Fil (CSV eller XLSX med kolonnerne Kommune og Indbyggere)"))
