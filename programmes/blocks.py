"""StreamField blocks of the offer's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from cms.blocks import RICH_TEXT_FEATURES


class PathwayStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("stap"), max_length=120)
    description = blocks.TextBlock(label=_("uitleg"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Stap in het traject")
        template = "blocks/pathway_step_block.html"
        preview_value = {
            "title": "Screening",
            "description": "We bekijken samen of het programma bij je past.",
        }


class ResourceDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("titel"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/resource_document_block.html"


class ResourceLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("webadres"))
    title = blocks.CharBlock(label=_("titel"), max_length=200)
    description = blocks.TextBlock(label=_("uitleg"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/resource_link_block.html"
        preview_value = {
            "url": "https://www.vdab.be/",
            "title": "Vacatures zoeken",
            "description": "Hoe je vacatures vindt die bij je passen.",
        }


class ResourceNoteBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Notities")
        template = "blocks/paragraph_block.html"
        preview_value = "<p>We bespraken hoe je je netwerk opbouwt.</p>"


class ResourcesBlock(blocks.StreamBlock):
    document = ResourceDocumentBlock()
    link = ResourceLinkBlock()
    note = ResourceNoteBlock()
