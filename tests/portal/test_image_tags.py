"""portal_images: Wagtail's image tags with each tag's filters parsed once, rendering exactly as Wagtail's."""

import pytest
from django.template import engines
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.tests.utils import get_test_image_file

TAGS = """{% picture photo format-{webp,jpeg} fill-{40x30,80x60} sizes="50vw" %}
{% srcset_image photo width-{20,40} sizes="20vw" %}
{% image photo fill-20x20 class="thumb" %}"""


def render(library: str, image) -> str:
    return engines["django"].from_string(f"{{% load {library} %}}{TAGS}").render({"photo": image})


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Wetland", file=get_test_image_file(size=(120, 90)))


def test_renders_what_wagtails_tags_render(image):
    ours = render("portal_images", image)

    assert ours == render("wagtailimages_tags", image)
    assert "<picture>" in ours and 'type="image/webp"' in ours and 'class="thumb"' in ours


@pytest.mark.parametrize(("library", "built_again"), [("portal_images", 0), ("wagtailimages_tags", 4 + 2 + 1)])
def test_filters_are_built_once_per_tag(image, monkeypatch, library, built_again):
    template = engines["django"].from_string(f"{{% load {library} %}}{TAGS}")
    template.render({"photo": image})
    built = []
    original = Filter.__init__
    monkeypatch.setattr(
        Filter, "__init__", lambda self, *args, **kwargs: built.append(1) or original(self, *args, **kwargs)
    )

    html = template.render({"photo": image})

    assert "<picture>" in html
    assert len(built) == built_again
