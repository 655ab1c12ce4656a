"""Settings for a Celery worker the fault tests start as a process of its own.

The test settings, on the test run's database, consuming the run's own queue,
with mail written to files the test counts (one file per connection, see
`tests.reliability.workers.sent_emails`). Everything comes from the variables
`WorkerProcess` sets.
"""

import os

from portal.settings.test import *  # noqa: F403
from portal.settings.test import CELERY_BROKER_TRANSPORT_OPTIONS, DATABASES

CELERY_TASK_ALWAYS_EAGER = False
DATABASES["default"]["NAME"] = os.environ["PORTAL_TEST_DATABASE"]
CELERY_TASK_DEFAULT_QUEUE = os.environ["PORTAL_TEST_QUEUE"]
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["PORTAL_TEST_EMAIL_DIR"]
# The worker keeps the database copy of search only: the run's indexes belong to the test process.
ELASTICSEARCH_URL = ""
# Look for abandoned messages every second rather than every 100 (the
# visibility timeout itself comes from CELERY_VISIBILITY_TIMEOUT).
CELERY_BROKER_TRANSPORT_OPTIONS = CELERY_BROKER_TRANSPORT_OPTIONS | {
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
# The registration-email catch-up only, every two seconds, for emails missing after three.
CELERY_BEAT_SCHEDULE = {
    "missing-registration-emails": {
        "task": "initiatives.tasks.send_missing_registration_emails",
        "schedule": 2.0,
        "kwargs": {"grace_seconds": 3},
    },
}
