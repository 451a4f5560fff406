"""The public forms' renderer writes the widgets' markup in Python: exactly the characters
their templates write, in Dutch and in Arabic."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation
from django.utils.safestring import mark_safe

from cms.forms import (
    WRITTEN_TEMPLATES,
    DayMonthYearField,
    FixedChoices,
    HoneypotMixin,
    PublicFormMixin,
    PublicFormRenderer,
    write_widget,
)
from forms.steps import TelephoneInput


class TemplatesOnly(PublicFormRenderer):
    """The public renderer as it was: every template rendered by the template engine."""

    def render(self, template_name, context, request=None):
        return DjangoTemplates.render(self, template_name, context, request=request)


WRITTEN = PublicFormRenderer()
TEMPLATES = TemplatesOnly()

CHOICES = [
    ("woman", "Vrouw"),
    ("man", "Man"),
    ("other", mark_safe("<em>Anders</em>")),
    ("x", '<b>"&</b>'),
    (3, 3),
]
GROUPED = [("Europa", [("BE", "België"), ("NL", "Nederland")]), ("SY", "Syrië")]
ATTRS = [
    {},
    {"id": "id_gender"},
    {
        "id": "id_gender",
        "class": "utrecht-radio-button",
        "aria-describedby": "id_gender_helptext",
        "required": True,
        "disabled": False,
        "data-x": None,
        "size": 2,
    },
]


def both(widget, name, value, attrs):
    """(written, templated) markup of `widget`."""
    return (
        widget.render(name, value, attrs=attrs, renderer=WRITTEN),
        widget.render(name, value, attrs=attrs, renderer=TEMPLATES),
    )


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize(
    "widget_class",
    [forms.RadioSelect, forms.CheckboxSelectMultiple, forms.Select, forms.SelectMultiple],
    ids=["radio", "checkbox", "select", "select-multiple"],
)
def test_choice_lists_are_written_as_their_templates_write_them(language, widget_class):
    with translation.override(language):
        for choices in (CHOICES, GROUPED, FixedChoices(CHOICES)):
            widget = widget_class(choices=choices)
            for value in (None, "", "man", ["man", "x"], "3", "BE", "nothing"):
                for attrs in ATTRS:
                    written, templated = both(widget, "gender", value, attrs)
                    assert written == templated


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize(
    "widget_class",
    [forms.TextInput, forms.EmailInput, forms.NumberInput, forms.URLInput, TelephoneInput],
)
def test_inputs_are_written_as_their_templates_write_them(language, widget_class):
    with translation.override(language):
        widget = widget_class(attrs={"autocomplete": "off", "inputmode": "numeric"})
        for value in (None, "", "Amina", '<script>"x"</script>', 1990, 12.5):
            for attrs in ATTRS:
                written, templated = both(widget, "first_name", value, attrs)
                assert written == templated


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_dates_are_written_as_their_template_writes_them(language):
    class DateForm(PublicFormMixin, forms.Form):
        born = DayMonthYearField(label="Geboortedatum")

    with translation.override(language):
        widget = DateForm().fields["born"].widget
        for value in (None, datetime.date(1990, 7, 14), ["14", "", "19<90"], [1, 2]):
            for attrs in ATTRS:
                written, templated = both(widget, "born", value, attrs)
                assert written == templated
        assert "Dag" in written if language == "nl" else "Dag" not in written


def test_every_written_template_is_one_the_template_engine_knows():
    for template_name in WRITTEN_TEMPLATES:
        assert TEMPLATES.get_template(template_name) is not None


def test_a_widget_with_a_template_of_its_own_is_left_to_the_template():
    class StarRadio(forms.RadioSelect):
        option_template_name = "django/forms/widgets/input.html"

    widget = StarRadio(choices=CHOICES)
    context = widget.get_context("gender", "man", {"id": "id_gender"})
    assert write_widget(widget.template_name, context) is None
    written, templated = both(widget, "gender", "man", {"id": "id_gender"})
    assert written == templated


def test_labels_and_values_are_escaped():
    written, _templated = both(forms.RadioSelect(choices=CHOICES), "gender", "x", {"id": "g"})
    assert "&lt;b&gt;&quot;&amp;&lt;/b&gt;</label>" in written
    assert 'value="x"' in written
    assert "<em>Anders</em>" in written  # a label marked safe stays as it is


class EveryKindForm(HoneypotMixin, PublicFormMixin, forms.Form):
    name = forms.CharField(label="Naam", help_text="Zoals op je <identiteitskaart>.")
    nickname = forms.CharField(label="Roepnaam", required=False)
    story = forms.CharField(label="Verhaal", widget=forms.Textarea, required=False)
    born = DayMonthYearField(label="Geboortedatum", help_text="Bijvoorbeeld 14 7 1990.")
    gender = forms.ChoiceField(label="Geslacht", choices=CHOICES, widget=forms.RadioSelect)
    days = forms.MultipleChoiceField(
        label="Dagen",
        choices=[("mon", "maandag"), ("tue", "dinsdag")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    country = forms.ChoiceField(label="Land", choices=GROUPED, help_text="Waar je woont.")
    agree = forms.BooleanField(label="Ik ga akkoord", help_text="Lees eerst de voorwaarden.")

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("nickname") == "fout":
            raise forms.ValidationError("Iets klopt niet <samen>.")
        return cleaned_data


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize("auto_id", ["id_%s", False])
def test_fields_are_written_as_their_template_writes_them(language, auto_id):
    filled_in = {
        "name": "Amina",
        "nickname": "fout",
        "born_0": "14",
        "born_1": "7",
        "born_2": "1990",
        "gender": "x",
        "days": ["mon", "tue"],
        "country": "BE",
        "agree": "on",
    }
    with translation.override(language):
        for data in (None, {}, filled_in, {"born_0": "31", "born_1": "2", "days": ["sun"]}):
            written = EveryKindForm(data, auto_id=auto_id, renderer=WRITTEN)
            templated = EveryKindForm(data, auto_id=auto_id, renderer=TEMPLATES)
            assert str(written) == str(templated)
            for name in written.fields:
                assert written[name].as_field_group() == templated[name].as_field_group()
