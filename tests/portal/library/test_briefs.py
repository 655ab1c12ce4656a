"""Policy briefs: the listing, the brief page, and moderation from editor to moderator to the public."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.models import PolicyBriefPage
from tests.members.factories import UserFactory
from tests.portal.factories import TopicFactory, translate
from tests.portal.library.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory, PolicyDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return PolicyBriefIndexPageFactory(parent=home_page)


def titles_in_order(content: str, titles: list[str]) -> list[str]:
    """``titles`` sorted by where they first appear in ``content``; missing ones left out."""
    found = [title for title in titles if title in content]
    return sorted(found, key=content.index)


class TestIndex:
    def test_live_briefs_newest_first_with_date_authors_and_topics(self, client, index):
        hydrogen = TopicFactory(slug="hydrogen", name_en="Hydrogen")
        PolicyBriefPageFactory(parent=index, title="Older brief", date=datetime.date(2026, 1, 5))
        PolicyBriefPageFactory(
            parent=index,
            title="Newest brief",
            date=datetime.date(2026, 3, 3),
            summary="Hydrogen gets its own chapter.",
            authors=[("Zhang Min", "Secretary-general"), ("Li Wei", "Analyst")],
            topics=[hydrogen],
        )
        PolicyBriefPageFactory(parent=index, title="Draft brief", live=False)

        response = client.get(index.url)

        content = response.content.decode()
        assert titles_in_order(content, ["Older brief", "Newest brief", "Draft brief"]) == [
            "Newest brief",
            "Older brief",
        ]
        assert '<time datetime="2026-03-03">3 March 2026</time>' in content
        assert "Zhang Min, Li Wei" in content
        assert "Hydrogen gets its own chapter." in content
        assert f'href="{index.url}?topic=hydrogen"' in content

    def test_twelve_per_page(self, client, index):
        for day in range(13):
            PolicyBriefPageFactory(parent=index, title=f"Brief of day {day:02d}", date=datetime.date(2026, 1, day + 1))

        first = client.get(index.url).content.decode()
        second = client.get(index.url, {"page": 2}).content.decode()

        assert first.count('class="card brief-card"') == 12
        assert "Brief of day 12" in first and "Brief of day 00" not in first
        assert second.count('class="card brief-card"') == 1
        assert "Brief of day 00" in second
        assert 'rel="next"' in first

    def test_topic_filter(self, client, index):
        hydrogen = TopicFactory(slug="hydrogen", name_en="Hydrogen")
        market = TopicFactory(slug="carbon-market", name_en="Carbon market")
        PolicyBriefPageFactory(parent=index, title="On hydrogen", topics=[hydrogen])
        PolicyBriefPageFactory(parent=index, title="On the market", topics=[market])

        response = client.get(index.url, {"topic": "hydrogen"})

        assert "On hydrogen" in response.content.decode()
        assert "On the market" not in response.content.decode()
        # The feeds offered follow the filter.
        assert (
            f'type="application/rss+xml" title="Policy briefs — Hydrogen (RSS)" href="{index.url}feed/rss/?topic=hydrogen"'
            in response.content.decode()
        )

    def test_an_unknown_topic_is_ignored_with_a_note(self, client, index):
        PolicyBriefPageFactory(parent=index, title="Some brief")

        response = client.get(index.url, {"topic": "nuclear"})

        assert response.status_code == 200
        assert "Some brief" in response.content.decode()
        assert "There is no topic “nuclear”" in response.content.decode()

    def test_feed_alternates_in_the_head(self, client, index):
        response = client.get(index.url)

        assert (
            f'<link rel="alternate" type="application/rss+xml" title="Policy briefs (RSS)" href="{index.url}feed/rss/">'
            in response.content.decode()
        )
        assert (
            f'<link rel="alternate" type="application/atom+xml" title="Policy briefs (Atom)" href="{index.url}feed/atom/">'
            in response.content.decode()
        )

    def test_the_chinese_index_lists_chinese_briefs(self, client, index):
        brief = PolicyBriefPageFactory(parent=index, title="Carbon market expands", date=datetime.date(2026, 3, 3))
        PolicyBriefPageFactory(parent=index, title="Only in English")
        chinese = translate(brief, title="全国碳市场扩容")

        content = client.get(chinese.get_parent().url).content.decode()

        assert "全国碳市场扩容" in content
        assert "2026年3月3日" in content
        assert "Only in English" not in content
        assert "Carbon market expands" not in content


class TestBriefPage:
    def test_what_a_reader_sees(self, client, index):
        market = TopicFactory(slug="carbon-market", name_en="Carbon market")
        plan = PolicyDocumentFactory(
            title="关于碳达峰的实施方案",
            title_en="Carbon peaking implementation plan",
            issuing_body="NDRC",
            issued_on=datetime.date(2025, 10, 24),
        )
        withdrawn = PolicyDocumentFactory(title_en="Withdrawn notice", live=False)
        brief = PolicyBriefPageFactory(
            parent=index,
            title="Carbon market expands",
            date=datetime.date(2026, 3, 3),
            summary="Steel and cement join the national market.",
            authors=[("Li Wei", "Policy analyst, the association")],
            topics=[market],
            documents=[plan, withdrawn],
        )
        brief.body = [("paragraph", "<p>Allocation follows product benchmarks.</p>")]
        brief.save_revision().publish()

        response = client.get(brief.url)

        content = response.content.decode()
        assert '<h1 class="page-header__title">Carbon market expands</h1>' in content
        assert '<time datetime="2026-03-03">3 March 2026</time>' in content
        assert '<p class="lead brief-header__summary">Steel and cement join the national market.</p>' in content
        assert "Allocation follows product benchmarks." in content
        assert '<span class="brief-author__role">Policy analyst, the association</span>' in content
        assert f'href="{index.url}?topic=carbon-market">Carbon market</a>' in content
        assert "Carbon peaking implementation plan" in content
        assert "NDRC" in content and "24 October 2025" in content
        assert "Withdrawn notice" not in content
        assert f'type="application/rss+xml" title="Policy briefs (RSS)" href="{index.url}feed/rss/"' in content
        assert f'href="{index.url}feed/atom/"' in content

    def test_a_document_with_an_address_is_linked(self, client, index, monkeypatch):
        plan = PolicyDocumentFactory(title_en="Carbon peaking implementation plan")
        brief = PolicyBriefPageFactory(parent=index, documents=[plan])
        monkeypatch.setattr(type(plan), "url", property(lambda document: f"/library/{document.slug}/"), raising=False)

        content = client.get(brief.url).content.decode()

        assert f'<a href="/library/{plan.slug}/">Carbon peaking implementation plan</a>' in content

    def test_chinese_date_and_document_details(self, client, index):
        plan = PolicyDocumentFactory(
            title="关于碳达峰的实施方案", issuing_body_zh="国家发展和改革委员会", issued_on=datetime.date(2025, 10, 24)
        )
        brief = PolicyBriefPageFactory(parent=index, date=datetime.date(2026, 3, 3), documents=[plan])
        chinese = translate(brief, title="全国碳市场扩容")

        content = client.get(chinese.url).content.decode()

        assert '<time datetime="2026-03-03">2026年3月3日</time>' in content
        assert "关于碳达峰的实施方案" in content
        assert "国家发展和改革委员会" in content and "2025年10月24日" in content

    def test_a_cited_document_with_unknown_issuer_and_date_says_so(self, client, index):
        plan = PolicyDocumentFactory(title="导入的通知", issuing_body="", issuing_body_zh="", issued_on=None)
        brief = PolicyBriefPageFactory(parent=index, date=datetime.date(2026, 3, 3), documents=[plan])
        chinese = translate(brief, title="全国碳市场扩容")

        english, content = client.get(brief.url), client.get(chinese.url).content.decode()

        assert "Issuer unknown" in english.content.decode() and "Date unknown" in english.content.decode()
        assert "导入的通知" in content and "发布机构未知" in content and "日期未知" in content

    def test_a_draft_brief_is_not_found(self, client, index):
        draft = PolicyBriefPageFactory(parent=index, slug="not-yet", live=False)

        assert client.get(index.url + "not-yet/").status_code == 404
        assert client.get(draft.url or index.url + "not-yet/").status_code == 404


# --- Moderation -------------------------------------------------------------------------------------------------


def staff(group: str, username: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor():
    return staff("Editors", "eddie")


@pytest.fixture
def moderator():
    return staff("Moderators", "mo")


def brief_form(title: str, **actions) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "market-brief",
            "date": "2026-03-03",
            "summary": "Steel and cement join the national market.",
            "body": streamfield([]),
            "authors": inline_formset([{"name": "Li Wei", "role": "Policy analyst"}], min=1),
            "related_documents": inline_formset([]),
            "comments": inline_formset([]),
            **actions,
        }
    )


def create_draft(client, index, title="Carbon market expands") -> PolicyBriefPage:
    url = reverse("wagtailadmin_pages:add", args=("portal", "policybriefpage", index.pk))
    response = client.post(url, brief_form(title))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return PolicyBriefPage.objects.get(title=title)


def edit(client, brief, **actions):
    return client.post(reverse("wagtailadmin_pages:edit", args=(brief.pk,)), brief_form(brief.title, **actions))


def publicly_listed(index, title: str) -> bool:
    # A fresh client: the staff one would also show the admin's "page created" messages.
    visitor = Client()
    in_index = title in visitor.get(index.url).content.decode()
    in_feed = title in visitor.get(index.url + "feed/rss/").content.decode()
    assert in_index == in_feed
    return in_index


class TestModeration:
    def test_the_default_workflow_and_page_permissions_cover_briefs(self, index):
        """Wagtail's own migrations set these on the tree root; briefs inherit them."""
        workflow = index.get_workflow()
        assert workflow is not None and workflow.name == "Moderators approval"
        (task,) = [task.specific for task in workflow.tasks.all()]
        assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
        root = Page.get_first_root_node()
        editors = set(
            GroupPagePermission.objects.filter(group__name="Editors", page=root).values_list(
                "permission__codename", flat=True
            )
        )
        assert "publish_page" not in editors and {"add_page", "change_page"} <= editors

    def test_editor_submits_moderator_approves_and_the_brief_goes_live(self, client, index, editor, moderator):
        client.force_login(editor)
        brief = create_draft(client, index)
        assert not brief.live
        assert not publicly_listed(index, "Carbon market expands")
        assert Client().get(index.url + "market-brief/").status_code == 404

        # An editor asking to publish only saves another draft.
        edit(client, brief, **{"action-publish": "publish"})
        brief.refresh_from_db()
        assert not brief.live
        assert not PageLogEntry.objects.filter(page=brief, action="wagtail.publish").exists()

        response = edit(client, brief, **{"action-submit": "submit"})
        assert response.status_code == 302
        brief.refresh_from_db()
        state = brief.current_workflow_state
        assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
        assert not brief.live
        assert not publicly_listed(index, "Carbon market expands")

        # The editor cannot approve their own submission.
        task_state = brief.current_workflow_task_state
        approve_url = reverse("wagtailadmin_pages:workflow_action", args=(brief.pk, "approve", task_state.pk))
        client.post(approve_url, {"comment": ""})
        brief.refresh_from_db()
        assert not brief.live

        client.force_login(moderator)
        response = client.post(approve_url, {"comment": "Clear and accurate."})
        assert response.status_code == 302
        brief.refresh_from_db()
        assert brief.live
        assert brief.current_workflow_state is None
        assert brief.workflow_states.get().status == WorkflowState.STATUS_APPROVED

        client.logout()
        assert publicly_listed(index, "Carbon market expands")
        assert client.get(brief.url).status_code == 200

    def test_a_submitted_brief_is_locked_for_its_editor(self, client, index, editor):
        client.force_login(editor)
        brief = create_draft(client, index)
        edit(client, brief, **{"action-submit": "submit"})
        brief.refresh_from_db()
        brief.title = "Rewritten during review"

        edit(client, brief)

        brief.refresh_from_db()
        assert brief.get_latest_revision_as_object().title == "Carbon market expands"
        assert brief.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    def test_a_moderator_publishes_directly(self, client, index, moderator):
        client.force_login(moderator)
        brief = create_draft(client, index)

        edit(client, brief, **{"action-publish": "publish"})

        brief.refresh_from_db()
        assert brief.live
        assert publicly_listed(index, "Carbon market expands")
