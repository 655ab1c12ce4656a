import factory
from django.contrib.auth import get_user_model

from members.models import MemberCompany, Milestone, Pledge, PledgeType, ProgressReport, Representative, Sector


class MemberCompanyFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Testfield Chemicals {n}")
    name_zh = factory.Sequence(lambda n: f"测试化学{n}")
    slug = factory.Sequence(lambda n: f"testfield-chemicals-{n}")
    sector = Sector.CHEMICALS
    headquarters_country = "Germany"
    member_since = 2015
    provinces = factory.LazyFunction(lambda: ["JS", "SH"])

    class Meta:
        model = MemberCompany


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class RepresentativeFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    company = factory.SubFactory(MemberCompanyFactory)
    role = Representative.Role.EDITOR

    class Meta:
        model = Representative


class PledgeFactory(factory.django.DjangoModelFactory):
    """A published (approved) pledge; pass live=False for a draft."""

    company = factory.SubFactory(MemberCompanyFactory)
    pledge_type = PledgeType.OPERATIONAL_NEUTRALITY
    scope_1 = True
    scope_2 = True
    baseline_year = 2019
    baseline_value = 100_000
    target_year = 2040
    target_value = 0
    live = True

    class Meta:
        model = Pledge


class MilestoneFactory(factory.django.DjangoModelFactory):
    pledge = factory.SubFactory(PledgeFactory)
    year = 2030
    value = 50_000
    description = "Halve Scope 1 and 2 emissions"

    class Meta:
        model = Milestone


class ProgressReportFactory(factory.django.DjangoModelFactory):
    company = factory.SubFactory(MemberCompanyFactory)
    year = factory.Sequence(lambda n: 2019 + n % 6)
    scope_1 = 60_000
    scope_2_location = 45_000
    scope_2_market = 40_000
    scope_3 = 500_000
    renewable_share = 30
    live = True

    class Meta:
        model = ProgressReport
