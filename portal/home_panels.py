"""Panels that apps add to the home page, so that the site's own pages import no app.

An app registers a panel from its `AppConfig.ready()`: the template included
at the end of the home page, after its sections, and a function that gives
that template's context for the request. `HomePage.get_context` adds every
panel's context to the page's and lists their templates in `home_panels`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class HomePanel:
    template: str
    context: Callable[[HttpRequest], dict]


_panels: dict[str, HomePanel] = {}


def register_home_panel(name: str, template: str, context: Callable[[HttpRequest], dict]) -> None:
    """Add a panel, or replace the one registered under `name` (an app's ready() may run twice in tests)."""
    _panels[name] = HomePanel(template, context)


def panels_context(request: HttpRequest) -> dict:
    """What the registered panels add to the home page's context, with their templates in registration order."""
    context = {"home_panels": [panel.template for panel in _panels.values()]}
    for panel in _panels.values():
        context.update(panel.context(request))
    return context
