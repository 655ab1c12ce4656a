"""Import policy documents from a folder of files or a CSV manifest; see portal.library.importer for the columns."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.library.importer import Defaults, import_documents
from portal.library.models import DocumentType, Jurisdiction
from portal.progress import progress


class Command(BaseCommand):
    help = (
        "Import PDF, DOCX, HTML and text files into the policy-document library, from a folder or a CSV manifest. "
        "Files already in the library (same bytes) are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A folder of files, or a CSV manifest with the files next to it.")
        parser.add_argument("--draft", action="store_true", help="Import as drafts instead of publishing.")
        # No defaults: what is not given here and not found in the file stays unknown, for staff to complete.
        parser.add_argument("--issuing-body", default="", help="Issuing body (English) where the manifest gives none.")
        parser.add_argument("--jurisdiction", default="", choices=Jurisdiction.values)
        parser.add_argument("--type", dest="document_type", default="", choices=DocumentType.values)
        parser.add_argument(
            "--issued-on",
            type=datetime.date.fromisoformat,
            default=None,
            help="Issue date (YYYY-MM-DD) for files whose name and text give none.",
        )

    def handle(self, *args, source, draft, issuing_body, jurisdiction, document_type, issued_on, **options):
        path = Path(source)
        if not path.exists():
            raise CommandError(f"{source} does not exist.")
        if path.is_file() and path.suffix.lower() != ".csv":
            raise CommandError(f"{source} is neither a folder nor a CSV manifest.")
        defaults = Defaults(
            issuing_body=issuing_body, jurisdiction=jurisdiction, document_type=document_type, issued_on=issued_on
        )
        report = import_documents(
            path,
            live=not draft,
            defaults=defaults,
            progress=lambda items: progress(items, "Importing documents", stream=self.stdout),
        )
        without_text = report.without_text
        self.stdout.write(
            f"Imported {len(report.imported)} ({len(without_text)} without text), "
            f"skipped {len(report.skipped)}, failed {len(report.failed)}."
        )
        incomplete = [document for _label, document in report.imported if document.needs_metadata]
        if incomplete:
            self.stdout.write(
                f"Metadata to complete: {len(incomplete)} (Library → Policy documents, filter “Needs metadata”)."
            )
        for label, document in report.imported:
            missing = ", ".join(document.missing_metadata())
            self.stdout.write(f"  imported  {label}: {document.slug}" + (f" (unknown: {missing})" if missing else ""))
        for label, document in without_text:
            self.stdout.write(self.style.WARNING(f"  no text   {label}: {document.extraction_error}"))
        for label, reason in report.skipped:
            self.stdout.write(f"  skipped   {label}: {reason}")
        for label, reason in report.failed:
            self.stdout.write(self.style.ERROR(f"  failed    {label}: {reason}"))
