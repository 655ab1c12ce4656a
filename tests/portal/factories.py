"""The site's factories (home and standard pages, topics) and helpers for pages in both languages."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from portal.models import HomePage, StandardPage, Topic


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page under the tree root, made the default site's root."""

    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = "Manufacturing China's path to carbon neutrality"
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage
        skip_postgeneration_save = True

    @factory.post_generation
    def make_site_root(obj, create, extracted, **kwargs):
        if create:
            site = Site.objects.get(is_default_site=True)
            site.root_page = obj
            site.save()  # save(), not update(): it clears Wagtail's cached site root paths


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "An introduction."

    class Meta:
        model = StandardPage


class TopicFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_zh = factory.Sequence(lambda n: f"主题{n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


def paragraphs(*texts: str) -> list[dict]:
    """A StreamField body of one paragraph block per text."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def chinese_locale() -> Locale:
    return Locale.objects.get_or_create(language_code="zh-hans")[0]


def translate(page, title: str | None = None, **fields):
    """A published Chinese translation of ``page``, translating its ancestors first as Wagtail requires."""
    chinese = chinese_locale()
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(chinese) is None:
            ancestor.copy_for_translation(chinese).save_revision().publish()
    translation = page.specific.copy_for_translation(chinese)
    if title:
        translation.title = title
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
