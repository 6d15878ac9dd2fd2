from django import forms


class LocalizedFormMixin:
    """Number fields accept the Danish decimal comma and thousands dot ("1.776", "2,5")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField | forms.FloatField | forms.IntegerField):
                field.localize = True
                field.widget.is_localized = True
                if isinstance(field.widget, forms.NumberInput):
                    # A text input: browsers' number inputs reject "2,5" before the server sees it.
                    attrs = {**field.widget.attrs, "inputmode": "decimal"}
                    field.widget = forms.TextInput(attrs=attrs)
                    field.widget.is_localized = True


class LocalizedModelForm(LocalizedFormMixin, forms.ModelForm):
    pass


class LocalizedForm(LocalizedFormMixin, forms.Form):
    pass
