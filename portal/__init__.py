"""The site itself, in three floors.

The shell, on top, assembles the project and may import any app:
`settings/`, `urls` (mounts every app's URLs and the API), `views` and
`health` (sign-in, /healthz), `wsgi`, `apps`, `admin_site`, `wagtail_hooks`
(site-wide admin: topics), `search_records` (standard pages and topics in
search), the management commands and `models/__init__`, which re-exports the
library's models under the `portal` app label.

The library and briefs, one feature package: `portal.library` (see its
docstring). It builds on the ground floor and the site's models.

The ground floor, which every app may import and which imports no app (not
`members`, `initiatives`, `search`, `demo`, `api`) and nothing of the shell
or the library, not even inside a function:
`accounts`, `admin_exports`, `admin_views`, `blocks`, `cache`, `celery` (the Celery app;
its `idempotent_task` decorator and `TRANSIENT_ERRORS` are helpers every app
uses), `chrome`, `csp`, `filetypes`, `home_panels`, `honeypot`, `i18n`,
`images`, `jsonld`, `mail`, `migration_grants`, `page_cache`, `pagination`,
`password_reset`, `progress`, `ratelimit`, `site_lookup`, `spreadsheets`,
`task_backend`, `tasks`, `text`, `uploads`, `formats/`, `templatetags/`, and
the site's own models, imported from their modules: `models.pages` (home and
standard pages; apps add home page panels through `home_panels`),
`models.site_settings`, `models.topics`, `models.heartbeat`, `models.mail` (the
once-only email log the apps' logs extend).
`tests/portal/test_floors.py` checks this module by module, and the first
import-linter contract in `pyproject.toml` (`make lint`) through every chain
of imports.
"""

# Load the Celery app with Django so that @shared_task binds to it.
from .celery import app as celery_app

__all__ = ("celery_app",)
