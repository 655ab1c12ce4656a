"""What pledges and progress reports share: staff review before anything is public.

Representatives' changes are saved as Wagtail revisions and go through the
"Member data review" workflow; the row itself holds only the approved
(published) values, so public queries filter on `live=True` and read the row.
"""

from django.db import models
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin

from portal.text import ReadableRevisionsMixin


class ReviewedQuerySet(models.QuerySet):
    def public(self):
        """Only what staff have approved."""
        return self.filter(live=True)


class Reviewed(ReadableRevisionsMixin, WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    objects = ReviewedQuerySet.as_manager()

    class Meta:
        abstract = True
