"""The library's and the briefs' factories, one per model, for every test that needs them.

A document has no file unless asked (``file=WagtailDocumentFactory()``): a file is
read on commit, which would replace the pages that ``page_texts`` gives a document.
"""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.library.models import (
    BriefAuthor,
    BriefDocument,
    DocumentType,
    ExtractedPage,
    Jurisdiction,
    PolicyBriefIndexPage,
    PolicyBriefPage,
    PolicyDocument,
    PolicyLibraryPage,
)
from tests.portal.library import files


class WagtailDocumentFactory(factory.django.DjangoModelFactory):
    """A Wagtail document holding real bytes: an English PDF of three pages unless ``data``/``name`` say otherwise."""

    title = factory.Sequence(lambda n: f"File {n}")

    class Meta:
        model = get_document_model()
        skip_postgeneration_save = True

    class Params:
        data = factory.LazyFunction(files.english_pdf)
        name = "plan.pdf"

    file = factory.LazyAttribute(lambda o: ContentFile(o.data, name=o.name))


class PolicyDocumentFactory(factory.django.DjangoModelFactory):
    """A live national plan in English, without a file; ``page_texts`` and ``topics`` take lists."""

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
        """page_texts=["text of page 1", "text of page 2", ...], as if extracted."""
        if create and extracted:
            ExtractedPage.objects.bulk_create(
                ExtractedPage(document=obj, number=number, text=text) for number, text in enumerate(extracted, 1)
            )

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)
            obj.save()  # a ParentalManyToManyField is written on save


class PolicyLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Policy library"
    slug = "library"
    introduction = "National, provincial and association documents on the road to carbon neutrality."

    class Meta:
        model = PolicyLibraryPage


class PolicyBriefIndexPageFactory(wagtail_factories.PageFactory):
    title = "Policy briefs"
    slug = "briefs"
    introduction = "Short readings of new carbon policy for manufacturers."

    class Meta:
        model = PolicyBriefIndexPage


class PolicyBriefPageFactory(wagtail_factories.PageFactory):
    """A live brief with one author; ``authors``, ``topics`` and ``documents`` take lists."""

    title = factory.Sequence(lambda n: f"Policy brief {n}")
    date = datetime.date(2025, 3, 1)
    summary = "What the new rules mean for member companies."

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
