from django.core.management.base import BaseCommand, CommandError
from elastic_transport import TransportError

from search.backends import ElasticsearchBackend
from search.indexes import aliased_indexes
from search.sync import configured_backends, reconcile


class Command(BaseCommand):
    help = (
        "Compare what each search backend holds with the live content (ids and content hashes) "
        "and repair the difference: add what is missing, update what is stale, remove what is gone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report the drift without repairing it.")

    def handle(self, *args, dry_run: bool, **options):
        for backend in configured_backends():
            if isinstance(backend, ElasticsearchBackend) and not aliased_indexes(backend.client):
                self.stdout.write(f"{backend.name}: no index yet; run search_rebuild first.")
                continue
            try:
                drift = reconcile(backend, dry_run=dry_run)
            except TransportError as error:
                raise CommandError(f"Elasticsearch is unreachable: {error}") from error
            verb = "would repair" if dry_run else "repaired"
            self.stdout.write(
                f"{backend.name}: {drift.unchanged} in step, {drift.missing} missing, {drift.stale} stale, "
                f"{drift.orphaned} no longer live; {verb} {drift.repaired}."
            )
