"""The public form that looks a certificate up by its code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.forms import PublicFormMixin
from workflows.certificates import CODE_LENGTH, normalise_code


class VerifyForm(PublicFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Verificatiecode"),
        max_length=80,
        help_text=_(
            "De code staat onderaan het certificaat, naast de QR-code: %(length)s letters en "
            "cijfers, bijvoorbeeld ABCD-EFGH-… Streepjes en spaties mag je weglaten."
        )
        % {"length": CODE_LENGTH},
        error_messages={"required": _("Vul de verificatiecode van het certificaat in.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(
                _(
                    "Dit is geen geldige verificatiecode. Een code heeft %(length)s letters en "
                    "cijfers; controleer of je ze allemaal overnam."
                ),
                params={"length": CODE_LENGTH},
            )
        return code
