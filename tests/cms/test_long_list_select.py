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
