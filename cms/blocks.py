"""StreamField blocks shared by the page types of every app."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("tekst"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3"))],
        default="h2",
        help_text=_("Kop 2 voor een nieuw onderdeel, kop 3 voor een deel daarvan."),
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Zo werkt het", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "blocks/paragraph_block.html"
        preview_value = (
            "<p>Je komt langs, je vertelt wat je kunt en wat je zoekt, "
            "en samen kiezen we de volgende stap.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("afbeelding"))
    caption = blocks.CharBlock(label=_("bijschrift"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "blocks/figure_block.html"

    def get_preview_value(self):
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("pk").first()
        if image is None:
            return self.get_default()
        return self.to_python(
            {
                "image": {"image": image.pk, "alt_text": image.title, "decorative": False},
                "caption": image.title,
            }
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citaat"))
    attribution = blocks.CharBlock(label=_("wie zegt het"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "In onze stad telt elk talent.",
            "attribution": "Schepen van werk",
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"), max_length=120)
    text = blocks.TextBlock(label=_("tekst"), required=False)
    page = blocks.PageChooserBlock(label=_("pagina"), required=False)
    url = blocks.URLBlock(
        label=_("of een webadres"),
        required=False,
        help_text=_("Alleen invullen als de bestemming geen pagina van deze site is."),
    )
    link_text = blocks.CharBlock(label=_("tekst op de knop"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Oproep tot actie")
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "title": "Kom naar het loket",
            "text": "We helpen je zonder afspraak op dinsdag en donderdag.",
            "url": "https://example.org/",
            "link_text": "Bekijk de openingsuren",
        }

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _(
                            "Kies een pagina of vul een webadres in, zodat de knop ergens "
                            "heen leidt."
                        )
                    )
                }
            )
        return value


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("vraag"), max_length=200)
    answer = blocks.RichTextBlock(label=_("antwoord"), features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"), required=False, max_length=120)
    items = blocks.ListBlock(QuestionAnswerBlock(), label=_("vragen"))

    class Meta:
        icon = "help"
        label = _("Veelgestelde vragen")
        template = "blocks/faq_block.html"
        preview_value = {
            "title": "Veelgestelde vragen",
            "items": [
                {
                    "question": "Moet ik al Nederlands spreken?",
                    "answer": "<p>Nee. We starten in een taal die je begrijpt.</p>",
                }
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("getal"), max_length=20)
    label = blocks.CharBlock(label=_("betekenis"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("cijfers"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Kerncijfers")
        template = "blocks/key_figures_block.html"
        preview_value = {
            "title": "In cijfers",
            "figures": [
                {"value": "1.175", "label": "deelnemers bereikt"},
                {"value": "110", "label": "nationaliteiten"},
            ],
        }


class BodyBlock(blocks.StreamBlock):
    """The body of content pages: the blocks an editor may combine freely."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    key_figures = KeyFiguresBlock()

    class Meta:
        block_counts = {}


WEEKDAYS = [
    ("0", _("maandag")),
    ("1", _("dinsdag")),
    ("2", _("woensdag")),
    ("3", _("donderdag")),
    ("4", _("vrijdag")),
    ("5", _("zaterdag")),
    ("6", _("zondag")),
]


class OpeningHoursValue(blocks.StructValue):
    def weekday_name(self):
        return dict(WEEKDAYS).get(self.get("weekday"), "")


class OpeningHoursBlock(blocks.StructBlock):
    weekday = blocks.ChoiceBlock(label=_("dag"), choices=WEEKDAYS)
    opens = blocks.TimeBlock(label=_("open vanaf"))
    closes = blocks.TimeBlock(label=_("open tot"))
    by_appointment = blocks.BooleanBlock(
        label=_("alleen op afspraak"), required=False, default=False
    )

    class Meta:
        icon = "time"
        label = _("Openingsuren")
        value_class = OpeningHoursValue

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        value = super().clean(value)
        if value["opens"] and value["closes"] and value["closes"] <= value["opens"]:
            raise StructBlockValidationError(
                block_errors={
                    "closes": ValidationError(
                        _("Het sluitingsuur moet na het openingsuur liggen, bijvoorbeeld 12:00.")
                    )
                }
            )
        return value
