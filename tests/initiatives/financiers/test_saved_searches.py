"""Saved catalogue searches: saving from the catalogue, editing one's own, unsubscribing, and the alert digests.

The alerts are checked the way a financier lives them: a programme published
after the search was saved arrives in the next morning's email, once; a
programme edited so that it newly matches arrives the morning after; nothing
unchanged comes back. Runs repeat and tasks are redelivered; emails do not.
"""

import smtplib
from decimal import Decimal

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.utils import translation
from freezegun import freeze_time

from initiatives.financiers import alerts
from initiatives.financiers.tasks import queue_saved_search_alerts, send_alert_digest
from initiatives.models import AlertDigest, AlertItem, Financier, SavedSearch
from members.models import Province
from search import indexes
from search.backends import ElasticsearchBackend
from search.models import PendingUpdate, SearchEntry
from search.records import all_records, key_for
from tests.conftest import require_service
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.initiatives.financiers.factories import FinancierFactory, SavedSearchFactory, reindex
from tests.members.factories import RepresentativeFactory
from tests.portal.test_celery import real_worker, wait_for

pytestmark = pytest.mark.django_db

Frequency = SavedSearch.Frequency
CREATE = "/financiers/searches/new/"
JIANGXI = "province=JX"

# Shanghai mornings: a Wednesday, the Thursday after, and the Monday after that.
WEDNESDAY = "2026-03-04 10:00:00+08:00"
THURSDAY_8AM = "2026-03-05 08:00:00+08:00"
FRIDAY_8AM = "2026-03-06 08:00:00+08:00"
SATURDAY_8AM = "2026-03-07 08:00:00+08:00"
MONDAY_8AM = "2026-03-09 08:00:00+08:00"


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def _english_and_database_search(settings):
    settings.SEARCH_BACKEND = "database"
    with translation.override("en"):
        yield


@pytest.fixture
def shelf(home_page):
    return EodCatalogPageFactory(parent=home_page)


@pytest.fixture
def financier():
    return FinancierFactory(full_name="Zhang Wei", organisation="Yangtze Green Bank")


def publish(page, **changes):
    """Change and publish a programme as an editor would, and bring search up to date."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    reindex()
    return page


def programme(shelf, **fields):
    page = EodProgrammePageFactory(parent=shelf, **fields)
    return publish(page)


def run_alerts(capture):
    """What beat does each morning, with the emails the committed transactions send."""
    with capture(execute=True):
        queue_saved_search_alerts.delay()


def titles_in(message) -> list[str]:
    return [line.split("] ", 1)[1].rsplit(" (", 1)[0] for line in message.body.splitlines() if line.startswith("[")]


# --- Saving from the catalogue --------------------------------------------------------------


def test_saving_a_search_keeps_its_canonical_form_and_a_name_from_its_filters(client, financier, shelf):
    client.force_login(financier.user)
    response = client.post(
        CREATE,
        {"querystring": "stage=seeking-financing&province=JX&page=3&view=table", "name": "", "frequency": "daily"},
    )

    saved = SavedSearch.objects.get()
    assert saved.financier == financier
    assert saved.querystring == "province=JX&stage=seeking-financing"
    assert saved.name == "Province: Jiangxi; Stage: Seeking financing"  # as the catalogue names it
    assert saved.frequency == Frequency.DAILY
    assert response.status_code == 302
    assert response["Location"] == f"{shelf.url}?province=JX&stage=seeking-financing"
    assert "Search saved" in client.get(response["Location"]).content.decode()


def test_a_given_name_is_kept(client, financier, shelf):
    client.force_login(financier.user)
    client.post(CREATE, {"querystring": JIANGXI, "name": "  Jiangxi   rivers ", "frequency": "weekly"})
    assert SavedSearch.objects.get().name == "Jiangxi rivers"


@pytest.mark.parametrize(
    "querystring", ["invest_min=lots", "province=XX", "invest_min=500&invest_max=100", "gap_min=-5", "sort=random"]
)
def test_an_invalid_search_is_not_saved_and_says_why(client, financier, shelf, querystring):
    client.force_login(financier.user)
    response = client.post(CREATE, {"querystring": querystring, "name": "", "frequency": "daily"}, follow=True)

    assert response.status_code == 200
    assert "This search could not be saved" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_saving_the_same_search_twice_keeps_one(client, financier, shelf):
    client.force_login(financier.user)
    client.post(CREATE, {"querystring": JIANGXI, "name": "First", "frequency": "daily"})
    response = client.post(CREATE, {"querystring": JIANGXI, "name": "Second", "frequency": "daily"}, follow=True)

    assert "already saved this search as “First”" in response.content.decode()
    assert list(SavedSearch.objects.values_list("name", flat=True)) == ["First"]


def test_a_search_too_long_once_encoded_is_refused_with_a_message(client, financier, shelf):
    client.force_login(financier.user)
    text = "生态环境导向的开发" * 22  # 198 characters, 1,782 once percent-encoded
    provinces = "&".join(f"province={code}" for code, _label in Province.choices)
    querystring = f"q={text}&{provinces}&stage=concept&stage=approved&instrument=loan&instrument=bond"

    response = client.post(CREATE, {"querystring": querystring, "name": "", "frequency": "daily"}, follow=True)

    assert response.status_code == 200
    assert "too long to save" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_a_bad_frequency_saves_nothing(client, financier, shelf):
    client.force_login(financier.user)
    client.post(CREATE, {"querystring": JIANGXI, "name": "", "frequency": "hourly"})
    assert not SavedSearch.objects.exists()


def test_saving_is_post_only(client, financier):
    client.force_login(financier.user)
    assert client.get(CREATE).status_code == 405


# --- Who may save, see and change a saved search -----------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in_and_back_to_the_catalogue(client, shelf):
    response = client.post(CREATE, {"querystring": JIANGXI, "frequency": "daily"})
    assert response.status_code == 302
    assert response["Location"].startswith("/financiers/login/?next=")
    assert "province%3DJX" in response["Location"]
    assert not SavedSearch.objects.exists()


def test_an_anonymous_search_too_long_to_save_is_left_out_of_the_sign_in_link(client, shelf):
    # 50,000 Chinese characters: an address Django would refuse to redirect to (400) if carried along.
    response = client.post(CREATE, {"querystring": "q=" + "碳" * 50_000, "frequency": "daily"})

    assert response.status_code == 302
    assert response["Location"].startswith("/financiers/login/?next=")
    assert len(response["Location"]) < 200
    assert not SavedSearch.objects.exists()


def test_pending_financiers_and_representatives_cannot_save(client, shelf):
    for user in (FinancierFactory(status=Financier.Status.PENDING).user, RepresentativeFactory().user):
        client.force_login(user)
        assert client.post(CREATE, {"querystring": JIANGXI, "frequency": "daily"}).status_code == 403
    assert not SavedSearch.objects.exists()


def test_a_financier_renames_and_changes_the_frequency_of_their_own_search(client, financier):
    saved = SavedSearchFactory(financier=financier, name="Old", frequency=Frequency.DAILY)
    client.force_login(financier.user)
    url = f"/financiers/searches/{saved.pk}/"
    assert client.get(url).status_code == 200

    response = client.post(url, {"name": "Wetlands in Jiangxi", "frequency": "weekly"})

    assert response.status_code == 302
    saved.refresh_from_db()
    assert (saved.name, saved.frequency) == ("Wetlands in Jiangxi", Frequency.WEEKLY)


def test_an_empty_name_is_refused(client, financier):
    saved = SavedSearchFactory(financier=financier, name="Keep")
    client.force_login(financier.user)
    response = client.post(f"/financiers/searches/{saved.pk}/", {"name": "   ", "frequency": "weekly"})
    assert response.status_code == 200
    saved.refresh_from_db()
    assert saved.name == "Keep"


def test_another_financiers_search_is_a_404_and_stays_as_it_was(client, financier):
    theirs = SavedSearchFactory(name="Theirs", frequency=Frequency.DAILY)
    client.force_login(financier.user)

    assert client.get(f"/financiers/searches/{theirs.pk}/").status_code == 404
    assert client.post(f"/financiers/searches/{theirs.pk}/", {"name": "Mine", "frequency": "off"}).status_code == 404
    assert client.get(f"/financiers/searches/{theirs.pk}/delete/").status_code == 404
    assert client.post(f"/financiers/searches/{theirs.pk}/delete/").status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.frequency) == ("Theirs", Frequency.DAILY)
    assert "Theirs" not in client.get("/financiers/").content.decode()


def test_a_financier_deletes_their_own_search_after_confirming(client, financier):
    saved = SavedSearchFactory(financier=financier)
    client.force_login(financier.user)
    url = f"/financiers/searches/{saved.pk}/delete/"
    assert client.get(url).status_code == 200
    assert SavedSearch.objects.filter(pk=saved.pk).exists()  # asking deletes nothing
    client.post(url)
    assert not SavedSearch.objects.filter(pk=saved.pk).exists()


def test_pending_financiers_cannot_edit_a_search_they_kept_from_before(client):
    saved = SavedSearchFactory(financier=FinancierFactory(status=Financier.Status.SUSPENDED))
    client.force_login(saved.financier.user)
    assert client.get(f"/financiers/searches/{saved.pk}/").status_code == 403


def test_the_dashboard_lists_searches_with_a_link_back_to_the_catalogue(client, financier, shelf):
    SavedSearchFactory(financier=financier, name="Jiangxi loans", querystring="instrument=loan&province=JX")
    client.force_login(financier.user)
    body = client.get("/financiers/").content.decode()
    assert "Jiangxi loans" in body
    assert f'href="{shelf.url}?instrument=loan&amp;province=JX"' in body
    assert "Instrument sought: Loan" in body


# --- Unsubscribing ------------------------------------------------------------------------------


def test_the_unsubscribe_link_asks_then_switches_alerts_off_without_signing_in(financier):
    saved = SavedSearchFactory(financier=financier, frequency=Frequency.DAILY)
    url = f"/financiers/unsubscribe/{alerts.unsubscribe_token(saved)}/"
    visitor = Client()

    page = visitor.get(url)
    assert page.status_code == 200 and "Stop them?" in page.content.decode()
    saved.refresh_from_db()
    assert saved.frequency == Frequency.DAILY  # following the link (as mail scanners do) changes nothing

    done = visitor.post(url)
    assert "you will get no more alert emails" in done.content.decode()
    saved.refresh_from_db()
    assert saved.frequency == Frequency.OFF
    assert "already off" in visitor.get(url).content.decode()


def test_one_click_unsubscribe_from_a_mail_client_needs_no_csrf_token(financier):
    saved = SavedSearchFactory(financier=financier, frequency=Frequency.WEEKLY)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/financiers/unsubscribe/{alerts.unsubscribe_token(saved)}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    saved.refresh_from_db()
    assert saved.frequency == Frequency.OFF


def test_the_link_of_a_deleted_search_says_so(financier):
    saved = SavedSearchFactory(financier=financier)
    url = f"/financiers/unsubscribe/{alerts.unsubscribe_token(saved)}/"
    saved.delete()
    response = Client().post(url)
    assert response.status_code == 200
    assert "has been deleted, so it sends no more emails" in response.content.decode()


@pytest.mark.parametrize("tamper", ["swap", "garbage", "truncate"])
def test_a_forged_unsubscribe_link_changes_nothing(financier, tamper):
    mine = SavedSearchFactory(financier=financier, frequency=Frequency.DAILY)
    theirs = SavedSearchFactory(frequency=Frequency.DAILY)
    token = alerts.unsubscribe_token(mine)
    forged = {
        "swap": token.replace(f"{mine.pk}.", f"{theirs.pk}.", 1),
        "garbage": "1.1:not-a-signature",
        "truncate": token[:-3],
    }[tamper]

    response = Client().post(f"/financiers/unsubscribe/{forged}/")

    assert response.status_code == 400
    assert "not valid, so nothing was changed" in response.content.decode()
    assert set(SavedSearch.objects.values_list("frequency", flat=True)) == {Frequency.DAILY}


# --- Alerts -------------------------------------------------------------------------------------


def test_a_programme_published_after_saving_is_emailed_once_the_next_morning(
    financier, shelf, django_capture_on_commit_callbacks
):
    with freeze_time(WEDNESDAY):
        programme(shelf, title="Ganjiang river restoration")
        saved = alerts.save_search(financier, JIANGXI, frequency=Frequency.DAILY)
        programme(shelf, title="Poyang lake wetland")  # new after saving
        programme(shelf, title="Datong mine rehabilitation", province="SX")  # does not match

    with freeze_time(THURSDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
        run_alerts(django_capture_on_commit_callbacks)  # beat fires twice, or a worker redelivers

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [financier.user.email]
    assert message.subject == f"New and updated EOD programmes for “{saved.name}”"
    assert titles_in(message) == ["Poyang lake wetland"]
    assert "Jiangxi" in message.body and "Seeking financing" in message.body and "financing gap CNY 300" in message.body
    token = alerts.unsubscribe_token(saved)
    assert f"http://testserver/financiers/unsubscribe/{token}/" in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver/financiers/unsubscribe/{token}/>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    digest = AlertDigest.objects.get()
    assert digest.outcome == AlertDigest.Outcome.SENT
    # The digest's own task run again sends nothing more.
    assert send_alert_digest.delay(digest.pk).get() is False
    assert len(mail.outbox) == 1

    with freeze_time(FRIDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # nothing new, nothing sent


def test_a_programme_edited_so_that_it_newly_matches_is_reported_the_next_run(
    financier, shelf, django_capture_on_commit_callbacks
):
    with freeze_time(WEDNESDAY):
        page = programme(shelf, title="Xiangjiang soil remediation", province="HN")
        saved = alerts.save_search(financier, "province=JX&stage=seeking-financing", frequency=Frequency.DAILY)

    with freeze_time(THURSDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert mail.outbox == []

    with freeze_time("2026-03-05 15:00:00+08:00"):
        publish(page, province="JX")  # the programme moves into the search
    with freeze_time(FRIDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert [titles_in(message) for message in mail.outbox] == [["Xiangjiang soil remediation"]]
    assert "[New]" in mail.outbox[0].body

    with freeze_time("2026-03-06 15:00:00+08:00"):
        publish(page, financing_secured=Decimal(600))  # still matching, published anew
    with freeze_time(SATURDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert "[Updated] Xiangjiang soil remediation" in mail.outbox[1].body
    assert AlertItem.objects.filter(saved_search=saved, programme=page).count() == 2


def test_a_programme_saved_as_draft_is_not_reported(financier, shelf, django_capture_on_commit_callbacks):
    with freeze_time(WEDNESDAY):
        page = programme(shelf, title="Ganjiang river restoration")
        alerts.save_search(financier, JIANGXI, frequency=Frequency.DAILY)
        page.title = "Ganjiang river restoration (draft)"
        page.save_revision()  # not published
        reindex()
    with freeze_time(THURSDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_weekly_searches_go_out_on_mondays(financier, shelf, django_capture_on_commit_callbacks):
    with freeze_time(WEDNESDAY):
        alerts.save_search(financier, JIANGXI, frequency=Frequency.WEEKLY)
        programme(shelf, title="Poyang lake wetland")

    with freeze_time(THURSDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    with freeze_time(MONDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert [titles_in(message) for message in mail.outbox] == [["Poyang lake wetland"]]
    with freeze_time("2026-03-10 08:00:00+08:00"):  # Tuesday: already done this week
        programme(shelf, title="Ganjiang river restoration")
        run_alerts(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("status", "frequency", "active"),
    [
        (Financier.Status.PENDING, Frequency.DAILY, True),
        (Financier.Status.SUSPENDED, Frequency.DAILY, True),
        (Financier.Status.APPROVED, Frequency.OFF, True),
        (Financier.Status.APPROVED, Frequency.DAILY, False),
    ],
)
def test_no_alerts_for_unapproved_or_inactive_financiers_or_switched_off_searches(
    shelf, django_capture_on_commit_callbacks, status, frequency, active
):
    financier = FinancierFactory(status=Financier.Status.APPROVED)
    with freeze_time(WEDNESDAY):
        alerts.save_search(financier, JIANGXI, frequency=frequency)
        programme(shelf, title="Poyang lake wetland")
    Financier.objects.filter(pk=financier.pk).update(status=status)
    financier.user.is_active = active
    financier.user.save()

    with freeze_time(THURSDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert not AlertDigest.objects.exists()


def test_a_digest_whose_alerts_were_switched_off_before_sending_is_skipped(financier, shelf):
    with freeze_time(WEDNESDAY):
        saved = alerts.save_search(financier, JIANGXI, frequency=Frequency.DAILY)
        programme(shelf, title="Poyang lake wetland")
    with freeze_time(THURSDAY_8AM):
        digest = alerts.check_search(saved.pk)  # the check alone: no task queued to send it
    alerts.unsubscribe(saved)

    assert alerts.send_digest(digest.pk) is False
    digest.refresh_from_db()
    assert digest.outcome == AlertDigest.Outcome.SKIPPED
    assert mail.outbox == []


def test_a_failed_send_is_retried_and_then_sent_once(financier, shelf, settings):
    with freeze_time(WEDNESDAY):
        saved = alerts.save_search(financier, JIANGXI, frequency=Frequency.DAILY)
        programme(shelf, title="Poyang lake wetland")
    with freeze_time(THURSDAY_8AM):
        digest = alerts.check_search(saved.pk)

    settings.EMAIL_BACKEND = "tests.initiatives.financiers.test_saved_searches.RefusingBackend"
    with pytest.raises(smtplib.SMTPServerDisconnected):
        alerts.send_digest(digest.pk)
    digest.refresh_from_db()
    assert digest.outcome == AlertDigest.Outcome.PENDING  # the claim rolled back with the failed send

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert alerts.send_digest(digest.pk) is True
    assert alerts.send_digest(digest.pk) is False
    assert len(mail.outbox) == 1


def test_a_digest_left_pending_by_a_crash_is_sent_by_the_next_run(financier, shelf, django_capture_on_commit_callbacks):
    with freeze_time(WEDNESDAY):
        saved = alerts.save_search(financier, JIANGXI, frequency=Frequency.DAILY)
        programme(shelf, title="Poyang lake wetland")
    with freeze_time(THURSDAY_8AM):
        alerts.check_search(saved.pk)  # as if the process died before the task queued the email
    with freeze_time(FRIDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert [titles_in(message) for message in mail.outbox] == [["Poyang lake wetland"]]


def test_digests_are_written_in_the_financiers_language(shelf, django_capture_on_commit_callbacks):
    financier = FinancierFactory(language="zh-hans")
    with freeze_time(WEDNESDAY):
        alerts.save_search(financier, JIANGXI, frequency=Frequency.DAILY)
        programme(shelf, title="Poyang lake wetland")
    with freeze_time(THURSDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)
    assert "/zh-hans/financiers/unsubscribe/" in mail.outbox[0].body


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.services)])
def synced_backend(request, settings):
    """A site searching with each backend, kept up to date only by the sync tasks publishing queues.

    The Elasticsearch case starts from an empty index behind the alias, as a
    deployed site has before its content is written; the database case is the
    embedded default, with no cluster configured.
    """
    settings.SEARCH_BACKEND = request.param
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        return None
    client = request.getfixturevalue("elasticsearch")
    ElasticsearchBackend().replace_all(all_records())
    return client


def test_publishing_reaches_the_alert_through_the_index_sync_task_alone(
    financier, shelf, synced_backend, django_capture_on_commit_callbacks
):
    """Publish, the sync task queued after commit, the next morning's digest: no rebuild anywhere."""
    with freeze_time(WEDNESDAY):
        page = EodProgrammePageFactory(parent=shelf, title="Poyang lake wetland", live=False)
        saved = alerts.save_search(financier, JIANGXI, frequency=Frequency.DAILY)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            page.save_revision().publish()
    key = key_for("initiatives.eodprogrammepage", page.pk)

    assert callbacks  # the publish queued its index update for after the commit
    assert not PendingUpdate.objects.filter(key=key).exists()  # and the task delivered it
    if synced_backend is None:
        assert SearchEntry.objects.filter(key=key).exists()
    else:
        synced_backend.indices.refresh(index=indexes.alias_name())
        assert key in ElasticsearchBackend().versions()
        # The database copy goes, so a digest can only have come from the cluster (not a fallback).
        SearchEntry.objects.filter(key=key).delete()

    with freeze_time(THURSDAY_8AM):
        run_alerts(django_capture_on_commit_callbacks)

    assert [titles_in(message) for message in mail.outbox] == [["Poyang lake wetland"]]
    assert AlertItem.objects.filter(saved_search=saved, programme=page).count() == 1


# --- On the real services -------------------------------------------------------------------------


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_sends_the_digest_once(financier, shelf):
    require_service("CELERY_BROKER_URL")
    with freeze_time(WEDNESDAY):
        alerts.save_search(financier, JIANGXI, frequency=Frequency.DAILY)
        programme(shelf, title="Poyang lake wetland")
    SavedSearch.objects.update(last_run_at="2026-03-04T02:00:00Z")

    with real_worker():
        queue_saved_search_alerts.delay()
        assert wait_for(lambda: AlertDigest.objects.filter(outcome=AlertDigest.Outcome.SENT).exists())
        queue_saved_search_alerts.delay()  # a second morning run the same day finds nothing due
        digest = AlertDigest.objects.get()
        send_alert_digest.delay(digest.pk)  # and a redelivered email task sends nothing
        from portal.models import WorkerHeartbeat
        from portal.tasks import record_heartbeat

        record_heartbeat.delay("after-digest")
        assert wait_for(lambda: WorkerHeartbeat.objects.filter(name="after-digest").exists())

    assert [titles_in(message) for message in mail.outbox] == [["Poyang lake wetland"]]
    assert AlertDigest.objects.count() == 1
