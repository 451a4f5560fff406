"""The form on the case page that records a coaching session (workflows.coaching)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.forms import RecordMultipleChoiceField
from workflows import coaching
from workflows.models import CoachingTopic


class CaseChoices(RecordMultipleChoiceField):
    def label_from_instance(self, case):
        return f"{case.application.reference} – {case.application.full_name}"


class CoachingSessionForm(forms.Form):
    held_on = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul de datum van de sessie in."),
                        "invalid": _("Vul een datum in, bijvoorbeeld 2026-03-27.")},
    )  # fmt: skip
    duration_minutes = forms.IntegerField(
        label=_("Duur in minuten"),
        min_value=5,
        max_value=480,
        error_messages={
            "required": _("Vul in hoe lang de sessie duurde, in minuten (bijvoorbeeld 60)."),
            "min_value": _("Een sessie duurt minstens 5 minuten."),
            "max_value": _("Een sessie duurt hoogstens 480 minuten (8 uur)."),
            "invalid": _("Vul een aantal minuten in, bijvoorbeeld 60."),
        },
    )
    topics = forms.MultipleChoiceField(
        label=_("Onderwerpen"),
        choices=CoachingTopic.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één onderwerp.")},
    )
    note = forms.CharField(
        label=_("Notitie"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen voor medewerkers: de deelnemer ziet de datum en de onderwerpen."),
    )
    attended = forms.BooleanField(
        label=_("De deelnemer was aanwezig"), required=False, initial=True
    )
    others = CaseChoices(
        label=_("Groepssessie: andere deelnemers die er waren"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_(
            "Leeg bij een individuele sessie. De sessie komt in het dossier van elke "
            "deelnemer die je kiest."
        ),
    )

    def __init__(self, *args, case, user, **kwargs):
        kwargs.setdefault("prefix", "coaching")
        super().__init__(*args, **kwargs)
        self.case, self.user = case, user
        self.fields["others"].queryset = coaching.group_candidates(user, case)
        if not self.is_bound:
            self.initial.setdefault("held_on", timezone.localdate())

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(
                _("Deze datum ligt in de toekomst. Noteer een sessie nadat ze plaatsvond.")
            )
        return held_on

    def save(self):
        data = self.cleaned_data
        others = list(data["others"])
        return coaching.record_session(
            coach=self.user,
            cases=[self.case, *others],
            held_on=data["held_on"],
            duration_minutes=data["duration_minutes"],
            topics=data["topics"],
            note=data["note"],
            absent=[] if data["attended"] else [self.case],
        )
