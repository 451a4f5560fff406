"""The public "Can I take part?" check: no account, and nothing of the answers is kept.

The answers are evaluated in memory and shown back on the same page; there is no model,
no session write and no log line with them. They travel by POST, so they do not end up
in addresses, browser history or server logs either.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from programmes import suggestions
from programmes.eligibility import evaluate
from programmes.eligibility_forms import EligibilityCheckForm
from programmes.models import ProgrammePage


def checkable_programmes():
    """Programmes anyone may check: live and without view restrictions."""
    return ProgrammePage.objects.live().public().select_related("locale", "alias_of__locale")


@never_cache
@require_http_methods(["GET", "POST"])
def eligibility_check(request, page_id):
    locale = Locale.get_active()
    programme = checkable_programmes().filter(pk=page_id).first()
    if programme is None:
        raise Http404
    if programme.locale_id != locale.pk:
        # A link from another language (the language switcher keeps the address): go to
        # the same programme in the reader's language, if it exists there.
        translation = (
            checkable_programmes()
            .filter(translation_key=programme.translation_key, locale=locale)
            .first()
        )
        if translation is None:
            raise Http404
        return redirect("eligibility:check", page_id=translation.pk)

    today = timezone.localdate()
    if request.method == "POST":
        form = EligibilityCheckForm(programme, request.POST, today=today)
    else:
        form = EligibilityCheckForm(programme, today=today)

    verdict = None
    if form.is_bound and form.is_valid() and not form.is_probably_a_bot:
        verdict = evaluate(programme.eligibility_rules(), form.facts(), today)
    return render(
        request,
        "programmes/eligibility_check.html",
        {
            "programme": programme,
            "form": form,
            "verdict": verdict,
            **result_suggestions(programme, verdict),
        },
    )


def result_suggestions(programme, verdict):
    """Where else to go: the contact desk always; the cafés and the other programmes
    too when a rule is missed."""
    context = {"contact_desk_page": suggestions.contact_desk_page(programme.locale)}
    if verdict is not None and verdict.eligible is False:
        context["cafe_series"] = list(suggestions.cafe_series(programme.locale))
        context["other_programmes"] = list(suggestions.other_programmes(programme))
    return context
