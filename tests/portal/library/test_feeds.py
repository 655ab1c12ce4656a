"""RSS and Atom feeds of the policy briefs, parsed back with xml.etree."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from portal.library.feeds import FEED_LENGTH
from tests.portal.factories import TopicFactory, translate
from tests.portal.library.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture
def index(home_page):
    return PolicyBriefIndexPageFactory(parent=home_page)


def parse(content: bytes) -> ET.Element:
    # The site's own response, not untrusted input.
    return ET.fromstring(content)  # noqa: S314


def rss(client, index, **params) -> ET.Element:
    response = client.get(index.url + "feed/rss/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return parse(response.content).find("channel")


def atom(client, index, **params) -> ET.Element:
    response = client.get(index.url + "feed/atom/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return parse(response.content)


def rss_titles(channel) -> list[str]:
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(feed) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


class TestRss:
    def test_an_item_carries_link_summary_date_authors_and_topics(self, client, index):
        market = TopicFactory(slug="carbon-market", name_en="Carbon market", name_zh="碳市场")
        brief = PolicyBriefPageFactory(
            parent=index,
            title="Carbon market expands",
            date=datetime.date(2026, 3, 3),
            summary="Steel and cement join the national market.",
            authors=[("Li Wei", "Policy analyst"), ("Anna Schmidt", "")],
            topics=[market],
        )

        channel = rss(client, index)

        assert channel.findtext("link") == index.get_full_url()
        assert channel.findtext("language") == "en"
        (item,) = channel.findall("item")
        assert item.findtext("title") == "Carbon market expands"
        assert item.findtext("link") == brief.get_full_url()
        assert item.findtext("link").startswith("http://localhost/")
        assert item.findtext("description") == "Steel and cement join the national market."
        # Published on another day than its date: 09:00 on its date, in the site's zone.
        assert item.findtext("pubDate") == "Tue, 03 Mar 2026 09:00:00 +0800"
        assert [creator.text for creator in item.findall(f"{DC}creator")] == ["Li Wei", "Anna Schmidt"]
        assert [category.text for category in item.findall("category")] == ["Carbon market"]
        assert item.find("guid").get("isPermaLink") == "false"

    def test_newest_first_and_only_live_public_briefs(self, client, index):
        PolicyBriefPageFactory(parent=index, title="Older", date=datetime.date(2026, 1, 5))
        PolicyBriefPageFactory(parent=index, title="Newest", date=datetime.date(2026, 3, 1))
        PolicyBriefPageFactory(parent=index, title="Middle", date=datetime.date(2026, 2, 1))
        PolicyBriefPageFactory(parent=index, title="Draft", date=datetime.date(2026, 3, 9), live=False)
        private = PolicyBriefPageFactory(parent=index, title="Members only", date=datetime.date(2026, 3, 9))
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

        assert rss_titles(rss(client, index)) == ["Newest", "Middle", "Older"]

    def test_the_twenty_newest(self, client, index):
        start = datetime.date(2026, 1, 1)
        for day in range(FEED_LENGTH + 1):
            PolicyBriefPageFactory(parent=index, title=f"Day {day}", date=start + datetime.timedelta(days=day))

        titles = rss_titles(rss(client, index))

        assert len(titles) == 20
        assert titles[0] == "Day 20"
        assert "Day 0" not in titles

    def test_the_summary_is_escaped_once_for_readers_that_read_html(self, client, index):
        PolicyBriefPageFactory(parent=index, summary="Intensity < 0.5 t per tonne & falling")

        (item,) = rss(client, index).findall("item")

        assert item.findtext("description") == "Intensity &lt; 0.5 t per tonne &amp; falling"

    def test_the_guid_survives_a_new_slug(self, client, index):
        brief = PolicyBriefPageFactory(parent=index, slug="first-slug")
        before = rss(client, index).find("item").findtext("guid")
        brief.slug = "second-slug"
        brief.save_revision().publish()

        after = rss(client, index).find("item")

        assert after.findtext("link").endswith("/second-slug/")
        assert after.findtext("guid") == before


class TestAtom:
    def test_entries_with_absolute_links_authors_and_categories(self, client, index):
        hydrogen = TopicFactory(slug="hydrogen", name_en="Hydrogen", name_zh="氢能")
        PolicyBriefPageFactory(parent=index, title="Older", date=datetime.date(2026, 1, 5))
        newest = PolicyBriefPageFactory(
            parent=index,
            title="Hydrogen in the plan",
            date=datetime.date(2026, 3, 1),
            authors=[("Zhang Min", "Secretary-general"), ("Li Wei", "")],
            topics=[hydrogen],
        )

        feed = atom(client, index)

        assert atom_titles(feed) == ["Hydrogen in the plan", "Older"]
        assert feed.find(f"{ATOM}link[@rel='self']").get("href") == index.get_full_url() + "feed/atom/"
        entry = feed.find(f"{ATOM}entry")
        assert entry.find(f"{ATOM}link").get("href") == newest.get_full_url()
        assert entry.findtext(f"{ATOM}published") == "2026-03-01T09:00:00+08:00"
        assert [author.findtext(f"{ATOM}name") for author in entry.findall(f"{ATOM}author")] == ["Zhang Min", "Li Wei"]
        assert [category.get("term") for category in entry.findall(f"{ATOM}category")] == ["Hydrogen"]
        assert entry.findtext(f"{ATOM}summary") == newest.summary


class TestTopicFilter:
    @pytest.fixture
    def briefs(self, index):
        hydrogen = TopicFactory(slug="hydrogen", name_en="Hydrogen")
        market = TopicFactory(slug="carbon-market", name_en="Carbon market")
        PolicyBriefPageFactory(parent=index, title="On hydrogen", topics=[hydrogen])
        PolicyBriefPageFactory(parent=index, title="On the market", topics=[market])
        PolicyBriefPageFactory(parent=index, title="On both", topics=[hydrogen, market])

    def test_rss_and_atom_keep_the_topic(self, client, index, briefs):
        channel = rss(client, index, topic="hydrogen")

        assert sorted(rss_titles(channel)) == ["On both", "On hydrogen"]
        assert channel.findtext("title").endswith("— Hydrogen")
        assert sorted(atom_titles(atom(client, index, topic="carbon-market"))) == ["On both", "On the market"]

    def test_an_unknown_topic_is_not_found(self, client, index, briefs):
        assert client.get(index.url + "feed/rss/", {"topic": "nuclear"}).status_code == 404
        assert client.get(index.url + "feed/atom/", {"topic": "nuclear"}).status_code == 404


class TestChinese:
    def test_the_chinese_index_feeds_chinese_briefs_in_chinese(self, client, index):
        market = TopicFactory(slug="carbon-market", name_en="Carbon market", name_zh="碳市场")
        brief = PolicyBriefPageFactory(parent=index, title="Carbon market expands", topics=[market])
        PolicyBriefPageFactory(parent=index, title="Only in English")
        chinese = translate(brief, title="全国碳市场扩容", summary="钢铁和水泥行业纳入全国碳市场。")
        chinese_index = index.get_translation(chinese.locale)

        channel = rss(client, chinese_index)

        assert chinese_index.url.startswith("/zh-hans/")
        assert channel.findtext("language") == "zh-hans"
        (item,) = channel.findall("item")
        assert item.findtext("title") == "全国碳市场扩容"
        assert item.findtext("link") == chinese.get_full_url()
        assert item.findtext("description") == "钢铁和水泥行业纳入全国碳市场。"
        assert [category.text for category in item.findall("category")] == ["碳市场"]
        assert atom_titles(atom(client, chinese_index)) == ["全国碳市场扩容"]
        # ...and the English feed keeps its own language.
        assert sorted(rss_titles(rss(client, index))) == ["Carbon market expands", "Only in English"]
