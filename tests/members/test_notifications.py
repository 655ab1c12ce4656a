"""Review-outcome emails: sent through Celery after commit, once, to the right people."""

import smtplib

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from wagtail.models import WorkflowState

from members.models import NotificationLog, Pledge, ProgressReport
from members.review import save_draft, submit_for_review
from members.tasks import notify_review_outcome
from tests.conftest import require_service
from tests.members.factories import PledgeFactory, RepresentativeFactory, UserFactory
from tests.portal.test_celery import real_worker, wait_for


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def representative(db):
    return RepresentativeFactory(user__first_name="Rita", user__last_name="Rep")


def submit_change(representative, target_year=2040):
    pledge = PledgeFactory(company=representative.company, target_year=2045)
    pledge = Pledge.objects.get(pk=pledge.pk)
    pledge.target_year = target_year
    save_draft(representative, pledge)
    submit_for_review(representative, pledge)
    mail.outbox.clear()
    return pledge


def decide(pledge, moderator, action, comment):
    state = pledge.current_workflow_state
    task_state = state.current_task_state
    getattr(task_state, action)(user=moderator, comment=comment)
    state.refresh_from_db()
    return state, task_state


@pytest.mark.django_db
class TestReviewOutcomeTask:
    def test_task_run_twice_sends_once(self, representative, moderator):
        pledge = submit_change(representative)
        state, task_state = decide(pledge, moderator, "approve", "Fine")  # no commit here: nothing enqueued yet

        assert notify_review_outcome.delay(state.pk, task_state.pk, "approved").get() is True
        assert notify_review_outcome.delay(state.pk, task_state.pk, "approved").get() is False

        assert len(mail.outbox) == 1
        assert NotificationLog.objects.get().key == f"workflow-{state.pk}-{task_state.pk}-approved"
        assert NotificationLog.objects.get().recipients == [representative.user.email]

    def test_outcome_is_enqueued_on_commit_with_ids_only(
        self, representative, moderator, django_capture_on_commit_callbacks
    ):
        pledge = submit_change(representative)

        with django_capture_on_commit_callbacks() as callbacks:
            state, _ = decide(pledge, moderator, "reject", "Source?")

        assert len(mail.outbox) == 0  # nothing before commit
        assert len(callbacks) == 1
        callbacks[0]()
        assert len(mail.outbox) == 1
        assert "Source?" in mail.outbox[0].body
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    def test_failed_send_is_not_logged_so_a_retry_sends(self, representative, moderator, settings):
        from members.notifications import send_review_outcome

        pledge = submit_change(representative)
        state, task_state = decide(pledge, moderator, "approve", "")
        settings.EMAIL_BACKEND = "tests.members.test_notifications.RefusingBackend"

        with pytest.raises(smtplib.SMTPException):
            send_review_outcome(state.pk, task_state.pk, "approved")
        assert not NotificationLog.objects.exists()

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        assert send_review_outcome(state.pk, task_state.pk, "approved") is True
        assert len(mail.outbox) == 1

    def test_representative_email_names_the_item_and_links_the_member_area(self, representative, moderator):
        pledge = submit_change(representative)
        state, task_state = decide(pledge, moderator, "reject", "The 2030 milestone is missing")

        notify_review_outcome.delay(state.pk, task_state.pk, "needs_changes")

        (email,) = mail.outbox
        assert email.to == [representative.user.email]
        assert email.subject == f"Changes requested: {Pledge.objects.get(pk=pledge.pk).get_latest_revision_as_object()}"
        assert "Dear Rita Rep," in email.body
        assert "The 2030 milestone is missing" in email.body
        assert "Nothing has been made public" in email.body
        assert "http://testserver/members/" in email.body

    def test_new_report_approval_lists_what_is_now_public(self, representative, moderator):
        report = ProgressReport(company=representative.company, year=2024, scope_1=61_000, renewable_share=42)
        save_draft(representative, report)
        submit_for_review(representative, report)
        state, task_state = decide(report, moderator, "approve", "")

        notify_review_outcome.delay(state.pk, task_state.pk, "approved")

        body = mail.outbox[-1].body
        assert "What is now public:" in body
        assert "- Scope 1 (tCO2e): 61,000" in body
        assert "- Renewable electricity share (%): 42" in body

    def test_viewers_and_inactive_or_addressless_editors_are_skipped(self, representative, moderator):
        company = representative.company
        RepresentativeFactory(company=company, role="viewer")
        RepresentativeFactory(company=company, user__is_active=False)
        RepresentativeFactory(company=company, user__email="")
        pledge = submit_change(representative)
        state, task_state = decide(pledge, moderator, "approve", "")

        notify_review_outcome.delay(state.pk, task_state.pk, "approved")

        assert [email.to for email in mail.outbox] == [[representative.user.email]]


@pytest.mark.django_db
def test_staff_submissions_are_left_to_wagtails_own_emails(moderator, django_capture_on_commit_callbacks):
    """A staff editor who submits in the admin hears from Wagtail; representatives are not involved."""
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    RepresentativeFactory()  # some other company's representative
    pledge = PledgeFactory(target_year=2045)
    pledge = Pledge.objects.get(pk=pledge.pk)
    pledge.target_year = 2042
    pledge.save_revision(user=editor)
    pledge.get_workflow().start(pledge, editor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide(pledge, moderator, "approve", "")

    assert [email.to for email in mail.outbox] == [[editor.email]]
    assert "approved" in mail.outbox[0].subject.lower()
    assert not NotificationLog.objects.exists()


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approval_email_is_sent_by_a_real_worker(representative, moderator, settings):
    """The whole path on Redis: approval commits, the worker loads the rows and sends once."""
    require_service("CELERY_BROKER_URL")
    pledge = submit_change(representative)

    with real_worker():
        with transaction.atomic():
            decide(pledge, moderator, "approve", "Checked by the worker test")
        assert wait_for(lambda: NotificationLog.objects.exists())

    assert [email.to for email in mail.outbox] == [[representative.user.email]]
    assert "Checked by the worker test" in mail.outbox[0].body


@pytest.mark.django_db
def test_publishing_directly_during_review_tells_the_representative(
    representative, moderator, django_capture_on_commit_callbacks
):
    """A moderator may click Publish instead of Approve; Wagtail then cancels the workflow."""
    pledge = submit_change(representative)

    with django_capture_on_commit_callbacks(execute=True):
        Pledge.objects.get(pk=pledge.pk).get_latest_revision().publish(user=moderator)

    assert Pledge.objects.public().get(pk=pledge.pk).target_year == 2040
    assert pledge.workflow_states.get().status == WorkflowState.STATUS_CANCELLED
    assert [email.to for email in mail.outbox] == [[representative.user.email]]
    assert "Approved and published" in mail.outbox[0].subject
    assert "Target year: 2045 -> 2040" in mail.outbox[0].body


@pytest.mark.django_db
def test_approving_in_the_workflow_sends_one_email_not_two(
    representative, moderator, django_capture_on_commit_callbacks
):
    pledge = submit_change(representative)

    with django_capture_on_commit_callbacks(execute=True):
        decide(pledge, moderator, "approve", "")

    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_each_round_of_a_resubmitted_review_gets_its_email(
    representative, moderator, django_capture_on_commit_callbacks
):
    pledge = submit_change(representative, target_year=2030)
    with django_capture_on_commit_callbacks(execute=True):
        decide(pledge, moderator, "reject", "2030 is not in your board decision")
    pledge = Pledge.objects.get(pk=pledge.pk)
    pledge.target_year = 2038
    save_draft(representative, pledge)
    submit_for_review(representative, pledge)  # resumes the same workflow state

    with django_capture_on_commit_callbacks(execute=True):
        decide(pledge, moderator, "reject", "Please attach the decision itself")

    bodies = [email.body for email in mail.outbox if email.to == [representative.user.email]]
    assert len(bodies) == 2
    assert "2030 is not in your board decision" in bodies[0]
    assert "Please attach the decision itself" in bodies[1]
    assert NotificationLog.objects.count() == 2
