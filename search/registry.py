"""What the site makes searchable, registered by each app from its `AppConfig.ready()`.

Search knows no content model, the way Wagtail's `search_fields` are declared
on the models rather than in the search backend:

- `register_source`: one indexable model, which rows of it are live and how
  one becomes a record (`search.records` has the helpers), and optionally how
  its stored address follows the visitor's language and what an export of
  search results adds to its rows.
- `register_facet_labels`: what a site search facet's values are called, as
  a callable returning {value: label} in the active language.

Sources keep the order they are registered in (apps' `ready()` run in
`INSTALLED_APPS` order), which is the order of a rebuild; results follow it
only in exact ties, which follow the order rows were written, as any update
changes anyway. The content apps come before `search`, whose `ready()`
connects the index updates of every registered source.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Model, QuerySet

Record = dict[str, Any]
# Record key -> values of the export's extra columns (see `search.exports.columns`).
ExportDetails = Callable[[list[int]], dict[int, dict[str, str]]]


@dataclass(frozen=True)
class Source:
    """One indexable model: which rows are live, and how one becomes a record."""

    label: str  # the model's label, lower case: "portal.policydocument"
    queryset: Callable[[], QuerySet]  # the live, public rows
    to_record: Callable[[Model], Record]
    # A stored address moved to the visitor's language, where the index keeps one address for all.
    localize_url: Callable[[str], str] | None = None
    # Primary keys -> {column: value} for the export columns this content fills (issuer, jurisdiction...).
    export_details: ExportDetails | None = None

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.label)


SOURCES: list[Source] = []
FACET_LABELS: dict[str, Callable[[], dict[str, str]]] = {}


def register_source(source: Source) -> None:
    """Make a model searchable; registering a label again replaces its source in place."""
    for index, known in enumerate(SOURCES):
        if known.label == source.label:
            SOURCES[index] = source
            return
    SOURCES.append(source)


def source(label: str) -> Source | None:
    return next((known for known in SOURCES if known.label == label), None)


def register_facet_labels(name: str, provider: Callable[[], dict[str, str]]) -> None:
    """Name the values of site search facet `name`: `provider()` gives {value: label} in the active language."""
    FACET_LABELS[name] = provider


def facet_labels(*names: str) -> dict[str, dict[str, str]]:
    """Facet name -> {value: label} for `names` (every registered facet when none is given)."""
    return {name: provider() for name, provider in FACET_LABELS.items() if not names or name in names}
