"""The application wizard's pages: start, the steps, save for later, resume, submitted.

The views find the draft and hand over to django-formtools; what an answer means lives
in `forms.steps`, how a draft is kept in `forms.drafts` and `forms.wizard_storage`, and
what submitting does in `forms.submission`.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.forms.utils import ErrorList
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import StepsHelper, WizardView
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from cms import ratelimit
from cms.storage import private_storage
from forms import drafts
from forms.models import Application, ApplicationDraft, PrivacyNotice
from forms.steps import STEPS, StepContext, facts_from_answers, step_applies
from forms.submission import ApplicationsClosed, submit_application
from forms.tasks import send_resume_link
from forms.wizard_storage import DraftStorage
from programmes.eligibility import evaluate
from programmes.models import ProgrammePage
from programmes.suggestions import contact_desk_page, other_programmes

REVIEW = "review"
DOCUMENTS = "documents"
# (times, seconds): how often a draft may email its resume link, and one address (a
# shared computer at the contact desk, a school) may start drafts.
RESUME_LINKS_PER_DRAFT = (3, 60 * 60)
STARTS_PER_IP_ADDRESS = (30, 60 * 60)
SUBMITS_PER_IP_ADDRESS = (10, 60 * 60)


def reader_programme(programme_id):
    """The live programme page with this id (in whichever language it is)."""
    return get_object_or_404(
        ProgrammePage.objects.live().public().select_related("locale"), pk=programme_id
    )


def canonical_programme(page):
    """The page applications belong to: of a programme's translations and aliases, the
    one created first, so that every language's applications and drafts meet."""
    first = ProgrammePage.objects.filter(translation_key=page.translation_key).order_by("pk")
    return first.first() or page


def in_reader_language(page):
    """Redirect target when a link from another language lands here, or None."""
    try:
        if page.locale.language_code == get_supported_content_language_variant(
            translation.get_language()
        ):
            return None  # already in the reader's language: no need to look the locale up
    except LookupError:
        pass
    locale = Locale.get_active()
    if page.locale_id == locale.pk:
        return None
    return (
        ProgrammePage.objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale=locale)
        .first()
    )


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request, programme_id):
    """The start page: what you need, then a button that opens a draft."""
    page = reader_programme(programme_id)
    translated = in_reader_language(page)
    if translated is not None:
        return redirect("forms:apply", programme_id=translated.pk)
    programme = canonical_programme(page)
    draft = drafts.draft_for(request, programme)
    if draft is not None and not draft.is_submitted and request.method == "GET":
        return redirect("forms:wizard", programme_id=page.pk)

    is_open = programme.applications_open()
    notice = PrivacyNotice.current()
    if request.method == "POST" and is_open and notice is not None:
        if not ratelimit.allow(
            "application_start.ip", ratelimit.client_ip_address(request), *STARTS_PER_IP_ADDRESS
        ):
            messages.error(
                request,
                _(
                    "Er werden van hier te veel aanmeldingen gestart. Probeer het over een "
                    "uur opnieuw."
                ),
            )
            return redirect("forms:apply", programme_id=page.pk)
        if draft is None or draft.is_submitted:
            participant = _participant(request)
            draft = ApplicationDraft.objects.create(
                programme=programme,
                user=participant,
                email=participant.email if participant else "",
                language=translation.get_language(),
            )
        drafts.bind_to_session(request, draft)
        return redirect("forms:wizard", programme_id=page.pk)

    submitted = None
    if draft is not None and draft.is_submitted:
        submitted = Application.objects.filter(draft_public_id=draft.public_id).first()
    return render(
        request,
        "forms/apply_start.html",
        {
            "programme": page,
            "is_open": is_open,
            "has_notice": notice is not None,
            "submitted": submitted,
            "step_count": len([name for name, _form in STEPS if step_applies(name, programme)]),
            "contact_desk_page": contact_desk_page(),
        },
    )


def _participant(request):
    user = request.user
    return user if user.is_authenticated and not user.is_staff else None


class ApplicationWizard(WizardView):
    """The wizard over the draft: formtools renders and validates the steps; the draft
    keeps the answers (see forms.wizard_storage), so nothing a person typed is lost."""

    form_list = STEPS
    condition_dict = {
        name: (lambda wizard, name=name: step_applies(name, wizard.programme))
        for name, _form in STEPS
    }
    template_name = "forms/wizard_step.html"
    file_storage = None  # private storage, looked up per request in dispatch

    def dispatch(self, request, programme_id):
        self.page = reader_programme(programme_id)
        translated = in_reader_language(self.page)
        if translated is not None:
            return redirect("forms:wizard", programme_id=translated.pk)
        self.programme = canonical_programme(self.page)
        self.draft = drafts.draft_for(request, self.programme)
        if self.draft is None:
            return redirect("forms:apply", programme_id=self.page.pk)
        if self.draft.is_submitted:
            return redirect("forms:submitted", programme_id=self.page.pk)
        self.draft.language = translation.get_language()
        self.today = timezone.localdate()
        self.prefix = self.draft.wizard_prefix
        self.file_storage = private_storage()
        self.storage = DraftStorage(self.draft, request, self.file_storage)
        self.steps = StepsHelper(self)
        if self.storage.current_step not in self.get_form_list():
            self.storage.current_step = self.steps.first
        # WizardView.dispatch would make a session storage; ours is made above.
        response = TemplateView.dispatch(self, request, programme_id=programme_id)
        self.storage.update_response(response)
        return response

    # --- Forms -----------------------------------------------------------------------

    @cached_property
    def privacy_notice(self):
        return PrivacyNotice.current()

    def get_form_kwargs(self, step=None):
        form_class = self.form_list[step or self.steps.current]
        kwargs = {
            "context": StepContext(
                programme=self.programme,
                # Looked up only for the steps that show it: two queries the others skip.
                privacy_notice=self.privacy_notice if form_class.uses_privacy_notice else None,
                today=self.today,
                language=translation.get_language(),
            )
        }
        if step == DOCUMENTS:
            kwargs["stored_files"] = self.storage.stored_file_info(DOCUMENTS)
        return kwargs

    def stored_form(self, step):
        return self.get_form(
            step=step,
            data=self.storage.get_step_data(step),
            files=self.storage.get_step_files(step),
        )

    def display_form(self, step):
        """The step as last saved, shown as typed but not yet judged: errors appear only
        after the person submits the step, never on arrival."""
        saved = self.storage.get_step_data(step)
        if saved is None:
            return self.get_form(step=step)
        bound = self.get_form(step=step, data=saved)
        form = self.get_form(step=step)
        form.initial = {name: bound[name].data for name in bound.fields}
        return form

    def process_step_files(self, form):
        """Only new uploads are stored; a file not chosen again stays as it was, and a
        ticked "remove" box deletes it."""
        if self.steps.current != DOCUMENTS:
            return {}
        for field in ("diploma", "cv"):
            if form.cleaned_data.get(f"remove_{field}") and not form.files.get(
                form.add_prefix(field)
            ):
                self.storage.remove_step_file(DOCUMENTS, form.add_prefix(field))
        return {
            key: upload
            for key, upload in form.files.items()
            if key in {form.add_prefix("diploma"), form.add_prefix("cv")}
        }

    # --- Requests --------------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        """Show where the person was; a reload or a second tab never starts over."""
        wanted = request.GET.get("stap")
        form_list = self.get_form_list()
        if wanted in form_list and self._reachable(wanted):
            came_from_review = self.steps.current == REVIEW and wanted != REVIEW
            self.storage.current_step = wanted
            self.storage.extra_data = {
                **self.storage.extra_data,
                "return_to_review": came_from_review,
            }
        return self.render(self.display_form(self.steps.current))

    def post(self, *args, **kwargs):
        request = self.request
        management = ManagementForm(request.POST, prefix=self.prefix)
        if not management.is_valid() or (
            management.cleaned_data["current_step"] not in self.get_form_list()
        ):
            # An old page, a step that no longer applies, or a stray request: show
            # where the draft is now instead of failing.
            messages.warning(request, _("Deze pagina was niet meer actueel. Je bent nu hier."))
            return redirect(request.path)
        posted_step = management.cleaned_data["current_step"]
        self.storage.current_step = posted_step

        goto = request.POST.get("wizard_goto_step")
        if goto:
            self._keep_unchecked(posted_step)
            if goto not in self.get_form_list():
                goto = posted_step
            return self.render_goto_step(goto)

        if "wizard_save_later" in request.POST:
            return self._save_for_later(posted_step)

        if not self.programme.applications_open(self.today):
            self._keep_unchecked(posted_step)
            return self._render_closed(posted_step)
        return super().post(*args, **kwargs)

    def _keep_unchecked(self, step):
        """Save what was typed on `step` without validating it (Back, save for later).
        Uploads are kept only when they pass their checks."""
        data = {
            key: request_values
            for key, request_values in self.request.POST.lists()
            if key.startswith(f"{step}-")
        }
        self.storage.set_step_data(step, data)
        if step == DOCUMENTS and self.request.FILES:
            form = self.get_form(step=step, data=self.request.POST, files=self.request.FILES)
            form.is_valid()
            keep = {
                key: upload
                for key, upload in self.request.FILES.items()
                if key.removeprefix(f"{step}-") not in form.errors
            }
            self.storage.set_step_files(step, keep)
        if step == "about":
            self._remember_email(data.get("about-email", [""])[0])

    def _remember_email(self, email):
        email = (email or "").strip()
        if email and "@" in email:
            self.draft.email = email

    def process_step(self, form):
        if self.steps.current == "about":
            self._remember_email(form.cleaned_data.get("email"))
        return super().process_step(form)

    def render_goto_step(self, goto_step, **kwargs):
        self.storage.current_step = goto_step
        return self.render(self.display_form(goto_step), **kwargs)

    def render_next_step(self, form, **kwargs):
        extra = self.storage.extra_data
        if extra.get("return_to_review"):
            self.storage.extra_data = {**extra, "return_to_review": False}
            if self.steps.current != REVIEW and self._first_incomplete_step() == REVIEW:
                return self.render_goto_step(REVIEW)
        next_step = self.steps.next
        self.storage.current_step = next_step
        return self.render(self.display_form(next_step), **kwargs)

    def render_done(self, form, **kwargs):
        if form.is_probably_a_bot:
            # Answered as if it went through: the bot learns nothing, nothing is sent,
            # and the answers stay in the draft.
            return redirect("forms:submitted", programme_id=self.page.pk)
        # Checked before formtools' own render_done, which resets the wizard's state
        # after done(): a refused submit must keep every answer.
        if not ratelimit.allow(
            "application_submit.ip",
            ratelimit.client_ip_address(self.request),
            *SUBMITS_PER_IP_ADDRESS,
        ):
            self.storage.current_step = REVIEW
            form = self.display_form(REVIEW)
            form.errors_for_save = ErrorList(
                [
                    _(
                        "Er werden van hier veel aanmeldingen na elkaar verstuurd. Je "
                        "antwoorden zijn bewaard: verstuur je aanmelding over een uur opnieuw."
                    )
                ]
            )
            return self.render(form)
        return super().render_done(form, **kwargs)

    def done(self, form_list, form_dict, **kwargs):
        try:
            submit_application(
                self.draft, form_dict, today=self.today, language=translation.get_language()
            )
        except ApplicationsClosed:
            return self._render_closed(REVIEW)
        return redirect("forms:submitted", programme_id=self.page.pk)

    def _save_for_later(self, step):
        self._keep_unchecked(step)
        if not self.draft.email:
            form = self.display_form(step)
            form.errors_for_save = ErrorList(
                [
                    _(
                        "Vul eerst je e-mailadres in bij stap 1 („Over jou”). Daarheen "
                        "sturen we de link om later verder te gaan."
                    )
                ]
            )
            return self.render(form)
        self.storage.save()
        if ratelimit.allow("resume_link.draft", str(self.draft.pk), *RESUME_LINKS_PER_DRAFT):
            send_resume_link.enqueue(self.draft.pk, translation.get_language())
        else:
            # Someone else's address may have been typed in: never flood it.
            messages.info(
                self.request,
                _(
                    "We stuurden je kort geleden al een link. Kijk in je mailbox, ook bij "
                    "ongewenste e-mail. Over een uur kun je een nieuwe link vragen."
                ),
            )
        return redirect("forms:saved", programme_id=self.page.pk)

    def _render_closed(self, step):
        self.storage.current_step = step
        form = self.display_form(step)
        form.window_closed = True
        return self.render(form)

    # --- Helpers for the template ----------------------------------------------------

    @staticmethod
    def window_closed_for(form):
        return getattr(form, "window_closed", False)

    def _first_incomplete_step(self):
        for step in self.get_form_list():
            if step == REVIEW:
                return REVIEW
            if self.storage.get_step_data(step) is None or not self.stored_form(step).is_valid():
                return step
        return REVIEW

    def _reachable(self, step):
        steps = list(self.get_form_list())
        return steps.index(step) <= max(
            steps.index(self.steps.current),
            steps.index(self._first_incomplete_step()),
        )

    def review(self):
        """Every step's answers for "Check your answers", and the eligibility preview."""
        sections, answers = [], {}
        for step, form_class in self.get_form_list().items():
            if step == REVIEW:
                continue
            form = self.stored_form(step)
            complete = self.storage.get_step_data(step) is not None and form.is_valid()
            if complete:
                answers[step] = form.answers()
            sections.append(
                {
                    "step": step,
                    "title": form_class.title,
                    "complete": complete,
                    "rows": form.summary() if complete else [],
                }
            )
        verdict = None
        if all(section["complete"] for section in sections):
            verdict = evaluate(
                self.programme.eligibility_rules(),
                facts_from_answers(answers, self.today),
                self.today,
            )
        return sections, verdict

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step_names = list(self.get_form_list())
        current = self.steps.current
        context.update(
            {
                "programme": self.page,
                "draft": self.draft,
                "step_number": step_names.index(current) + 1,
                "step_total": len(step_names),
                "step_title": self.get_form_list()[current].title,
                "previous_step": self.steps.prev,
                "is_review": current == REVIEW,
                "is_documents": current == DOCUMENTS,
                "window_closed": self.window_closed_for(form),
                "save_errors": getattr(form, "errors_for_save", None),
            }
        )
        if current == DOCUMENTS:
            stored = self.storage.stored_file_info(DOCUMENTS)
            context["document_fields"] = [
                (
                    form[name],
                    form[f"remove_{name}"] if f"remove_{name}" in form.fields else None,
                    stored.get(form.add_prefix(name)),
                )
                for name in ("diploma", "cv")
            ]
        if self.window_closed_for(form):
            context["contact_desk_url"] = _desk_url()
        if current == REVIEW:
            context["review_sections"], context["verdict"] = self.review()
            context["all_complete"] = all(s["complete"] for s in context["review_sections"])
        return context


wizard = never_cache(ApplicationWizard.as_view())


def _bound_draft_or_404(request, page):
    draft = drafts.draft_for(request, canonical_programme(page))
    if draft is None:
        raise Http404
    return draft


@never_cache
def saved(request, programme_id):
    page = reader_programme(programme_id)
    draft = _bound_draft_or_404(request, page)
    return render(request, "forms/saved.html", {"programme": page, "draft": draft})


@never_cache
def submitted(request, programme_id):
    """The confirmation: the reference in large type, and what happens next."""
    page = reader_programme(programme_id)
    draft = _bound_draft_or_404(request, page)
    application = Application.objects.filter(draft_public_id=draft.public_id).first()
    if application is None:
        return redirect("forms:wizard", programme_id=page.pk)
    missed = [
        outcome
        for outcome in application.eligibility.get("outcomes", [])
        if outcome["status"] == "missed"
    ]
    return render(
        request,
        "forms/submitted.html",
        {
            "programme": page,
            "application": application,
            "missed": missed,
            "other_programmes": other_programmes(page)[:5] if missed else [],
            "contact_desk_page": contact_desk_page(),
        },
    )


@never_cache
def resume(request, token):
    """The emailed link: it opens the draft in this browser, wherever it was started."""
    draft = drafts.draft_for_resume_token(token)
    if draft is None:
        return render(request, "forms/resume_invalid.html", status=404)
    drafts.bind_to_session(request, draft)
    page = draft.programme.localized
    if draft.is_submitted:
        return redirect("forms:submitted", programme_id=page.pk)
    return redirect("forms:wizard", programme_id=page.pk)


@never_cache
def continue_draft(request, public_id):
    """From the participant's portal: open one of their own drafts in this browser."""
    if not request.user.is_authenticated:
        # The portal's own sign-in (by emailed link), not the admin's.
        return redirect_to_login(
            request.get_full_path(), login_url=f"/{translation.get_language()}/my/inloggen/"
        )
    draft = get_object_or_404(ApplicationDraft, public_id=public_id, submitted_at__isnull=True)
    if not drafts.owned_by(draft, request.user):
        raise Http404
    drafts.bind_to_session(request, draft)
    return redirect("forms:wizard", programme_id=draft.programme.localized.pk)


def _desk_url():
    desk = contact_desk_page()
    return desk.url if desk else ""
