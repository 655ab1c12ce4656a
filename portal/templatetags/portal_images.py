"""Wagtail's `image`, `picture` and `srcset_image` tags, with each tag's filters parsed once.

Wagtail's nodes build new `Filter` objects on every render and parse their specs
again (`fill-{400x225,800x450}` is four filters, each split into operations),
although the specs are fixed by the template's text. A card grid paid that for
every card: about half of each picture's cost. These nodes keep the filters for
the life of the compiled template; the tags parse and render exactly as
Wagtail's, so `{% load portal_images %}` replaces `{% load wagtailimages_tags %}`.
"""

from functools import cached_property

from django import template
from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

register = template.Library()


class ImageNode(wagtail_tags.ImageNode):
    @cached_property
    def kept_filter(self):
        return super().get_filter()

    def get_filter(self):
        return self.kept_filter


class SrcsetImageNode(wagtail_tags.SrcsetImageNode):
    @cached_property
    def kept_filters(self):
        return super().get_filters()

    def get_filters(self):
        return self.kept_filters


class PictureNode(wagtail_tags.PictureNode, SrcsetImageNode):
    pass


KEPT = {
    wagtail_tags.ImageNode: ImageNode,
    wagtail_tags.SrcsetImageNode: SrcsetImageNode,
    wagtail_tags.PictureNode: PictureNode,
}


def image(parser, token):
    node = wagtail_tags.image(parser, token)
    # Same attributes, set by Wagtail's parser; only how filters are found differs.
    node.__class__ = KEPT[type(node)]
    return node


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
