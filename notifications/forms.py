from django import forms

from .models import Preference


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["language", "frequency"]
        widgets = {"language": forms.RadioSelect, "frequency": forms.RadioSelect}
