from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.eod import load_eod_programmes
from demo.events import load_events
from demo.financiers import FINANCIER_PASSWORD, load_financiers
from demo.library import load_briefs, load_library
from demo.members import REPRESENTATIVE_PASSWORD, load_companies, load_members, mail_not_sent
from demo.pathways import load_pathways_demo
from demo.site import load_site
from search.semantic.encoder import encoder_status, get_encoder
from search.signal_handlers import updates_paused


class Command(BaseCommand):
    help = (
        "Load demo content: pages in both languages, staff users, member companies with their pledges, "
        "reports and representatives, events with speakers and registrations, the policy library, policy briefs "
        "and EOD programmes. "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--companies", type=int, default=70, help="How many member companies (at most 70).")

    def handle(self, *args, **options):
        with mail_not_sent(), updates_paused(), transaction.atomic():
            load_site(self.stdout)
            created = load_companies(options["companies"], self.stdout)
            members = load_members(options["companies"], self.stdout)
            alignment = load_pathways_demo(self.stdout)
            events = load_events(self.stdout)
            library = load_library(self.stdout)
            briefs = load_briefs(self.stdout)
            programmes = load_eod_programmes(self.stdout)
            financiers = load_financiers(self.stdout)
        if get_encoder() is not None:
            # Before the rebuild, so that both backends index the passages with their vectors.
            call_command("search_embed", "--all", stdout=self.stdout)
        else:
            self.stdout.write(f"Search will match words only: {encoder_status().reason}.")
        try:
            call_command("search_rebuild", stdout=self.stdout)
        except CommandError as error:
            # The content is in; only the index waits for the cluster.
            self.stderr.write(f"Search index not rebuilt: {error} Run search_rebuild once Elasticsearch is back.")
        self.stdout.write(
            f"Member data: {members['pledges']} new pledges, {members['reports']} new progress reports, "
            f"{members['plants']} new plants. Provenance for {alignment['provenance']} reports; "
            f"{alignment['assessments']} alignment assessments."
        )
        self.stdout.write(
            f"Events: {events['events']} in English and Chinese ({events['created']} new), "
            f"{events['registrations']} new registrations, {events['speakers']} speakers, {events['topics']} topics."
        )
        self.stdout.write(
            f"Policy library: {library['documents']} documents ({library['created']} new), {library['pdfs']} as PDF. "
            f"Policy briefs: {briefs['briefs']} ({briefs['created']} new, {briefs['translations']} new translations)."
        )
        self.stdout.write(
            f"EOD programmes: {programmes['programmes']} in English and Chinese ({programmes['created']} new), "
            f"{programmes['documents']} documents ({programmes['restricted_documents']} for financiers only)."
        )
        self.stdout.write(f"Financier logins (/financiers/), password {FINANCIER_PASSWORD}:")
        for email, status in financiers["logins"]:
            self.stdout.write(f"  {email:<42} {status.label}")
        for line in members["submissions"]:
            self.stdout.write(f"  {line}")
        if members["representatives"]:
            self.stdout.write(f"Member area logins (/members/), password {REPRESENTATIVE_PASSWORD}:")
            for representative in members["representatives"]:
                self.stdout.write(
                    f"  {representative.user.username:<20} {representative.get_role_display().split(':')[0]:<7} "
                    f"{representative.company}"
                )
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({created} new member companies)."))
