"""Template tags for the offer's public pages."""

from django import template

from programmes import suggestions

register = template.Library()


@register.simple_tag
def contact_desk_page():
    """The contact desk page in the reader's language, for "ask the desk" links."""
    return suggestions.contact_desk_page()


@register.filter
def employer_for(employers, vacancy):
    """The employer of `vacancy` from `employers_of(...)`'s mapping, or None."""
    return employers.get(vacancy.pk) if employers else None
