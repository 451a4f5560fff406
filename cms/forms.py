"""Building blocks for the public site's forms, after the GOV.UK and NL Design System
patterns: an error summary that links each problem to its field, messages beside the
fields, labelled inputs, and dates asked as day, month and year."""

import datetime
import functools
from pathlib import Path

from django import forms
from django.conf import settings
from django.forms import __file__ as forms_init
from django.forms.renderers import DjangoTemplates
from django.utils.choices import BaseChoiceIterator
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import gettext
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


# --- Widget markup written in Python --------------------------------------------------
#
# A template render per radio button, per date part and per option made most of the time
# a public form took to show. These functions write the same characters as the templates
# named in WRITTEN_TEMPLATES (Django's own widget templates and the project's date
# template); tests/cms/test_form_markup.py compares them with the templates, character
# for character. A widget template they do not know is rendered by its template.


class NotWritten(Exception):
    """The markup asks for a template the writers below do not know."""


def _shown(value):
    """`{{ value }}` under autoescape."""
    if not isinstance(value, str):
        value = localize(value)
    return conditional_escape(value)


def _formatted(value):
    """`{{ value|stringformat:"s" }}` under autoescape."""
    if isinstance(value, str) or hasattr(value, "__html__"):
        return conditional_escape(value)
    return conditional_escape(str(value))


def _attrs(attrs):
    """django/forms/widgets/attrs.html"""
    return "".join(
        f" {_shown(name)}" if value is True else f' {_shown(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget):
    """django/forms/widgets/input.html, with the line end its file has."""
    value = widget["value"]
    shown_value = "" if value == None else f' value="{_formatted(value)}"'  # noqa: E711 -- as the template compares
    return (
        f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"'
        f"{shown_value}{_attrs(widget['attrs'])}>\n"
    )


def _input_option(widget):
    """django/forms/widgets/input_option.html"""
    if not widget["wrap_label"]:
        return _input(widget) + "\n"
    label_id = widget["attrs"].get("id")
    label_for = f' for="{_shown(label_id)}"' if label_id else ""
    return f"<label{label_for}>{_input(widget)} {_shown(widget['label'])}</label>\n"


def _multiple_input(widget):
    """django/forms/widgets/multiple_input.html"""
    id_ = widget["attrs"].get("id")
    css_class = widget["attrs"].get("class")
    parts = [
        "<div",
        f' id="{_shown(id_)}"' if id_ else "",
        f' class="{_shown(css_class)}"' if css_class else "",
        ">",
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{_shown(group)}</label>")
        for option in options:
            parts.append(f"<div>\n    {_included(option)}</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>\n")
    return "".join(parts)


def _select(widget):
    """django/forms/widgets/select.html with select_option.html; a list with groups is
    left to the templates."""
    if any(group for group, _options, _index in widget["optgroups"]):
        raise NotWritten("django/forms/widgets/select.html with groups")
    options = "".join(
        f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_shown(option['label'])}</option>\n"
        for _group, group_options, _index in widget["optgroups"]
        for option in group_options
    )
    return f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>{options}\n</select>'


def _day_month_year(widget):
    """includes/forms/day_month_year.html"""
    parts = ['<div class="date-input">']
    for subwidget in widget["subwidgets"]:
        label_for = _shown(subwidget["attrs"].get("id", ""))
        parts.append(
            '\n  <div class="date-input__item">\n'
            '    <label class="utrecht-form-label date-input__label" '
            f'for="{label_for}">{_shown(subwidget["label"])}</label>\n'
            f"    {_included(subwidget)}\n"
            "  </div>"
        )
    parts.append("\n</div>\n")
    return "".join(parts)


def _input_template(widget):
    """text.html, email.html and the other inputs: input.html and a line end."""
    return _input(widget) + "\n"


FIELDSET_WIDGETS = ("daymonthyear", "radioselect", "checkboxselectmultiple")


def _field_group(field):
    """includes/forms/field.html: a field with its label (or legend), its help text and
    its error messages."""
    if getattr(field.field, "is_honeypot", False):
        return f'<div class="honeypot" aria-hidden="true">{field.label_tag()}{field}</div>\n'
    widget_type = field.widget_type
    auto_id = _shown(field.auto_id)
    errors = field.errors
    help_text = field.help_text
    help_html = (
        f'<p class="utrecht-form-field-description" id="{auto_id}_helptext">{_shown(help_text)}</p>'
        if help_text
        else ""
    )
    error_label = _shown(gettext("Fout:"))
    errors_html = "".join(
        f'<p class="utrecht-form-field-error-message" id="{auto_id}_error">'
        f'<span class="visually-hidden">{error_label}</span> {_shown(error)}</p>'
        for error in errors
    )
    optional = (
        ""
        if field.field.required
        else f' <span class="optional">({_shown(gettext("niet verplicht"))})</span>'
    )
    label = _shown(field.label)
    if widget_type in FIELDSET_WIDGETS:
        described_by = ""
        if help_text or errors:
            described_by = (
                f' aria-describedby="{f"{auto_id}_helptext" if help_text else ""}'
                f'{f" {auto_id}_error" if errors else ""}"'
            )
        body = (
            f'\n  <fieldset class="utrecht-form-fieldset"{described_by}>\n'
            '    <legend class="utrecht-form-fieldset__legend utrecht-form-label">'
            f"{label}{optional}</legend>\n"
            f"    {help_html}\n"
            f"    {errors_html}\n"
            f"    {field}\n"
            "  </fieldset>\n  "
        )
    elif widget_type == "checkbox":
        body = (
            f"\n  {errors_html}\n"
            f'  <div class="checkbox-row">{field} <label class="utrecht-form-label '
            f'utrecht-form-label--checkbox" for="{_shown(field.id_for_label)}">{label}'
            "</label></div>\n"
            f"  {help_html}\n  "
        )
    else:
        body = (
            f'\n  <label class="utrecht-form-label" for="{_shown(field.id_for_label)}">'
            f"{label}{optional}</label>\n"
            f"  {help_html}\n"
            f"  {errors_html}\n"
            f"  {field}\n  "
        )
    return (
        f'\n\n<div class="utrecht-form-field{" utrecht-form-field--invalid" if errors else ""}'
        f'{" utrecht-form-field--checkbox" if widget_type == "checkbox" else ""}">\n  '
        f"{body}\n</div>\n\n"
    )


WRITTEN_TEMPLATES = {
    "django/forms/widgets/text.html": _input_template,
    "django/forms/widgets/email.html": _input_template,
    "django/forms/widgets/number.html": _input_template,
    "django/forms/widgets/tel.html": _input_template,
    "django/forms/widgets/url.html": _input_template,
    "django/forms/widgets/radio_option.html": lambda widget: _input_option(widget) + "\n",
    "django/forms/widgets/checkbox_option.html": lambda widget: _input_option(widget) + "\n",
    "django/forms/widgets/select.html": _select,
    "django/forms/widgets/radio.html": lambda widget: _multiple_input(widget) + "\n",
    "django/forms/widgets/checkbox_select.html": lambda widget: _multiple_input(widget) + "\n",
    "includes/forms/day_month_year.html": _day_month_year,
}


def _included(widget):
    """`{% include widget.template_name %}`"""
    write = WRITTEN_TEMPLATES.get(widget["template_name"])
    if write is None:
        raise NotWritten(widget["template_name"])
    return write(widget)


# The field template, written in Python too; its context is {"field": a BoundField}.
WRITTEN_FIELD_TEMPLATES = {"includes/forms/field.html": _field_group}


def write_widget(template_name, context):
    """The markup `template_name` makes of a widget's or a field's `context`, as the
    renderer returns it (stripped), or None when it is not one written here."""
    if set(context) == {"widget"}:
        write, value = WRITTEN_TEMPLATES.get(template_name), context["widget"]
    elif set(context) == {"field"}:
        write, value = WRITTEN_FIELD_TEMPLATES.get(template_name), context["field"]
    else:
        return None
    if write is None:
        return None
    try:
        return write(value).strip()
    except (NotWritten, KeyError):  # a template or a context of a kind not known here
        return None


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

    def render(self, template_name, context, request=None):
        written = write_widget(template_name, context)
        if written is not None:
            return written
        return super().render(template_name, context, request=request)


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


class FixedChoices(BaseChoiceIterator):
    """(value, label) pairs made once that nobody changes afterwards. Django normalises a
    plain list of choices and copies it item by item for every field and widget it passes
    through (a country list of 250 names several times per form); these it takes as they
    are."""

    def __init__(self, choices):
        self.choices = tuple(choices)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)

    def __getitem__(self, index):
        return self.choices[index]

    def __deepcopy__(self, memo):
        return self  # a tuple of (value, label) pairs: nothing in it can change


class LongListSelect(forms.Select):
    """A <select> of a long flat list (the countries), written out here rather than
    through a template per option: three country lists made Django's widget templates
    most of the time the wizard took to answer. Same markup as forms.Select, whitespace
    between the options aside; a list with groups is rendered by Django's templates."""

    def render(self, name, value, attrs=None, renderer=None):
        if any(isinstance(label, list | tuple) for _value, label in self.choices):
            return super().render(name, value, attrs, renderer)
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        # As ChoiceWidget.optgroups chooses: the first matching option only, unless
        # several may be selected.
        wanted = self.format_value(value)
        has_selected = False
        options = []
        for option_value, option_label in self.choices:
            option_value = "" if option_value is None else option_value
            selected = (not has_selected or self.allow_multiple_selected) and str(
                option_value
            ) in wanted
            has_selected |= selected
            options.append(_option(option_value, option_label, selected))
        return SafeString(
            f'<select name="{_shown(name)}"{_attrs(final_attrs)}>{"".join(options)}</select>'
        )


def _option(value, label, selected):
    """django/forms/widgets/select_option.html, without its line end."""
    if type(value) is str and type(label) is str:
        return _plain_option(value, label, selected)
    return _option_markup(value, label, selected)


def _option_markup(value, label, selected):
    return (
        f'<option value="{_formatted(value)}"{" selected" if selected else ""}>'
        f"{_shown(label)}</option>"
    )


@functools.lru_cache(maxsize=4096)
def _plain_option(value, label, selected):
    """An option with a plain string label: the country names, the same in every
    request of a language, so each is escaped once."""
    return _option_markup(value, label, selected)
