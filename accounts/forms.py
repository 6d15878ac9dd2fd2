from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LoginEvent


class LoginAuditFilter(forms.Form):
    """The audit page's filters; all optional, invalid values give the form again with its errors."""

    kind = forms.ChoiceField(
        label=_("Hændelse"), required=False, choices=[("", _("Alle"))] + list(LoginEvent.Kind.choices)
    )
    username = forms.CharField(label=_("Brugernavn"), required=False, max_length=150)
    ip = forms.GenericIPAddressField(label=_("IP-adresse"), required=False)
    date_from = forms.DateField(
        label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("Til-datoen ligger før fra-datoen."))
        return data

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("username"):
            queryset = queryset.filter(username__icontains=data["username"])
        if data.get("ip"):
            queryset = queryset.filter(ip=data["ip"])
        if data.get("date_from"):
            queryset = queryset.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            queryset = queryset.filter(at__date__lte=data["date_to"])
        return queryset


class TwoFactorCodeForm(forms.Form):
    """One field for both kinds of code: six digits from the app, or a recovery code ("abcd-efgh")."""

    code = forms.CharField(
        label=_("Kode"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, allow_recovery: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.allow_recovery = allow_recovery
        if allow_recovery:
            self.fields["code"].help_text = _(
                "De seks cifre fra din godkendelses-app, eller en af dine gendannelseskoder."
            )
        else:
            self.fields["code"].label = _("Kode fra appen")
            self.fields["code"].help_text = _("De seks cifre, appen viser nu.")
            self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def clean_code(self):
        from .two_factor import RECOVERY_PATTERN, TOTP_PATTERN, normalise_code

        code = normalise_code(self.cleaned_data["code"])
        if TOTP_PATTERN.match(code) or (self.allow_recovery and RECOVERY_PATTERN.match(code)):
            return code
        if self.allow_recovery:
            raise forms.ValidationError(_("Skriv de seks cifre fra appen eller en gendannelseskode."))
        raise forms.ValidationError(_("Skriv de seks cifre fra appen."))
