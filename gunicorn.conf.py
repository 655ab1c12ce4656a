"""gunicorn's settings for the portal, read from the working directory; flags on the command line override them.

The application is loaded once, in the master, and the workers are forked
from it: Django, Wagtail, the URL configuration and the translation catalogues
are imported and built before any worker starts, so a new worker (at start, or
after --max-requests) answers its first request warm, and the workers share
those memory pages rather than holding a copy each.

Everything loaded by then is moved out of the garbage collector's view
(`gc.freeze`): a full collection in a worker otherwise walks every object of
Django and Wagtail, a pause of tens of milliseconds that lands on whichever
request happened to trigger it, and touching those objects' reference counts
would also copy the shared pages into each worker.
"""

import gc

preload_app = True
worker_class = "gthread"

# This file is read before the application is loaded. Nothing loaded then is garbage, and a collection
# would leave holes in the pages the workers are to share.
gc.disable()


def when_ready(server) -> None:
    """In the master, after the application is loaded and before the first worker is forked."""
    from django.conf import settings
    from django.db import connections
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018 - imports every view module and builds the resolver
    for code, _name in settings.LANGUAGES:
        translation.activate(code)  # loads the catalogue of each language
    translation.deactivate()
    # Nothing the master opened may be shared with the workers it forks.
    connections.close_all()
    gc.collect()
    gc.freeze()
    gc.enable()  # in the master and, from here, in every worker it forks
