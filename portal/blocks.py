"""StreamField blocks for the portal's editorial pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

__all__ = ["BodyBlock", "CallToActionBlock", "HeadingBlock", "QuoteBlock"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Level"),
        search_index=False,  # "Section heading" is a setting, not words of the page
    )

    class Meta:
        icon = "title"
        template = "portal/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "portal/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_label = blocks.CharBlock(max_length=60, label=_("Button label"))
    page = blocks.PageChooserBlock(required=False, label=_("Link to a page"))
    url = blocks.URLBlock(required=False, label=_("…or to an address"))

    class Meta:
        icon = "pick"
        template = "portal/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            error = ValidationError(_("Choose either a page or an address for the button."))
            raise StructBlockValidationError(block_errors={"page": error})
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"],
        label=_("Paragraph"),
        template="portal/blocks/paragraph.html",
    )
    image = ImageBlock(label=_("Image"), template="portal/blocks/image.html")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock(label=_("Call to action"))
