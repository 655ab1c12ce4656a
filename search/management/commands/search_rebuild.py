import time

from django.core.management.base import BaseCommand, CommandError
from elastic_transport import TransportError

from portal.progress import progress
from search.backends import DatabaseBackend, ElasticsearchBackend
from search.records import all_records, count_live
from search.semantic import index
from search.sync import configured_backends


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every live page and document: Elasticsearch into a new "
        "versioned index swapped in behind the alias (search keeps answering meanwhile), "
        "and the database copy."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=["all", "elasticsearch", "database"],
            default="all",
            help="Which backend to rebuild (default: every configured one).",
        )
        parser.add_argument("--chunk-size", type=int, default=1000, help="Records per bulk request.")

    def handle(self, *args, backend: str, chunk_size: int, **options):
        backends = [b for b in configured_backends() if backend in ("all", b.name)]
        if not backends:
            raise CommandError("Elasticsearch is not configured: set ELASTICSEARCH_URL.")
        total = count_live()
        for target in backends:
            records = progress(all_records(), f"Indexing into {target.name}", total=total, stream=self.stdout)
            started = time.monotonic()
            if isinstance(target, ElasticsearchBackend):
                try:
                    result = target.replace_all(records, chunk_size=chunk_size)
                except TransportError as error:
                    raise CommandError(f"Elasticsearch is unreachable: {error}") from error
                self.stdout.write(
                    f"{result.indexed} records into {result.index} at {result.rate:.0f}/s"
                    f"{f', {result.failed} failed' if result.failed else ''}; alias moved"
                    f"{f', removed {len(result.deleted)} old version(s)' if result.deleted else ''}."
                )
            elif isinstance(target, DatabaseBackend):
                count = target.replace_all(records)
                seconds = time.monotonic() - started
                self.stdout.write(f"{count} records into the database table at {count / max(seconds, 1e-6):.0f}/s.")
                # The centroids follow the corpus just rebuilt (or there is no index, for a small one).
                self.stdout.write(f"Vector index: {index.build()}.")
