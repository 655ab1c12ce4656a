"""The yearly reminder: on the configured date, companies without a published report for last year are emailed once."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from freezegun import freeze_time

from members.models import NotificationLog
from members.tasks import send_report_reminders
from tests.members.factories import MemberCompanyFactory, ProgressReportFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db

# 10:00 in Shanghai (the project's time zone) on each day.
ON_THE_DATE = "2025-03-01 02:00:00"
DAY_AFTER = "2025-03-02 02:00:00"
DAY_BEFORE = "2025-02-28 02:00:00"


@pytest.fixture
def companies():
    reported = MemberCompanyFactory(name_en="Reported Chemicals")
    ProgressReportFactory(company=reported, year=2024)
    RepresentativeFactory(company=reported)

    missing = MemberCompanyFactory(name_en="Missing Materials")
    ProgressReportFactory(company=missing, year=2023)  # an older report does not count
    editors = [RepresentativeFactory(company=missing), RepresentativeFactory(company=missing)]
    RepresentativeFactory(company=missing, role="viewer")

    drafted = MemberCompanyFactory(name_en="Drafted Devices")
    ProgressReportFactory(company=drafted, year=2024, live=False)  # not published
    drafter = RepresentativeFactory(company=drafted)

    MemberCompanyFactory(name_en="Nobody Home")  # no representative to tell
    return {"missing": editors, "drafted": drafter}


def recipients():
    return sorted(address for email in mail.outbox for address in email.to)


def test_reminds_every_editor_of_each_company_without_a_published_report(companies):
    with freeze_time(ON_THE_DATE):
        assert send_report_reminders.delay().get() == 2

    expected = [rep.user.email for rep in companies["missing"]] + [companies["drafted"].user.email]
    assert recipients() == sorted(expected)
    missing_email = next(email for email in mail.outbox if email.to == [companies["missing"][0].user.email])
    assert missing_email.subject == "Missing Materials: your 2024 progress report is due"
    assert "http://testserver/members/" in missing_email.body
    drafted_email = next(email for email in mail.outbox if email.to == [companies["drafted"].user.email])
    assert "has been started but is not published yet" in drafted_email.body


def test_running_twice_on_the_date_sends_once(companies):
    with freeze_time(ON_THE_DATE):
        send_report_reminders.delay()
        sent = len(mail.outbox)
        assert send_report_reminders.delay().get() == 0

    assert len(mail.outbox) == sent == 3
    assert sorted(NotificationLog.objects.values_list("key", flat=True)) == sorted(
        f"report-reminder-2024-{rep.company_id}" for rep in (companies["missing"][0], companies["drafted"])
    )


def test_day_after_a_run_sends_nothing_more(companies):
    with freeze_time(ON_THE_DATE):
        send_report_reminders.delay()
    mail.outbox.clear()

    with freeze_time(DAY_AFTER):
        assert send_report_reminders.delay().get() == 0

    assert mail.outbox == []


def test_day_before_sends_nothing(companies):
    with freeze_time(DAY_BEFORE):
        assert send_report_reminders.delay().get() == 0

    assert mail.outbox == []


def test_missed_date_is_caught_up_the_day_after_but_not_weeks_later(companies):
    with freeze_time("2025-03-20 02:00:00"):
        assert send_report_reminders.delay().get() == 0
    assert mail.outbox == []

    with freeze_time(DAY_AFTER):  # beat was down on the 1st
        assert send_report_reminders.delay().get() == 2
    assert len(mail.outbox) == 3


def test_publishing_the_report_before_the_date_stops_the_reminder(companies):
    company = companies["drafted"].company
    company.reports.filter(year=2024).update(live=True)

    with freeze_time(ON_THE_DATE):
        send_report_reminders.delay()

    assert companies["drafted"].user.email not in recipients()


def test_date_comes_from_the_setting(companies, settings):
    settings.MEMBER_REPORT_REMINDER_DATE = "04-15"

    with freeze_time(ON_THE_DATE):
        assert send_report_reminders.delay().get() == 0
    with freeze_time("2025-04-15 02:00:00"):
        assert send_report_reminders.delay().get() == 2


def test_date_uses_the_project_time_zone(companies):
    with freeze_time("2025-02-28 15:30:00"):  # 23:30 in Shanghai: still the 28th
        assert send_report_reminders.delay().get() == 0
    with freeze_time("2025-02-28 16:30:00"):  # 00:30 on 1 March in Shanghai
        assert send_report_reminders.delay().get() == 2


def test_bad_setting_is_reported_plainly(companies, settings):
    settings.MEMBER_REPORT_REMINDER_DATE = "March 1st"

    with freeze_time(ON_THE_DATE), pytest.raises(ImproperlyConfigured, match="like 03-01"):
        send_report_reminders.delay()


def test_beat_runs_the_reminder_task_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["member-report-reminders"]

    assert entry["task"] == "members.tasks.send_report_reminders"
    assert entry["schedule"].is_due  # a schedule object, not a one-off
    assert entry["schedule"].day_of_month == set(range(1, 32))
