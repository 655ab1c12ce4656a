import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from elasticsearch import ApiError, TransportError

from search.client import get_client, is_configured
from search.semantic import index
from search.semantic.encoder import encoder_status
from search.semantic.service import stored_coverage
from search.status import cluster_status


class Command(BaseCommand):
    help = "Show the search cluster's health, version, analysis plugins, indexes and aliases."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print machine-readable JSON.")

    def handle(self, *args, **options):
        # Meaning applies to either backend, and a model that will not load is what staff ask about first.
        encoder = encoder_status(load=True)
        coverage = stored_coverage()
        lists = index.state()
        meaning = {
            "state": encoder.state,
            "model": encoder.version or encoder.model,
            "reason": encoder.reason,
            "passages": coverage.chunks,
            "with_vectors": coverage.stored,
            "vector_index": {
                "vectors": lists.vectors,
                "lists": lists.lists,
                "trained_on": lists.trained_on,
                "rebuild_needed": lists.stale,
            },
        }
        status = None
        if is_configured():
            try:
                status = cluster_status(get_client(), settings.ELASTICSEARCH_URL)
            except (TransportError, ApiError) as error:
                url = settings.ELASTICSEARCH_URL
                raise CommandError(f"Elasticsearch at {url} is unreachable: {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps({**(status.as_dict() if status else {}), "meaning": meaning}, indent=2))
            return

        self.stdout.write(
            f"Meaning      {(self.style.SUCCESS if encoder.active else self.style.WARNING)(str(encoder))}"
        )
        vectors = str(coverage) if coverage.complete else self.style.WARNING(f"{coverage}: run search_embed")
        self.stdout.write(f"Vectors      {vectors}")
        if lists.stale:
            self.stdout.write(
                "Vector index " + self.style.WARNING(f"{lists}: the corpus has grown, run search_rebuild")
            )
        else:
            self.stdout.write(f"Vector index {lists}")
        if status is None:
            self.stdout.write("Search backend: database (ELASTICSEARCH_URL is not set).")
            return
        style = {"green": self.style.SUCCESS, "yellow": self.style.WARNING}.get(status.health, self.style.ERROR)
        self.stdout.write(f"Cluster      {status.cluster_name} at {status.url}")
        self.stdout.write(f"Health       {style(status.health)} ({status.nodes} node(s))")
        self.stdout.write(f"Version      {status.version}")
        self.stdout.write(f"Plugins      {', '.join(status.plugins) or 'none'}")
        self.stdout.write(
            f"Modules      {len(status.modules)} ({', '.join(m for m in status.modules if 'analysis' in m) or 'no analysis modules'})"
        )
        self.stdout.write(f"Chinese      analyser '{status.chinese_analyzer}' will be used")
        if status.schema_current is False:
            self.stdout.write(
                "Schema       "
                + self.style.WARNING("the served index was built by an older version: run search_rebuild")
            )
        elif status.schema_current:
            self.stdout.write("Schema       up to date")
        self.stdout.write("Indexes")
        for row in status.indexes or [{"index": "(none)", "health": "", "docs": "", "size": ""}]:
            self.stdout.write(f"  {row['index']:<48} {row['health']:<7} {row['docs']!s:>9} docs {row['size']:>9}")
        self.stdout.write("Aliases")
        for alias, targets in status.aliases.items() or [("(none)", [])]:
            self.stdout.write(f"  {alias:<48} -> {', '.join(targets)}")
