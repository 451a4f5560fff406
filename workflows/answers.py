"""An application's stored answers as questions and answers a person can read.

Answers are stored per step as the wizard asked them (`forms.steps`), with the form's
version. When that version is the current one, each answer gets its question and its
choice in the reader's language from the step forms; any other shape (an older version,
a step or question that no longer exists) is shown by its key, so nothing is hidden.
"""

import datetime
from typing import NamedTuple

from django import forms as django_forms
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forms.models.privacy import LegalBasis
from forms.steps import DECLINABLE_QUESTIONS, FORM_VERSION, STEPS, StepContext

# Dates are stored as ISO strings; the day-month-year field is a MultiValueField.
DATE_FIELDS = (django_forms.DateField, django_forms.MultiValueField)


class Answer(NamedTuple):
    label: str
    values: list  # one or more strings


class AnswerGroup(NamedTuple):
    title: str  # "" for answers outside any step
    answers: list


def _is_blank(value):
    return value is None or value == "" or value == [] or value == {}


def _humanise(key):
    text = str(key).replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def _is_file(value):
    return isinstance(value, dict) and set(value) >= {"name", "size"}


def _plain(value):
    """Any stored value as strings, without knowing the question."""
    if _is_blank(value):
        return ["—"]
    if isinstance(value, bool):
        return [str(_("Ja") if value else _("Nee"))]
    if _is_file(value):
        return [f"{value['name']} ({filesizeformat(value['size'])})"]
    if isinstance(value, list | tuple):
        return [", ".join(_plain(item)) for item in value]
    if isinstance(value, dict):
        return [f"{_humanise(key)}: {', '.join(_plain(item))}" for key, item in value.items()]
    return [str(value)]


def _for_field(field, value):
    """A stored value as strings, in the words of the question's own choices."""
    if isinstance(value, list | tuple):
        return [item for element in value for item in _for_field(field, element)]
    if isinstance(value, bool):
        return _plain(value)
    if isinstance(field, django_forms.ChoiceField):
        labels = {str(key): str(label) for key, label in field.choices}
        return [labels.get(str(value), str(value))]
    if isinstance(value, str) and isinstance(field, DATE_FIELDS):
        try:
            return [formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")]
        except ValueError:
            return [value]
    return _plain(value)


def _generic_groups(answers):
    loose, groups = [], []
    for key, value in (answers or {}).items():
        if isinstance(value, dict) and value and not _is_file(value):
            rows = [Answer(_humanise(k), _plain(v)) for k, v in value.items()]
            groups.append(AnswerGroup(_humanise(key), rows))
        else:
            loose.append(Answer(_humanise(key), _plain(value)))
    return ([AnswerGroup("", loose)] if loose else []) + groups


def _labelled_groups(application):
    context = StepContext(
        programme=application.programme,
        privacy_notice=application.privacy_notice,
        today=timezone.localdate(application.submitted_at),
        language=application.language,
    )
    step_forms = dict(STEPS)
    groups = []
    for step, answers in (application.answers or {}).items():
        form_class = step_forms.get(step)
        if form_class is None or not isinstance(answers, dict):
            groups.extend(_generic_groups({step: answers}))
            continue
        form = form_class(context=context)
        rows = []
        for name, value in answers.items():
            field = form.fields.get(name)
            if _is_blank(value) or (field is not None and field.widget.is_hidden):
                continue  # not asked, or not answered
            if field is None:
                rows.append(Answer(_humanise(name), _plain(value)))
            else:
                rows.append(Answer(str(field.label), _for_field(field, value)))
        if rows:
            groups.append(AnswerGroup(str(form.title) or _humanise(step), rows))
    return groups


def answer_groups(application):
    """The application's answers as AnswerGroups, in the active language."""
    if application.form_version == FORM_VERSION:
        return _labelled_groups(application)
    return _generic_groups(application.answers)


def legal_basis_label(value):
    """The legal basis an application was processed on, as staff read it."""
    return str(LegalBasis(value).label) if value in LegalBasis.values else gettext("onbekend")


def question_label(question):
    """A declined sensitive question ("origin.nationality") by its short name."""
    return str(DECLINABLE_QUESTIONS.get(question, question))
