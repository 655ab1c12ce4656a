"""EOD catalogue pages and programmes for tests: consistent numbers unless a test says otherwise."""

from decimal import Decimal

import factory
import wagtail_factories

from initiatives.models import EodCatalogPage, EodIndustrialComponent, EodProgrammePage


class EodCatalogPageFactory(wagtail_factories.PageFactory):
    title = "EOD programme catalogue"
    slug = "eod"

    class Meta:
        model = EodCatalogPage


class EodProgrammePageFactory(wagtail_factories.PageFactory):
    """A Jiangxi river-restoration programme seeking a loan, with a 300 million gap."""

    title = factory.Sequence(lambda n: f"Programme {n}")
    code = factory.Sequence(lambda n: f"EOD-JX-2025-{n:03d}")
    province = "JX"
    city = "Ganzhou"
    lead_agency = "Ganzhou Ecology and Environment Bureau"
    implementing_entity = "Ganzhou Urban Investment Group"
    stage = "seeking-financing"
    sectors = factory.LazyFunction(lambda: ["eco-tourism"])
    instruments = factory.LazyFunction(lambda: ["loan"])
    summary = "River restoration paid for in part by eco-tourism along the restored banks."
    total_investment = Decimal(1200)
    financing_sought = Decimal(800)
    financing_secured = Decimal(500)
    proceeds_share = Decimal(30)
    irr = Decimal("6.5")
    payback_years = Decimal(12)
    contact_name = "Liu Fang"
    contact_role = "Project director"
    contact_email = factory.Sequence(lambda n: f"contact{n}@ganzhou-uig.example.cn")
    contact_phone = "+86 797 555 0100"

    class Meta:
        model = EodProgrammePage


def with_component(programme: EodProgrammePage, name: str, cost: Decimal = Decimal(100)) -> EodProgrammePage:
    """Add an industrial component and republish, as an editor would."""
    EodIndustrialComponent.objects.create(page=programme, name=name, sector="eco-tourism", cost=cost)
    programme.save_revision().publish()
    return programme
