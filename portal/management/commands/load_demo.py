from django.core.management.base import BaseCommand
from django.db import transaction

from members.demo import load_companies
from portal.demo import load_site


class Command(BaseCommand):
    help = "Load demo content: pages in both languages, staff users and member companies. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--companies", type=int, default=70, help="How many member companies (at most 70).")

    def handle(self, *args, **options):
        with transaction.atomic():
            load_site(self.stdout)
            created = load_companies(options["companies"], self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({created} new member companies)."))
