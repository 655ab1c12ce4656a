"""One small bilingual corpus for the search tests, built once per module.

Each item exists to prove one rule: a title match and a body match, a Chinese
phrase and a document with the same characters scattered, synonyms in both
languages, a draft and an unpublished page that must never appear.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from initiatives.models import EventKind
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory
from tests.portal.factories import HomePageFactory, StandardPageFactory, TopicFactory, paragraphs
from tests.portal.library.factories import (
    PolicyBriefIndexPageFactory,
    PolicyBriefPageFactory,
    PolicyDocumentFactory,
    PolicyLibraryPageFactory,
)

FILLER = "Member companies reported progress on energy efficiency and renewable power purchase agreements. "


def build() -> dict:
    hydrogen = TopicFactory(slug="hydrogen", name_en="Hydrogen", name_zh="氢能")
    markets = TopicFactory(slug="carbon-markets", name_en="Carbon markets", name_zh="碳市场")
    home = HomePageFactory()
    briefs = PolicyBriefIndexPageFactory(parent=home)
    PolicyLibraryPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)

    made = {}
    made["title_match"] = PolicyBriefPageFactory(
        parent=briefs,
        title="Hydrogen in steelmaking",
        summary="Why furnaces are changing.",
        body=paragraphs(FILLER * 3),
        date=datetime.date(2024, 5, 1),
        topics=[hydrogen],
    )
    made["body_match"] = PolicyBriefPageFactory(
        parent=briefs,
        title="Industrial policy update",
        summary="The quarter in review.",
        body=paragraphs(FILLER, "A pilot plant will test hydrogen for direct reduction.", FILLER),
        date=datetime.date(2025, 1, 10),
        topics=[markets],
    )
    made["peak_document"] = PolicyDocumentFactory(
        title="关于推进工业领域碳达峰的实施方案",
        title_en="Implementation plan for carbon peaking in industry",
        languages=["zh-hans"],
        issued_on=datetime.date(2022, 8, 1),
        document_type="plan",
        page_texts=[f"第{n}页 总则与工作要求。" for n in range(1, 12)]
        + ["第十二条 开展氢冶金示范，到2030年前实现碳达峰。hydrogen metallurgy pilots"],
        topics=[hydrogen],
    )
    made["scattered_document"] = PolicyDocumentFactory(
        title="城市绿色发展指南",
        title_en="Guide to green urban development",
        issuing_body="Shanghai Municipal Government",
        issuing_body_zh="上海市人民政府",
        jurisdiction="city",
        document_type="guideline",
        languages=["zh-hans", "en"],
        issued_on=datetime.date(2024, 6, 1),
        page_texts=["控制碳排放总量，推动达标排放，做好峰值管理。生态环境导向的开发模式试点。"],
    )
    made["draft_document"] = PolicyDocumentFactory(title="Unreleased hydrogen strategy", live=False)
    made["dual_carbon_page"] = StandardPageFactory(
        parent=home, title="Our dual carbon commitments", introduction="What members promise.", body=[]
    )
    made["markup_page"] = StandardPageFactory(
        parent=home, title="Reporting rules", introduction="Tags like <script>alert(1)</script> are hydrogen text."
    )
    made["event"] = EventPageFactory(
        parent=events,
        title="Ecology-oriented development forum",
        kind=EventKind.FORUM,
        introduction="Financing EOD projects with local governments.",
        start=timezone.make_aware(datetime.datetime(2026, 4, 20, 9, 0)),
        end=timezone.make_aware(datetime.datetime(2026, 4, 20, 17, 0)),
    )
    made["withdrawn"] = PolicyBriefPageFactory(parent=briefs, title="Withdrawn hydrogen brief")
    made["withdrawn"].unpublish()

    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    home.copy_for_translation(chinese).save_revision().publish()
    briefs_zh = briefs.copy_for_translation(chinese)
    briefs_zh.save_revision().publish()
    translation = made["title_match"].copy_for_translation(chinese)
    translation.title = "双碳目标下的钢铁行业转型"
    translation.summary = "高炉改造与氢能炼钢。"
    translation.topics.set([hydrogen])
    translation.save_revision().publish()
    made["dual_carbon_zh"] = translation
    return made
