"""Building blocks for the public site's forms, after the GOV.UK and NL Design System
patterns: an error summary that links each problem to its field, messages beside the
fields, labelled inputs, and dates asked as day, month and year."""

import datetime
from pathlib import Path

from django import forms
from django.conf import settings
from django.forms import __file__ as forms_init
from django.forms.renderers import DjangoTemplates
from django.forms.utils import flatatt
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

forms_root = Path(forms_init).parent

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX_CLASS = "utrecht-textbox utrecht-textbox--html-input"


class PublicFormRenderer(DjangoTemplates):
    """Django's form templates plus the project's own.

    Django's TemplatesSetting renderer would need "django.forms" in INSTALLED_APPS, whose
    label clashes with this project's `forms` app; this renderer adds the project's
    template folders to Django's form template engine instead.
    """

    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"

    @cached_property
    def engine(self):
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [*settings.TEMPLATES[0]["DIRS"], Path(forms_root) / "templates"],
                "NAME": "publicforms",
                "OPTIONS": {},
            }
        )


class PublicFormMixin:
    """Renders a form the public site's way; `{{ form }}` is all a template needs."""

    default_renderer = PublicFormRenderer()
    template_name = "includes/forms/form.html"
    # No `required` attribute: browsers would mark untouched fields invalid (in red)
    # before anyone answered. Optional fields say "(niet verplicht)" instead, and the
    # server says what is missing after a submit, as the GOV.UK pattern does.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next(
                (css for kind, css in WIDGET_CLASSES.items() if isinstance(widget, kind)),
                TEXTBOX_CLASS,
            )
            if isinstance(widget, forms.MultiWidget):
                for sub in widget.widgets:
                    sub.attrs.setdefault("class", TEXTBOX_CLASS + " date-input__part")
            else:
                existing = widget.attrs.get("class", "")
                widget.attrs["class"] = f"{existing} {css}".strip()

    @property
    def error_title_prefix(self):
        """ "Fout: " before the page title after a failed submit, read out first."""
        return _("Fout: ") if self.errors else ""


class HoneypotMixin:
    """A field people cannot see and bots fill in; a filled one fails quietly."""

    honeypot_field = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            required=False,
            label=_("Laat dit veld leeg"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[self.honeypot_field].is_honeypot = True

    @property
    def is_probably_a_bot(self):
        return bool(self.data.get(self.add_prefix(self.honeypot_field)))


class DayMonthYearWidget(forms.MultiWidget):
    template_name = "includes/forms/day_month_year.html"

    def __init__(self, attrs=None):
        number = {"inputmode": "numeric", "pattern": "[0-9]*"}
        super().__init__(
            [
                forms.TextInput(attrs={**number, "size": 2, "autocomplete": "off"}),
                forms.TextInput(attrs={**number, "size": 2, "autocomplete": "off"}),
                forms.TextInput(attrs={**number, "size": 4, "autocomplete": "off"}),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(
            context["widget"]["subwidgets"], (_("Dag"), _("Maand"), _("Jaar")), strict=True
        ):
            subwidget["label"] = label
        return context


DEFAULT_DATE_EXAMPLE = _("27 3 2021")


class DayMonthYearField(forms.MultiValueField):
    """A date asked as three boxes, with messages that say how to fix it."""

    widget = DayMonthYearWidget

    def __init__(self, *, example=None, **kwargs):
        # Lazy, so that the message is in the language of the request that shows it.
        example = example or DEFAULT_DATE_EXAMPLE
        error_messages = {
            "incomplete": format_lazy(
                _("Vul de datum helemaal in: dag, maand en jaar, bijvoorbeeld {example}."),
                example=example,
            ),
            "invalid": format_lazy(
                _("Vul een echte datum in als dag, maand en jaar, bijvoorbeeld {example}."),
                example=example,
            ),
        }
        fields = (
            forms.IntegerField(min_value=1, max_value=31),
            forms.IntegerField(min_value=1, max_value=12),
            forms.IntegerField(min_value=1900, max_value=2100),
        )
        kwargs.setdefault("require_all_fields", False)
        super().__init__(fields=fields, error_messages=error_messages, **kwargs)
        for field in self.fields:
            # Django asks each part for "incomplete" when only some parts are filled in.
            field.error_messages = {
                "incomplete": self.error_messages["incomplete"],
                "required": self.error_messages["incomplete"],
                "invalid": self.error_messages["invalid"],
                "min_value": self.error_messages["invalid"],
                "max_value": self.error_messages["invalid"],
            }

    def compress(self, data_list):
        if not data_list or all(part in (None, "") for part in data_list):
            return None
        if any(part in (None, "") for part in data_list):
            raise forms.ValidationError(self.error_messages["incomplete"], code="incomplete")
        day, month, year = data_list
        try:
            return datetime.date(year, month, day)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error


class PersonNameField(forms.CharField):
    """Someone's whole name, as one field (a registration, an appointment)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Je naam"))
        kwargs.setdefault("max_length", 150)
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "name"}))
        super().__init__(**kwargs)
        self.error_messages.update(
            {
                "required": _("Vul je naam in, zodat we weten wie er komt."),
                "max_length": _("Je naam is te lang: gebruik hoogstens 150 tekens."),
            }
        )


class EmailAddressField(forms.EmailField):
    """An email address, with messages that show what a good one looks like."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault(
            "widget",
            forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        )
        super().__init__(**kwargs)
        self.error_messages.update(
            {
                "required": _("Vul je e-mailadres in, bijvoorbeeld naam@voorbeeld.be."),
                "invalid": _(
                    "Vul een e-mailadres in met een @ en een domein, bijvoorbeeld "
                    "naam@voorbeeld.be."
                ),
                "max_length": _("Dit e-mailadres is te lang: gebruik hoogstens 254 tekens."),
            }
        )


# The largest primary key a database column holds (a signed 64-bit integer).
LARGEST_ID = 2**63 - 1


def require_email_or_phone(form, cleaned_data, message):
    """Puts `message` on the email field when neither an address nor a number came in;
    a field that already has its own error says enough."""
    has_contact = cleaned_data.get("email") or cleaned_data.get("phone")
    if not has_contact and "email" not in form.errors and "phone" not in form.errors:
        form.add_error("email", message)


class RecordChoiceMixin:
    """A choice of database records that refuses ids no column can hold, as an invalid
    choice, instead of letting the database driver fail on them (SQLite overflows)."""

    def _check_id(self, value):
        try:
            number = int(str(value).strip())
        except (TypeError, ValueError):
            return
        if not -LARGEST_ID <= number <= LARGEST_ID:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )


class RecordChoiceField(RecordChoiceMixin, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            self._check_id(value)
        return super().to_python(value)


class RecordMultipleChoiceField(RecordChoiceMixin, forms.ModelMultipleChoiceField):
    def clean(self, value):
        for item in value or []:
            self._check_id(item)
        return super().clean(value)


class LongListSelect(forms.Select):
    """A <select> of a long flat list (the countries), written out here rather than
    through a template per option: three country lists made Django's widget templates
    most of the time the wizard took to answer. Same markup as forms.Select; no groups."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = "".join(
            format_html(
                '<option value="{}" selected>{}</option>'
                if option["selected"]
                else '<option value="{}">{}</option>',
                option["value"],
                option["label"],
            )
            for _group, group_options, _index in widget["optgroups"]
            for option in group_options
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            SafeString(options),  # each option escaped by format_html above
        )
