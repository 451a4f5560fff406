"""Every step of the wizard looks the same whether its widgets are written in Python or by
their templates: unanswered, with errors and answered, in Dutch and in Arabic."""

import pytest
from django.utils import translation

from forms.steps import STEPS
from tests.cms.test_form_markup import TEMPLATES, WRITTEN
from tests.forms.test_steps import TODAY, context
from tests.forms.wizard_helpers import valid_answers


def forms_of(form_class, step, **data_kwargs):
    step_context = context(
        programme_changes={"offers_path_choice": True, "asks_referral": True},
        language=translation.get_language(),
    )
    return [
        form_class(prefix=step, context=step_context, renderer=renderer, **data_kwargs)
        for renderer in (WRITTEN, TEMPLATES)
    ]


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize(("step", "form_class"), STEPS, ids=[name for name, _form in STEPS])
def test_a_step_looks_the_same_as_its_templates_write_it(language, step, form_class):
    answers = valid_answers(TODAY)[step]
    with translation.override(language):
        for data_kwargs in (
            {},
            {"data": {}},
            {"data": {f"{step}-{name}": value for name, value in answers.items()}},
            {"data": {f"{step}-{name}": "?" for name in answers}},
        ):
            written, templated = forms_of(form_class, step, **data_kwargs)
            assert str(written) == str(templated)
            for name in written.fields:
                assert str(written[name]) == str(templated[name])


def test_only_the_form_template_of_a_step_is_rendered_by_the_template_engine(monkeypatch):
    rendered = []
    get_template = type(WRITTEN).get_template

    def recording(renderer, template_name):
        rendered.append(template_name)
        return get_template(renderer, template_name)

    monkeypatch.setattr(type(WRITTEN), "get_template", recording)
    written, _templated = forms_of(dict(STEPS)["origin"], "origin")
    str(written)

    assert rendered == ["includes/forms/form.html"]  # the fields and widgets are written
