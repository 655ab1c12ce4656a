"""schema.org data as JSON-LD script elements: the escaping and the image shapes every such element shares.

Events (`initiatives.events.jsonld`) and EOD programmes (`eod_tags`) build their own data with these.
"""

import json

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# Wide, 4:3 and square: the shapes search engines ask for.
IMAGE_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
# As django.utils.html.json_script escapes: no value can close the script element or start a comment.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _absolute(request: HttpRequest | None, url: str) -> str:
    if request is not None and url.startswith("/"):
        return request.build_absolute_uri(url)
    return url


def image_urls(request, image) -> list[str]:
    """The image in the three shapes search engines ask for, fetched together rather than one lookup each."""
    return [_absolute(request, rendition.url) for rendition in image.get_renditions(*IMAGE_SPECS).values()]


def script(data: dict) -> SafeString:
    """``data`` as a ``<script type="application/ld+json">`` element, escaped as json_script does."""
    content = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(content))  # noqa: S308 - escaped above
