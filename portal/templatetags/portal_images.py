"""Wagtail's `image`, `picture` and `srcset_image` tags, with each tag's filters built once.

Wagtail's nodes build new `Filter` objects on every render and parse their specs
again (`fill-{400x225,800x450}` is four filters, each split into operations),
although the specs are fixed by the template's text. A card grid paid that for
every card: about half of each picture's cost. Here each node builds them once,
when the template is compiled, and keeps them; parsing and rendering are
Wagtail's own, so `{% load portal_images %}` replaces `{% load wagtailimages_tags %}`.
"""

from django import template
from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

register = template.Library()


def image(parser, token):
    node = wagtail_tags.image(parser, token)
    if isinstance(node, wagtail_tags.SrcsetImageNode):  # srcset_image and picture
        filters = node.get_filters()
        node.get_filters = lambda: filters
    else:
        kept = node.get_filter()
        node.get_filter = lambda: kept
    return node


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
