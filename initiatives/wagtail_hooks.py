"""Where Wagtail looks for the app's admin hooks: each feature registers its own in its `wagtail_hooks` module.

- `initiatives.events.wagtail_hooks`: the "Events" menu (event pages, registrations, speakers), page buttons;
- `initiatives.eod.wagtail_hooks`: the green finance catalogues' categories (a snippet);
- `initiatives.financiers.wagtail_hooks`: the "Financiers" menu (accounts, expressions of interest, saved searches).
"""

from initiatives.eod import wagtail_hooks as eod_hooks
from initiatives.events import wagtail_hooks as events_hooks
from initiatives.financiers import wagtail_hooks as financiers_hooks

__all__ = ["eod_hooks", "events_hooks", "financiers_hooks"]
