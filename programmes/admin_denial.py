"""A plain 403 with an explanation, rather than Wagtail's redirect to the dashboard: at
the desk or the door, staff need to know why a button did nothing and whom to ask."""

from django.template.response import TemplateResponse


def action_denied(request, *, title, explanation, back_url, back_label):
    return TemplateResponse(
        request,
        "programmes/action_denied.html",
        {
            "title": title,
            "explanation": explanation,
            "back_url": back_url,
            "back_label": back_label,
        },
        status=403,
    )
