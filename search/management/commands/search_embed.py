import os

from django.core.management.base import BaseCommand, CommandError

from portal.progress import progress
from search import sync, vectors
from search.client import is_configured
from search.records import all_records, count_live, record_for
from search.semantic import index
from search.semantic.encoder import encoder_status, get_encoder
from search.semantic.service import embed


class Command(BaseCommand):
    help = (
        "Compute the semantic-search vectors that live records' passages are missing (each is kept by "
        "content hash, so what is stored already is reused, and running it again computes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("keys", nargs="*", help="Record keys, e.g. portal.policydocument:12.")
        parser.add_argument("--all", dest="every", action="store_true", help="Every live record.")
        parser.add_argument("--batch", type=int, default=32, help="Passages per model call (default 32).")
        parser.add_argument(
            "--threads",
            type=int,
            default=os.cpu_count() or 1,
            help="CPU threads the model may use (default: every core; web processes use one).",
        )

    def handle(self, *args, keys: list[str], every: bool, batch: int, threads: int, **options):
        if every == bool(keys):
            raise CommandError("Give record keys, or --all for every live record.")
        if batch < 1 or threads < 1:
            raise CommandError("--batch and --threads must be at least 1.")
        encoder = get_encoder()
        if encoder is None:
            raise CommandError(f"No embedding model: {encoder_status().reason}.")
        self.stdout.write(f"Model: {encoder_status()}")
        if every:
            records = progress(all_records(), "Embedding", total=count_live(), stream=self.stdout)
        else:
            records = [record_for(key) for key in keys]
            unknown = [key for key, record in zip(keys, records, strict=True) if record is None]
            if unknown:
                raise CommandError(f"Not a live searchable record: {', '.join(unknown)}")
        summary = embed(records, batch_size=batch, threads=threads, encoder=encoder)
        self.stdout.write(f"{summary}.")
        if summary.computed:
            vectors.changed()  # the database backend's processes reload their matrix
            if every and (built := index.build_if_stale()):
                self.stdout.write(f"Vector index: {built}.")
            for key in keys:  # Elasticsearch keeps the vectors in its documents: store these again
                sync.sync_one(key)
            if every and is_configured():
                self.stdout.write("Elasticsearch keeps vectors in its documents: run search_rebuild to give it these.")
