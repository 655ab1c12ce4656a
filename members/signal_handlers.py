"""Reactions to review and publication of pledges and progress reports.

- Publication writes one `PublicChange`: the difference between the values that
  were public before and the ones public now (all values on first publication).
  The "before" values are read from the row just before Wagtail overwrites it,
  so the history is right even for rows that were live before any revision.
  Nothing is recorded for drafts or for revisions scheduled to go live later.
- The approver is the user on Wagtail's "wagtail.publish" log entry for that
  revision (the moderator whose approval published it, or who clicked Publish),
  which Wagtail writes just after the `published` signal.
- Approval or "request changes" enqueues an email task after commit, with IDs;
  so does staff publishing an item directly while it is waiting for review.
- Representatives get review outcomes from us, not from Wagtail's admin
  notifications (whose links lead into an admin they cannot open), so their
  Wagtail profile opts out of those two; staff keep all of Wagtail's emails.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry, WorkflowState
from wagtail.signals import published, workflow_approved, workflow_rejected
from wagtail.users.models import UserProfile

from members.diff import detached_copy, diff_objects
from members.models import Pledge, ProgressReport, PublicChange, Representative
from members.tasks import notify_review_outcome
from members.tracker.pathways import assessments

REVIEWED_MODELS = (Pledge, ProgressReport)


def remember_public_version(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a full save of a live row, keep a copy of what the public sees now."""
    instance._public_before = None
    if raw or update_fields is not None or instance.pk is None:
        return
    current = sender.objects.filter(pk=instance.pk, live=True).first()
    if current is not None:
        instance._public_before = detached_copy(current)


def record_public_change(sender, instance, revision, **kwargs):
    if not instance.live or instance.live_revision_id != revision.pk:
        return  # scheduled for later, not public yet
    before = getattr(instance, "_public_before", None)
    instance._public_before = None
    # Stored text is in the site's default language; field names let a page relabel it.
    with translation.override(settings.LANGUAGE_CODE):
        changes = diff_objects(before, instance)
        label = str(instance)[:255]
    if not changes:
        return
    PublicChange.objects.create(
        company_id=instance.company_id,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_label=label,
        revision=revision,
        submitted_by_id=revision.user_id,
        published_at=instance.last_published_at or timezone.now(),
        changes=changes,
    )


def record_alignment(sender, instance, revision, **kwargs):
    """Every approval of a pledge or report records a new alignment assessment of its company."""
    if not instance.live or instance.live_revision_id != revision.pk:
        return
    with translation.override(settings.LANGUAGE_CODE):
        assessments.record(instance.company_id, trigger=str(instance))


def notify_publish_during_review(sender, instance, revision, **kwargs):
    """Staff who click Publish instead of Approve also end the review (Wagtail cancels
    the workflow right after this signal): the representative hears it was approved."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH", True):
        return
    if not instance.live or instance.live_revision_id != revision.pk:
        return
    state = WorkflowState.objects.for_instance(instance).filter(status=WorkflowState.STATUS_IN_PROGRESS).first()
    if state is not None:
        notify_review_outcome.delay_on_commit(state.pk, state.current_task_state_id, WorkflowState.STATUS_APPROVED)


def record_approver(sender, instance, created, raw=False, **kwargs):
    """Wagtail logs who published a revision; that is who approved its public change."""
    if raw or not created or instance.action != "wagtail.publish" or not instance.revision_id or not instance.user_id:
        return
    PublicChange.objects.filter(revision_id=instance.revision_id, approved_by__isnull=True).update(
        approved_by_id=instance.user_id
    )


def reviewed_content_type_ids() -> set[int]:
    return {content_type.pk for content_type in ContentType.objects.get_for_models(*REVIEWED_MODELS).values()}


def enqueue_review_outcome(sender, instance: WorkflowState, **kwargs):
    if instance.base_content_type_id not in reviewed_content_type_ids():
        return
    notify_review_outcome.delay_on_commit(instance.pk, instance.current_task_state_id, instance.status)


def mute_wagtail_review_emails(sender, instance: Representative, raw=False, **kwargs):
    if raw:
        return
    profile = UserProfile.get_for_user(instance.user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def register_signal_handlers():
    for model in REVIEWED_MODELS:
        name = model._meta.model_name
        pre_save.connect(remember_public_version, sender=model, dispatch_uid=f"members-{name}-public-before")
        published.connect(record_public_change, sender=model, dispatch_uid=f"members-{name}-public-change")
        published.connect(record_alignment, sender=model, dispatch_uid=f"members-{name}-alignment")
        published.connect(notify_publish_during_review, sender=model, dispatch_uid=f"members-{name}-direct-publish")
    post_save.connect(record_approver, sender=ModelLogEntry, dispatch_uid="members-public-change-approver")
    workflow_approved.connect(enqueue_review_outcome, sender=WorkflowState, dispatch_uid="members-review-approved")
    workflow_rejected.connect(enqueue_review_outcome, sender=WorkflowState, dispatch_uid="members-review-rejected")
    post_save.connect(mute_wagtail_review_emails, sender=Representative, dispatch_uid="members-mute-wagtail-emails")
