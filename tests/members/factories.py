import factory

from members.models import MemberCompany, Sector


class MemberCompanyFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Testfield Chemicals {n}")
    name_zh = factory.Sequence(lambda n: f"测试化学{n}")
    slug = factory.Sequence(lambda n: f"testfield-chemicals-{n}")
    sector = Sector.CHEMICALS
    headquarters_country = "Germany"
    member_since = 2015

    class Meta:
        model = MemberCompany
