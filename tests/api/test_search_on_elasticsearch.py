"""With the search cluster serving, the API's search and catalogue still answer what the web pages show."""

import pytest

from search import indexes
from search.backends.elasticsearch import ElasticsearchBackend
from search.records import all_records
from tests.api.conftest import SECRET_CONTACT
from tests.conftest import require_service

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture
def cluster(site, settings):
    require_service("ELASTICSEARCH_URL")
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_INDEX_PREFIX = "portal-api-tests"  # its own indexes, whatever else runs
    backend = ElasticsearchBackend()
    backend.replace_all(all_records())
    yield backend
    backend.client.indices.delete(index=",".join(indexes.versioned_indexes(backend.client)), ignore_unavailable=True)


@pytest.mark.parametrize(
    ("api_path", "page_path"),
    [
        ("search?q=carbon", "/search/?q=carbon"),
        ("search?q=carbon&type=portal.policydocument", "/search/?q=carbon&type=portal.policydocument"),
        ("search?q=碳&lang=zh-hans", "/zh-hans/search/?q=碳"),
        ("eod/programmes", "/eod/"),
        ("eod/programmes?sort=size&instrument=bond", "/eod/?sort=size&instrument=bond"),
        ("eod/programmes?q=river", "/eod/?q=river"),
    ],
)
def test_the_api_and_the_page_agree_on_elasticsearch(client, cluster, api_path, page_path):
    response = client.get(f"/api/v1/{api_path}")
    assert response.status_code == 200
    data = response.json()
    assert data.get("backend", "elasticsearch") == "elasticsearch"
    page = client.get(page_path).context
    if api_path.startswith("search"):
        assert data["results"], "the cluster finds the briefs and documents"
        assert [h["key"] for h in data["results"]] == [view.hit.key for view in page["hits"]]
    else:
        assert [p["id"] for p in data["results"]] == [row.programme.pk for row in page["rows"]]
        assert data["results"], "the cluster holds the programmes"
    assert data["count"] == page["results"].total
    assert SECRET_CONTACT not in response.content.decode()
