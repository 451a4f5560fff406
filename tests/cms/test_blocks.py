"""The StreamField blocks editors combine: each renders, previews and explains its errors."""

import pytest
from wagtail.blocks import StructBlockValidationError

from cms.blocks import BodyBlock, CallToActionBlock, OpeningHoursBlock


@pytest.mark.parametrize("name", list(BodyBlock.base_blocks))
def test_every_body_block_has_a_template_and_a_preview(name, db):
    block = BodyBlock.base_blocks[name]
    assert block.meta.template
    block.get_preview_value()  # does not fail, even without images


@pytest.mark.parametrize(
    "name", ["heading", "paragraph", "quote", "call_to_action", "faq", "key_figures"]
)
def test_every_text_block_renders_its_preview(name, db):
    block = BodyBlock.base_blocks[name]
    html = block.render(block.get_preview_value())
    assert html.strip()


def test_call_to_action_needs_a_page_or_an_address(db):
    block = CallToActionBlock()
    value = block.to_python({"title": "Kom langs", "link_text": "Meer", "url": "", "page": None})

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    message = error.value.block_errors["page"].messages[0]
    assert "Kies een pagina of vul een webadres in" in message


def test_opening_hours_must_close_after_they_open(db):
    block = OpeningHoursBlock()
    value = block.to_python({"weekday": "1", "opens": "12:00", "closes": "09:00"})

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "na het openingsuur" in error.value.block_errors["closes"].messages[0]
