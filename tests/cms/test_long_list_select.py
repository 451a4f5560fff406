"""The country lists' widget writes the same <select> as Django's own, faster."""

from html.parser import HTMLParser

from django import forms

from cms.forms import LongListSelect

CHOICES = [("", "Kies een land"), ("BE", "België"), ("SY", "Syrië"), ("XX", '<b>"&</b>')]


def normalised(html):
    """Tags with their attributes (in any order) and text, whitespace between tags aside."""
    parts = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            parts.append((tag, sorted(attrs, key=lambda attr: attr[0])))

        def handle_endtag(self, tag):
            parts.append(("/", tag))

        def handle_data(self, data):
            if data.strip():
                parts.append(("text", data))

    Reader(convert_charrefs=True).feed(html)
    return parts


def render(widget_class, value, **attrs):
    field = forms.ChoiceField(choices=CHOICES, widget=widget_class)
    return field.widget.render("nationality", value, attrs={"id": "id_nationality", **attrs})


def test_it_writes_what_djangos_select_writes():
    for value in ("", "SY", "XX"):
        for attrs in ({}, {"required": True, "aria-describedby": "nationality-help"}):
            assert normalised(render(LongListSelect, value, **attrs)) == normalised(
                render(forms.Select, value, **attrs)
            )


def test_labels_and_values_are_escaped():
    html = render(LongListSelect, "XX")
    assert '<option value="XX" selected>&lt;b&gt;&quot;&amp;&lt;/b&gt;</option>' in html
    assert "<b>" not in html


def test_it_writes_what_djangos_select_writes_for_the_country_lists_in_dutch_and_arabic():
    from django.utils import translation

    from cms.forms import FixedChoices
    from programmes.eligibility_forms import _country_choices

    for language in ("nl", "ar"):
        with translation.override(language):
            choices = FixedChoices(_country_choices(translation.gettext("Kies een land")))
            for value in (None, "", "SY", "BE", "nothing"):
                ours = forms.ChoiceField(choices=choices, widget=LongListSelect).widget
                django = forms.ChoiceField(choices=choices, widget=forms.Select).widget
                attrs = {"id": "id_nationality", "class": "utrecht-select"}
                assert normalised(ours.render("nationality", value, attrs)) == normalised(
                    django.render("nationality", value, attrs)
                )


def test_attributes_come_in_the_order_djangos_select_writes_them():
    attrs = {"class": "utrecht-select", "aria-describedby": "help", "id": "id_nationality"}
    assert (
        render(LongListSelect, "SY", **attrs).split(">", 1)[0]
        == (render(forms.Select, "SY", **attrs).split(">", 1)[0])
    )


def test_a_list_with_groups_is_left_to_djangos_templates():
    grouped = [("Europa", [("BE", "België")]), ("SY", "Syrië")]
    ours = forms.ChoiceField(choices=grouped, widget=LongListSelect).widget
    django = forms.ChoiceField(choices=grouped, widget=forms.Select).widget
    assert ours.render("country", "BE") == django.render("country", "BE")
