import pytest

from tests.portal.factories import TopicFactory
from tests.portal.library.factories import (
    PolicyBriefIndexPageFactory,
    PolicyBriefPageFactory,
    PolicyDocumentFactory,
    PolicyLibraryPageFactory,
    WagtailDocumentFactory,
)

pytestmark = pytest.mark.django_db


def test_every_library_and_brief_factory_builds_a_valid_object(home_page):
    topic = TopicFactory()
    document = PolicyDocumentFactory(topics=[topic], page_texts=["Page one.", "Page two."])
    with_file = PolicyDocumentFactory(file=WagtailDocumentFactory())
    library = PolicyLibraryPageFactory(parent=home_page)
    index = PolicyBriefIndexPageFactory(parent=home_page)
    brief = PolicyBriefPageFactory(parent=index, topics=[topic], documents=[document])

    for obj in (topic, document, with_file, library, index, brief):
        obj.full_clean()
    assert document.file is None and document.full_text == "Page one.\n\nPage two."
    assert with_file.file_format == "PDF"
    assert list(brief.topics.all()) == [topic] and brief.author_names == "Li Wei"
    assert [link.document for link in brief.related_documents.all()] == [document]
