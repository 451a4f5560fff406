"""The forms transitions ask for, by key: what a reviewer records when acting on a case.

A definition names its form ("screening", "traineeship", ...); the engine validates the
posted data with it, stores `event_data()` in the case history and calls `apply()` in
the same transaction (an assignee, a traineeship, a placement).
"""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models.functions import Left, Length
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cms.forms import RecordChoiceField
from programmes.choices import EQFLevel, OrganisationType
from programmes.models import PartnerPage, TraineeshipType, VacancyPage
from workflows.models import Placement, ProgrammeScope, Proposal, Traineeship

COACHES = "Coaches"


class TransitionForm(forms.Form):
    """An optional comment; subclasses add what their transition records."""

    comment_required = False
    comment = forms.CharField(
        label=_("Opmerking"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Komt in de geschiedenis van het dossier. De deelnemer ziet dit niet."),
    )

    def __init__(self, *args, case, user, transition=None, **kwargs):
        self.case = case
        self.user = user
        self.transition = transition
        super().__init__(*args, **kwargs)
        if self.comment_required:
            self.fields["comment"].required = True
            self.fields["comment"].error_messages["required"] = self.comment_required_message

    comment_required_message = _("Schrijf een opmerking.")

    def event_data(self):
        """What goes into the case history, as JSON-friendly values."""
        data = {}
        for name, value in self.cleaned_data.items():
            if name == "comment" or value in (None, ""):
                continue
            if isinstance(value, datetime.date):
                value = value.isoformat()
            elif hasattr(value, "pk"):
                value = {"id": value.pk, "label": str(value)}
            data[name] = value
        return data

    def apply(self, case, event):
        """Record what the transition changes besides the state; nothing by default."""


class NoteForm(TransitionForm):
    comment_required = True
    comment_required_message = _("Schrijf de notitie.")


class ReasonForm(TransitionForm):
    comment_required = True
    comment_required_message = _("Schrijf waarom, zodat een collega het later begrijpt.")


class ScreeningForm(TransitionForm):
    reasons = forms.CharField(
        label=_("Waarom deze beslissing?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf waarom je zo beslist.")},
    )
    referral = forms.CharField(
        label=_("Doorverwezen naar"),
        required=False,
        help_text=_("Bij een weigering: waar kan de persoon wel terecht?"),
    )


class RequestInformationForm(TransitionForm):
    message = forms.CharField(
        label=_("Wat moet de deelnemer nog bezorgen?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De deelnemer krijgt dit bericht per e-mail."),
        error_messages={"required": _("Schrijf wat de deelnemer nog moet bezorgen.")},
    )


def _coaches_for(programme):
    users = get_user_model().objects.filter(is_active=True)
    scoped = ProgrammeScope.objects.filter(programme=programme).values("user")
    return users.filter(groups__name=COACHES, pk__in=scoped).distinct().order_by("first_name")


class AssignMentorForm(TransitionForm):
    mentor = RecordChoiceField(
        label=_("Begeleider"),
        queryset=get_user_model().objects.none(),
        error_messages={"required": _("Kies een begeleider uit de lijst.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = _coaches_for(self.case.programme)
        self.fields["mentor"].label_from_instance = lambda user: user.get_full_name() or user.email

    def apply(self, case, event):
        case.assignee = self.cleaned_data["mentor"]


def _employers():
    return PartnerPage.objects.filter(
        organisation_type=OrganisationType.EMPLOYER, locale=Locale.get_default()
    ).order_by("title")


class TraineeshipForm(TransitionForm):
    traineeship_type = RecordChoiceField(
        label=_("Soort stage"),
        queryset=TraineeshipType.objects.none(),
        error_messages={"required": _("Kies de soort stage.")},
    )
    employer = RecordChoiceField(
        label=_("Werkgever"),
        queryset=PartnerPage.objects.none(),
        error_messages={"required": _("Kies de werkgever.")},
    )
    starts_on = forms.DateField(
        label=_("Begint op"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul de begindatum in."), "invalid": _("Vul een datum in.")},
    )
    ends_on = forms.DateField(
        label=_("Eindigt op"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul de einddatum in."), "invalid": _("Vul een datum in.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["traineeship_type"].queryset = TraineeshipType.objects.filter(
            locale=Locale.get_default()
        )
        self.fields["employer"].queryset = _employers()

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("traineeship_type")
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts_on and ends_on:
            if ends_on < starts_on:
                self.add_error("ends_on", _("De einddatum ligt voor de begindatum."))
            elif kind is not None:
                days = (ends_on - starts_on).days + 1
                if not kind.min_duration_days <= days <= kind.max_duration_days:
                    self.add_error(
                        "ends_on",
                        _(
                            "Een %(kind)s duurt %(min)s tot %(max)s dagen; deze duurt "
                            "%(days)s dagen. Pas de data aan of kies een andere soort."
                        )
                        % {
                            "kind": kind.abbreviation or kind.name,
                            "min": kind.min_duration_days,
                            "max": kind.max_duration_days,
                            "days": days,
                        },
                    )
        return cleaned_data

    def apply(self, case, event):
        data = self.cleaned_data
        Traineeship.objects.create(
            case=case,
            traineeship_type=data["traineeship_type"],
            employer=data["employer"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )


class TraineeshipEndForm(TransitionForm):
    completed = forms.BooleanField(
        label=_("De deelnemer heeft de stage voltooid"),
        required=False,
        initial=True,
        help_text=_("Uit: de stage werd vroeger stopgezet."),
    )

    def apply(self, case, event):
        current = case.traineeships.filter(completed=False).order_by("-starts_on").first()
        if current is not None and self.cleaned_data["completed"]:
            current.completed = True
            current.save(update_fields=["completed"])


def diploma_level(application):
    """The applicant's diploma on the EQF scale, from their answers; None if unknown."""
    level = (application.answers.get("education") or {}).get("eqf_level")
    try:
        return int(level)
    except (TypeError, ValueError):
        return 0 if level == "none" else None


class PlacementForm(TransitionForm):
    employer = RecordChoiceField(
        label=_("Werkgever"),
        queryset=PartnerPage.objects.none(),
        error_messages={"required": _("Kies de werkgever.")},
    )
    job_title = forms.CharField(
        label=_("Functie"), error_messages={"required": _("Vul de functie in.")}
    )
    contract_type = forms.ChoiceField(
        label=_("Soort contract"),
        choices=Placement.ContractType.choices,
        error_messages={"required": _("Kies de soort contract.")},
    )
    starts_on = forms.DateField(
        label=_("Begint op"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul de begindatum in."), "invalid": _("Vul een datum in.")},
    )
    job_eqf_level = forms.TypedChoiceField(
        label=_("Niveau van de job"),
        choices=[("", _("Onbekend")), *EQFLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Om te weten of de deelnemer op het niveau van het diploma werkt."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = _employers()

    def apply(self, case, event):
        data = self.cleaned_data
        # A matchmaking candidate hired through a proposal: the employer's pipeline says so.
        case.proposals.filter(closed_at__isnull=True).update(hired_at=event.at)
        diploma = diploma_level(case.application)
        job = data.get("job_eqf_level")
        Placement.objects.create(
            case=case,
            employer=data["employer"],
            job_title=data["job_title"],
            contract_type=data["contract_type"],
            starts_on=data["starts_on"],
            job_eqf_level=job,
            at_level=None if job is None or diploma is None else job >= diploma,
        )


def open_proposal(case):
    """The case's open proposal to an employer, or None (cases from before proposals)."""
    return case.proposals.filter(closed_at__isnull=True).first()


def open_vacancies():
    """The open vacancies (source pages) of employer partners, for a proposal."""
    employers = dict(_employers().values_list("path", "title"))
    vacancies = (
        VacancyPage.objects.live()
        .filter(locale=Locale.get_default(), is_open=True)
        .annotate(parent_path=Left("path", Length("path") - Page.steplen))
        .filter(parent_path__in=list(employers))
        .order_by("title", "pk")
    )
    return vacancies, employers


class ProposeForm(TransitionForm):
    """Proposes the candidate for one vacancy; the employer then sees the blind profile."""

    vacancy = RecordChoiceField(
        label=_("Vacature"),
        queryset=VacancyPage.objects.none(),
        help_text=_("Open vacatures van werkgevers. De werkgever ziet alleen het blind profiel."),
        error_messages={"required": _("Kies de vacature waarvoor je de kandidaat voorstelt.")},
    )
    reasons = forms.CharField(
        label=_("Waarom past de kandidaat bij deze vacature?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf waarom de kandidaat bij deze vacature past.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        vacancies, employers = open_vacancies()
        self.fields["vacancy"].queryset = vacancies
        self.fields["vacancy"].label_from_instance = lambda vacancy: (
            f"{employers.get(vacancy.parent_path, '')} – {vacancy.title}"
        )

    def clean_vacancy(self):
        vacancy = self.cleaned_data["vacancy"]
        current = open_proposal(self.case)
        if current is not None and current.vacancy_id == vacancy.pk:
            raise forms.ValidationError(
                _("De kandidaat is al voorgesteld voor deze vacature. Kies een andere vacature.")
            )
        return vacancy

    def apply(self, case, event):
        # One open proposal per case: a new one replaces the one the employer left.
        case.proposals.filter(closed_at__isnull=True).update(closed_at=event.at)
        Proposal.objects.create(
            case=case,
            vacancy=self.cleaned_data["vacancy"],
            proposed_at=event.at,
            proposed_by=self.user,
        )


class InterviewPlannedForm(TransitionForm):
    interview_on = forms.DateField(
        label=_("Datum van het gesprek"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 27 3 2027.")},
    )

    def apply(self, case, event):
        case.proposals.filter(closed_at__isnull=True).update(
            interview_planned_at=event.at, interview_on=self.cleaned_data.get("interview_on")
        )


class InterviewOutcomeForm(TransitionForm):
    """The outcome of the open interview, as the employer (or staff for them) records it."""

    Outcome = Proposal.Outcome

    outcome = forms.ChoiceField(
        label=_("Uitkomst van het open gesprek"),
        choices=[
            (Outcome.WORKPLACE_VISIT, _("uitnodigen voor een bezoek op de werkplek")),
            (Outcome.TRIAL, _("uitnodigen voor een proefperiode")),
            (Outcome.NOT_RETAINED, _("niet weerhouden")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de uitkomst van het gesprek.")},
    )
    reason = forms.ChoiceField(
        label=_("Reden"),
        required=False,
        choices=[("", _("Kies een reden")), *Proposal.Reason.choices],
        help_text=_("Alleen als de kandidaat niet weerhouden is."),
        error_messages={"invalid_choice": _("Kies een reden uit de lijst.")},
    )
    reason_details = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat kan de kandidaat verbeteren? De begeleider bespreekt het met hen."),
        error_messages={"max_length": _("Schrijf hoogstens 2000 tekens.")},
    )

    # Whether the outcome choices depend on the transition (retained onwards, or back).
    split_by_transition = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.split_by_transition:
            return
        # A transition onwards records an invitation; one back records "not retained".
        retained = self.transition is None or self.transition.to_state != "proposed"
        self.fields["outcome"].choices = [
            (value, label)
            for value, label in self.fields["outcome"].choices
            if (value != self.Outcome.NOT_RETAINED) == retained
        ]
        if not retained:
            self.fields["outcome"].initial = self.Outcome.NOT_RETAINED

    def clean(self):
        cleaned_data = super().clean()
        outcome = cleaned_data.get("outcome")
        reason = cleaned_data.get("reason")
        if outcome == self.Outcome.NOT_RETAINED and not reason:
            self.add_error("reason", _("Kies waarom de kandidaat niet weerhouden is."))
        elif outcome in Proposal.RETAINED and reason:
            self.add_error(
                "reason",
                _(
                    "Een reden hoort alleen bij „niet weerhouden”. Kies „Kies een reden” of "
                    "kies „niet weerhouden” als uitkomst."
                ),
            )
        if reason == Proposal.Reason.OTHER and not cleaned_data.get("reason_details"):
            self.add_error(
                "reason_details", _("Schrijf bij „andere reden” in een zin wat de reden is.")
            )
        return cleaned_data

    def apply(self, case, event):
        outcome = self.cleaned_data["outcome"]
        closes = outcome == self.Outcome.NOT_RETAINED
        case.proposals.filter(closed_at__isnull=True).update(
            outcome=outcome,
            reason=self.cleaned_data.get("reason") or "",
            reason_details=self.cleaned_data.get("reason_details") or "",
            outcome_at=event.at,
            outcome_by=self.user,
            closed_at=event.at if closes else None,
        )


class ProposalEndedForm(ReasonForm):
    """No match after the visit or trial: the proposal ends, the candidate goes back to
    be proposed elsewhere."""

    def apply(self, case, event):
        case.proposals.filter(closed_at__isnull=True).update(closed_at=event.at)


FORMS = {
    "": TransitionForm,
    "note": NoteForm,
    "reason": ReasonForm,
    "screening": ScreeningForm,
    "request_information": RequestInformationForm,
    "assign_mentor": AssignMentorForm,
    "traineeship": TraineeshipForm,
    "traineeship_end": TraineeshipEndForm,
    "placement": PlacementForm,
    "interview_outcome": InterviewOutcomeForm,
    "propose": ProposeForm,
    "interview_planned": InterviewPlannedForm,
    "proposal_ended": ProposalEndedForm,
}
