import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.models import DocumentType, Jurisdiction, PolicyDocument, PolicyLibraryPage, Topic
from tests.portal import library_files


class TopicFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Library topic {n}")
    name_zh = factory.Sequence(lambda n: f"文库主题{n}")
    slug = factory.Sequence(lambda n: f"library-topic-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class WagtailDocumentFactory(factory.django.DjangoModelFactory):
    """A Wagtail document holding real bytes: an English PDF of three pages unless ``data``/``name`` say otherwise."""

    title = factory.Sequence(lambda n: f"File {n}")

    class Meta:
        model = get_document_model()
        skip_postgeneration_save = True

    class Params:
        data = factory.LazyFunction(library_files.english_pdf)
        name = "plan.pdf"

    file = factory.LazyAttribute(lambda o: ContentFile(o.data, name=o.name))


class PolicyDocumentFactory(factory.django.DjangoModelFactory):
    """A live national plan with an English PDF; its text is extracted when it is saved."""

    title = factory.Sequence(lambda n: f"Action Plan {n}")
    slug = factory.Sequence(lambda n: f"action-plan-{n}")
    issuing_body = "National Development and Reform Commission"
    issuing_body_zh = "国家发展和改革委员会"
    jurisdiction = Jurisdiction.NATIONAL
    document_type = DocumentType.PLAN
    languages = factory.LazyFunction(lambda: ["en"])
    issued_on = datetime.date(2021, 10, 24)
    live = True
    file = factory.SubFactory(WagtailDocumentFactory)

    class Meta:
        model = PolicyDocument
        skip_postgeneration_save = True


class PolicyLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Policy library"
    slug = "library"
    introduction = "National, provincial and association documents on the road to carbon neutrality."

    class Meta:
        model = PolicyLibraryPage
