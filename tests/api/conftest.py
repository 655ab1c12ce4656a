"""A small site with something of every kind the API serves, in both languages, plus what it must never show."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Collection

from initiatives.eod.models.programmes import RESTRICTED_DOCUMENTS_COLLECTION
from initiatives.models import EodEnvironmentalComponent, EodProgrammeDocument
from members.models import Sector
from search.backends import DatabaseBackend
from search.records import all_records
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory, with_component
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory
from tests.members.factories import (
    MemberCompanyFactory,
    MilestoneFactory,
    PledgeFactory,
    ProgressReportFactory,
    UserFactory,
)
from tests.portal.factories import HomePageFactory, TopicFactory, translate
from tests.portal.library.factories import (
    PolicyBriefIndexPageFactory,
    PolicyBriefPageFactory,
    PolicyDocumentFactory,
    PolicyLibraryPageFactory,
    WagtailDocumentFactory,
)

SECRET_CONTACT = "secret.contact@ganzhou-uig.example.cn"


@pytest.fixture(scope="module")
def site_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per test module inside a transaction rolled back at the end, as the demo tests do."""
    media = tmp_path_factory.mktemp("api-media")
    with (
        override_settings(MEDIA_ROOT=media, SEARCH_BACKEND="database"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        data = build_site()
        data["media"] = media
        yield data
        transaction.set_rollback(True)


@pytest.fixture
def site(site_data, db, settings):
    # The web pages the API is compared with answer from the same (database) search backend.
    settings.SEARCH_BACKEND = "database"
    settings.MEDIA_ROOT = site_data["media"]
    return site_data


def build_site() -> dict:
    """Companies with approved and draft pledges, events, briefs, documents and EOD programmes."""
    home_page = HomePageFactory()
    hydrogen = TopicFactory(slug="hydrogen", name_en="Hydrogen", name_zh="氢能")

    aldermoor = MemberCompanyFactory(name_en="Aldermoor Automotive", slug="aldermoor", sector=Sector.AUTOMOTIVE)
    brightwater = MemberCompanyFactory(name_en="Brightwater Chemicals", slug="brightwater", sector=Sector.CHEMICALS)
    castellan = MemberCompanyFactory(
        name_en="Castellan Energy", name_zh="卡斯特兰能源", slug="castellan", sector=Sector.ENERGY
    )
    neutral = PledgeFactory(company=aldermoor, target_year=2040)
    MilestoneFactory(pledge=neutral, year=2030, value=50_000)
    PledgeFactory(company=aldermoor, pledge_type="peak", target_year=2028, scope_3=True)
    PledgeFactory(company=brightwater, pledge_type="net_zero", target_year=2050, scope_3=True)
    draft = PledgeFactory(company=castellan, target_year=2035, live=False, description_en="UNAPPROVED DRAFT")
    for year, scope_1 in ((2020, 90_000), (2024, 60_000)):
        ProgressReportFactory(company=aldermoor, year=year, scope_1=scope_1)
    ProgressReportFactory(company=aldermoor, year=2025, scope_1=1, live=False)  # a report still in review

    events = EventIndexPageFactory(parent=home_page)
    now = timezone.now().replace(microsecond=0)
    seminar = EventPageFactory(parent=events, title="Hydrogen seminar", city="Shanghai")
    seminar.topics.set([hydrogen])
    seminar.save_revision().publish()
    EventPageFactory(
        parent=events, title="Beijing forum", kind="forum", city="Beijing", start=now + datetime.timedelta(days=20)
    )
    EventPageFactory(parent=events, title="Past open day", kind="open-day", start=now - datetime.timedelta(days=30))
    EventPageFactory(
        parent=events, title="Webinar online", venue_name="", online_url="https://meet.example.com/x", city=""
    )

    briefs = PolicyBriefIndexPageFactory(parent=home_page)
    library = PolicyLibraryPageFactory(parent=home_page)
    plan = PolicyDocumentFactory(
        title="Carbon peaking action plan",
        slug="peaking-plan",
        number="国发〔2021〕23号",
        languages=["en"],
        file=WagtailDocumentFactory(),
    )
    plan.topics.set([hydrogen])
    plan.save()
    PolicyDocumentFactory(
        title="碳排放权交易管理办法",
        slug="trading-rules",
        languages=["zh-hans"],
        document_type="regulation",
        issued_on=datetime.date(2024, 1, 5),
        file=WagtailDocumentFactory(),
    )
    PolicyDocumentFactory(
        title="Withdrawn draft notice", slug="draft-notice", live=False, file=WagtailDocumentFactory()
    )
    first = PolicyBriefPageFactory(
        parent=briefs, title="What the carbon market means", topics=[hydrogen], documents=[plan]
    )
    PolicyBriefPageFactory(parent=briefs, title="Older brief", date=datetime.date(2025, 6, 1))
    translate(first, title="碳市场意味着什么")

    catalogue = EodCatalogPageFactory(parent=home_page)
    river = EodProgrammePageFactory(parent=catalogue, title="Ganjiang river restoration", contact_email=SECRET_CONTACT)
    EodEnvironmentalComponent.objects.create(page=river, name="Riverbank wetland", kind="wetland", cost=Decimal(300))
    with_component(river, "Riverside eco-tourism", cost=Decimal(200))
    closed = Collection.objects.get(name=RESTRICTED_DOCUMENTS_COLLECTION)  # made by a migration, financiers only
    EodProgrammeDocument.objects.create(
        page=river, document=WagtailDocumentFactory(title="Feasibility study (financiers)", collection=closed)
    )
    EodProgrammeDocument.objects.create(page=river, document=WagtailDocumentFactory(title="Public summary"))
    EodProgrammePageFactory(
        parent=catalogue,
        title="Dongting lake solar",
        province="HN",
        sectors=["clean-energy"],
        instruments=["bond"],
        total_investment=Decimal(6000),
        financing_sought=Decimal(3000),
        financing_secured=Decimal(0),
    )
    hidden = EodProgrammePageFactory(parent=catalogue, title="Withdrawn programme")
    hidden.unpublish()
    DatabaseBackend().replace_all(all_records())
    return {
        "companies": [aldermoor, brightwater, castellan],
        "draft": draft,
        "events": events,
        "briefs": briefs,
        "library": library,
        "catalogue": catalogue,
        "river": river,
        "hidden_programme": hidden,
        "topic": hydrogen,
    }


@pytest.fixture
def moderator(db):
    """Association staff in the Moderators group, who review member submissions."""
    user = UserFactory(is_staff=True, first_name="Mei", last_name="Reviewer")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
