"""Financiers, their saved searches and expressions of interest, for tests; plus the helpers those tests share."""

from decimal import Decimal

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from initiatives.eod.access import FINANCIERS_GROUP
from initiatives.models import ExpressionOfInterest, Financier, SavedSearch
from search.backends import DatabaseBackend
from search.records import all_records
from tests.members.factories import UserFactory

PASSWORD = "correct horse battery staple"


class FinancierFactory(factory.django.DjangoModelFactory):
    """An approved financier at a bank, in the Financiers group; pass status="pending" for one waiting."""

    user = factory.SubFactory(
        UserFactory,
        username=factory.Sequence(lambda n: f"banker{n}@bank.example.com"),
        email=factory.SelfAttribute("username"),
    )
    full_name = factory.Sequence(lambda n: f"Banker {n}")
    organisation = "Example Green Bank"
    kind = Financier.Kind.BANK
    position = "Head of green finance"
    phone = "+86 21 5555 0100"
    status = Financier.Status.APPROVED
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Financier
        skip_postgeneration_save = True

    @factory.post_generation
    def group(obj, create, extracted, **kwargs):
        if create and obj.status == Financier.Status.APPROVED:
            obj.user.groups.add(Group.objects.get_or_create(name=FINANCIERS_GROUP)[0])


class SavedSearchFactory(factory.django.DjangoModelFactory):
    financier = factory.SubFactory(FinancierFactory)
    name = factory.Sequence(lambda n: f"Search {n}")
    querystring = factory.Sequence(lambda n: f"q=river{n}")
    frequency = SavedSearch.Frequency.DAILY

    class Meta:
        model = SavedSearch


class InterestFactory(factory.django.DjangoModelFactory):
    financier = factory.SubFactory(FinancierFactory)
    programme_title = factory.LazyAttribute(lambda o: o.programme.title)
    amount_min = Decimal(100)
    amount_max = Decimal(200)
    instrument = "loan"
    message = "We can lend over 15 years."

    class Meta:
        model = ExpressionOfInterest


def in_group(name: str, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=name))
    return user


def reindex() -> None:
    """Bring the database search backend up to date with the pages (tests do not commit, so no sync task runs)."""
    DatabaseBackend().replace_all(all_records())
