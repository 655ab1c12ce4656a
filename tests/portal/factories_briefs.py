import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from portal.models import BriefAuthor, BriefDocument, PolicyBriefIndexPage, PolicyBriefPage, PolicyDocument, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_zh = factory.Sequence(lambda n: f"主题{n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class PolicyBriefIndexPageFactory(wagtail_factories.PageFactory):
    title = "Policy briefs"
    slug = "briefs"
    introduction = "Short readings of new carbon policy for manufacturers."

    class Meta:
        model = PolicyBriefIndexPage


class PolicyBriefPageFactory(wagtail_factories.PageFactory):
    """A live brief with one author; ``authors``, ``topics`` and ``documents`` take lists."""

    title = factory.Sequence(lambda n: f"Brief {n}")
    date = datetime.date(2026, 3, 3)
    summary = "What the new national carbon market rules mean for chemical plants."

    class Meta:
        model = PolicyBriefPage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(obj, create, extracted, **kwargs):
        if not create:
            return
        for name, role in extracted if extracted is not None else [("Li Wei", "Policy analyst")]:
            BriefAuthor.objects.create(page=obj, name=name, role=role)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)
            obj.save()

    @factory.post_generation
    def documents(obj, create, extracted, **kwargs):
        if create and extracted:
            for document in extracted:
                BriefDocument.objects.create(page=obj, document=document)


class PolicyDocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"关于碳达峰的实施方案 {n}")
    title_en = factory.Sequence(lambda n: f"Implementation plan for carbon peaking {n}")
    slug = factory.Sequence(lambda n: f"document-{n}")
    issuing_body = "National Development and Reform Commission"
    issuing_body_zh = "国家发展和改革委员会"
    jurisdiction = "national"
    document_type = "plan"
    issued_on = datetime.date(2025, 10, 24)
    live = True

    class Meta:
        model = PolicyDocument


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
