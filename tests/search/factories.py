"""Content for search tests: policy briefs, library documents with extracted pages, topics."""

import datetime

import factory
import wagtail_factories

from portal.models import (
    DocumentType,
    ExtractedPage,
    Jurisdiction,
    PolicyBriefIndexPage,
    PolicyBriefPage,
    PolicyDocument,
    PolicyLibraryPage,
    Topic,
)


class TopicFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ["slug"]


class PolicyBriefIndexPageFactory(wagtail_factories.PageFactory):
    title = "Policy briefs"
    slug = "briefs"

    class Meta:
        model = PolicyBriefIndexPage


class PolicyLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Policy library"
    slug = "library"

    class Meta:
        model = PolicyLibraryPage


class PolicyBriefPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Policy brief {n}")
    summary = "What the new rules mean for member companies."
    date = datetime.date(2025, 3, 1)

    class Meta:
        model = PolicyBriefPage


def paragraphs(*texts: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


class PolicyDocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Policy document {n}")
    slug = factory.Sequence(lambda n: f"policy-document-{n}")
    issuing_body = "National Development and Reform Commission"
    issuing_body_zh = "国家发展和改革委员会"
    jurisdiction = Jurisdiction.NATIONAL
    document_type = DocumentType.PLAN
    languages = factory.LazyFunction(lambda: ["en"])
    issued_on = datetime.date(2024, 1, 15)
    live = True

    class Meta:
        model = PolicyDocument
        skip_postgeneration_save = True

    @factory.post_generation
    def page_texts(obj, create, extracted, **kwargs):
        """page_texts=["text of page 1", "text of page 2", ...]"""
        if create and extracted:
            ExtractedPage.objects.bulk_create(
                ExtractedPage(document=obj, number=number, text=text) for number, text in enumerate(extracted, 1)
            )

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)
            obj.save()  # a ParentalManyToManyField is written on save
