"""EOD programme pages: admin validation with real POSTs, the public/restricted split on the page and on
document files, and amounts in each language."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from initiatives.models import (
    RESTRICTED_FIELDS,
    EodCatalogPage,
    EodEnvironmentalComponent,
    EodIndustrialComponent,
    EodProgrammeDocument,
    EodProgrammePage,
    ProgrammeStage,
)
from initiatives.models.eod import RESTRICTED_DOCUMENTS_COLLECTION
from initiatives.templatetags.eod_tags import cny
from members.models import Province
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
CONTACT_EMAIL = "liu.fang@jiujiang-eod.example.cn"
CONTACT_PHONE = "+86 792 5550 0117"


# --- Fixtures -----------------------------------------------------------------------------


@pytest.fixture
def catalogue(home_page):
    return home_page.add_child(instance=EodCatalogPage(title="EOD programme catalogue", slug="eod"))


def in_group(name: str, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


@pytest.fixture
def financier():
    return in_group("Financiers")


@pytest.fixture
def editor():
    return in_group("Editors", is_staff=True)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def document(title: str, restricted: bool):
    where = Collection.objects.get(name=RESTRICTED_DOCUMENTS_COLLECTION) if restricted else None
    doc = get_document_model()(title=title, collection=where or Collection.get_first_root_node())
    doc.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(PDF), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


@pytest.fixture
def programme(catalogue):
    """A Jiangxi wetland programme with both sides filled in, published."""
    page = EodProgrammePage(
        title="Poyang Lake Wetland and Fisheries EOD Programme",
        slug="poyang",
        code="EOD-JX-2024-07",
        province=Province.JIANGXI,
        city="Jiujiang",
        lead_agency="Jiujiang Municipal Ecology and Environment Bureau",
        implementing_entity="Jiujiang Eco-environment Development Co., Ltd.",
        stage=ProgrammeStage.SEEKING_FINANCING,
        sectors=["fisheries", "eco-tourism"],
        summary="Restores 3,000 hectares of wetland at Poyang Lake; fisheries and a wetland park pay for upkeep.",
        total_investment=Decimal(1200),
        financing_sought=Decimal(800),
        financing_secured=Decimal(300),
        instruments=["loan", "bond"],
        proceeds_share=Decimal(35),
        irr=Decimal("6.73"),
        payback_years=Decimal("13.5"),
        risks="<p>Visitor numbers below the forecast of the feasibility study.</p>",
        contact_name="Liu Fang",
        contact_role="Head of financing",
        contact_email=CONTACT_EMAIL,
        contact_phone=CONTACT_PHONE,
        latitude=Decimal("29.71"),
        longitude=Decimal("116.00"),
    )
    page.environmental_components = [
        EodEnvironmentalComponent(
            name="Wetland restoration", kind="wetland", cost=Decimal("512.34"), outcome_value=3000, outcome_unit="hectares"
        ),
        EodEnvironmentalComponent(
            name="Lake water quality", kind="lake-restoration", cost=Decimal("101.11"), outcome_value=3,
            outcome_unit="water-class",
        ),
    ]  # fmt: skip
    page.industrial_components = [
        EodIndustrialComponent(
            name="Rice-crab farming", sector="fisheries", cost=Decimal("433.21"), annual_revenue=Decimal("57.89")
        )
    ]
    page.documents = [
        EodProgrammeDocument(document=document("Programme overview", restricted=False)),
        EodProgrammeDocument(document=document("Financial model", restricted=True), title="Repayment plan"),
    ]
    catalogue.add_child(instance=page)
    page.save_revision().publish()
    return page


def restricted_document(programme):
    return next(item.document for item in programme.documents.all() if item.restricted)


# --- Rules and facts ---------------------------------------------------------------------


def test_the_gap_is_what_is_sought_and_not_yet_secured(programme):
    assert programme.financing_gap == Decimal(500)
    assert programme.secured_percent == 38
    programme.financing_secured = programme.financing_sought
    assert programme.financing_gap == 0


def test_public_facts_hold_nothing_restricted(programme):
    facts = programme.public_facts()
    assert not set(RESTRICTED_FIELDS) & set(facts)
    assert "cost" not in str(facts["environmental_components"]) and "57.89" not in str(facts)
    assert facts["financing_gap"] == Decimal(500)
    assert facts["environmental_components"][1]["outcome"] == "Water-quality class III"


def test_the_admin_listing_shows_code_province_and_stage(programme):
    assert programme.get_admin_display_title() == (
        "EOD-JX-2024-07 · Poyang Lake Wetland and Fisheries EOD Programme (Jiangxi, Seeking financing)"
    )


@pytest.mark.parametrize(
    ("language", "amount", "expected"),
    [
        ("en", Decimal(1250), "CNY 1.25 billion"),
        ("en", Decimal("812.50"), "CNY 812.5 million"),
        ("zh-hans", Decimal(1250), "12.5亿元"),
        ("zh-hans", Decimal(80), "8,000万元"),
    ],
)
def test_amounts_read_as_each_language_counts_money(language, amount, expected):
    with translation.override(language):
        assert cny(amount) == expected


# --- Admin: every rule refused through a real POST ------------------------------------------


def form_data(**changes) -> dict:
    lists = {"sectors": changes.pop("sectors", ["fisheries", "eco-tourism"]), "instruments": ["loan"]}
    data = {
        "title": "Hongze Lake wetland programme",
        "slug": "hongze",
        "code": "EOD-JS-2025-09",
        "province": "JS",
        "city": "Suqian",
        "lead_agency": "Suqian Municipal People's Government",
        "implementing_entity": "Suqian Eco-environment Development Co., Ltd.",
        "stage": "seeking-financing",
        "summary": "Wetland restoration paid for in part by ecological fisheries.",
        "description": rich_text(""),
        "total_investment": "1000",
        "financing_sought": "700",
        "financing_secured": "200",
        "proceeds_share": "30",
        "irr": "5.5",
        "payback_years": "14",
        "risks": rich_text(""),
        "contact_name": "Chen Jing",
        "contact_role": "Programme director",
        "contact_email": "chen.jing@suqian-eod.example.cn",
        "contact_phone": "+86 527 5550 0100",
        "latitude": "33.96",
        "longitude": "118.28",
        "environmental_components": inline_formset(
            [
                {
                    "name": "Wetland restoration",
                    "kind": "wetland",
                    "cost": "400",
                    "outcome_value": "2500",
                    "outcome_unit": "hectares",
                    "outcome_note": "",
                }
            ]
        ),
        "industrial_components": inline_formset(
            [{"name": "Ecological fisheries", "sector": "fisheries", "cost": "350", "annual_revenue": "40"}]
        ),
        "documents": inline_formset([]),
        "images": inline_formset([]),
        "action-publish": "publish",
    }
    flat = nested_form_data(data | changes)
    return flat | lists


def add_url(catalogue) -> str:
    return f"/admin/pages/add/initiatives/eodprogrammepage/{catalogue.pk}/"


def test_a_valid_programme_is_published_with_its_lists(admin_client, catalogue):
    response = admin_client.post(add_url(catalogue), form_data())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = EodProgrammePage.objects.get(slug="hongze")
    assert page.live
    assert page.sectors == ["fisheries", "eco-tourism"] and page.instruments == ["loan"]
    assert page.financing_gap == Decimal(500)
    assert page.components_cost() == Decimal(750)


def two_components(second_cost: str, delete_second: bool = False) -> dict:
    rows = [
        {"name": "Wetland restoration", "kind": "wetland", "cost": "600", "outcome_value": "", "outcome_unit": "",
         "outcome_note": ""},
        {"name": "Bird habitat", "kind": "biodiversity", "cost": second_cost, "outcome_value": "", "outcome_unit": "",
         "outcome_note": "", "DELETE": "1" if delete_second else ""},
    ]  # fmt: skip
    return {"environmental_components": inline_formset(rows)}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"financing_secured": "750"}, "financing_secured", "cannot exceed the financing sought"),
        ({"financing_sought": "1100"}, "financing_sought", "cannot exceed the total investment"),
        ({"total_investment": "-5"}, "total_investment", "greater than or equal to 0"),
        ({"financing_secured": "-1"}, "financing_secured", "greater than or equal to 0"),
        ({"proceeds_share": "120"}, "proceeds_share", "less than or equal to 100"),
        ({"proceeds_share": "-3"}, "proceeds_share", "greater than or equal to 0"),
        ({"irr": "-101"}, "irr", "greater than or equal to -100"),
        ({"payback_years": "0"}, "payback_years", "greater than or equal to 0.1"),
        ({"longitude": ""}, "longitude", "both latitude and longitude"),
        ({"latitude": "", "longitude": "118.28"}, "latitude", "both latitude and longitude"),
        ({"latitude": "95"}, "latitude", "less than or equal to 90"),
        ({"sectors": []}, "sectors", "This field is required"),
        ({"sectors": ["fisheries", "casinos"]}, "sectors", "Select a valid choice"),
        # 600 + 100 environmental and 350 industrial: 1,050 against a total of 1,000.
        (two_components("100"), "total_investment", "cost 1,050.00 CNY million together"),
    ],
)
def test_impossible_programmes_are_refused_with_a_message(admin_client, catalogue, changes, field, message):
    response = admin_client.post(add_url(catalogue), form_data(**changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field]), errors
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not EodProgrammePage.objects.filter(slug="hongze").exists()


def test_a_deleted_project_does_not_count_towards_the_total(admin_client, catalogue):
    response = admin_client.post(add_url(catalogue), form_data(**two_components("100", delete_second=True)))
    assert response.status_code == 302
    assert EodProgrammePage.objects.get(slug="hongze").environmental_components.count() == 1


@pytest.mark.parametrize("value", ["7", "2.5", "0"])
def test_a_water_quality_class_is_a_whole_number_from_one_to_five(admin_client, catalogue, value):
    rows = [{"name": "Lake", "kind": "lake-restoration", "cost": "100", "outcome_value": value,
             "outcome_unit": "water-class", "outcome_note": ""}]  # fmt: skip
    response = admin_client.post(add_url(catalogue), form_data(environmental_components=inline_formset(rows)))
    assert response.status_code == 200
    formset = response.context["form"].formsets["environmental_components"]
    assert "whole number from 1 (I) to 5 (V)" in str(formset.errors)
    assert not EodProgrammePage.objects.filter(slug="hongze").exists()


def test_an_edit_that_overspends_is_refused_and_the_page_keeps_its_figures(admin_client, programme):
    data = form_data(code=programme.code, slug=programme.slug, total_investment="500", financing_sought="400")
    response = admin_client.post(f"/admin/pages/{programme.pk}/edit/", data)
    assert response.status_code == 200
    assert "more than the total investment" in " ".join(response.context["form"].errors["total_investment"])
    programme.refresh_from_db()
    assert programme.total_investment == Decimal(1200)


def test_a_code_belongs_to_one_programme(admin_client, programme):
    response = admin_client.post(add_url(programme.get_parent()), form_data(code=programme.code))
    assert "Another programme already uses this code." in response.context["form"].errors["code"]


def test_editors_can_add_programmes_for_review(client, catalogue, editor):
    client.force_login(editor)
    data = form_data()
    data.pop("action-publish")
    response = client.post(add_url(catalogue), data)
    assert response.status_code == 302
    assert not EodProgrammePage.objects.get(slug="hongze").live  # a draft, published by a moderator


# --- The page: what the public sees and what financiers see ----------------------------------


RESTRICTED_TEXT = [
    CONTACT_EMAIL,
    CONTACT_PHONE,
    "Liu Fang",
    "6.73%",  # IRR
    "13.5 years",  # payback
    "512.34",  # a component's cost
    "57.89",  # a forecast revenue
    "Visitor numbers below the forecast",  # risks
    "Repayment plan",  # the restricted document's title
]


def test_the_public_page_shows_the_outline_and_nothing_restricted(client, programme):
    response = client.get(programme.url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in ["EOD-JX-2024-07", "Jiujiang, Jiangxi", "Seeking financing", "CNY 1.2 billion", "CNY 800 million",
                 "CNY 500 million", "CNY 300 million", "35% of industrial proceeds", "Wetland restoration", "3,000 hectares restored",
                 "Water-quality class III", "Fisheries", "Bond", "Programme overview"]:  # fmt: skip
        assert text in html, text
    for text in RESTRICTED_TEXT:
        assert text not in html, text
    assert restricted_document(programme).url not in html
    assert "1 more document is available to approved financiers." in html
    assert '"@type": "Project"' in html and CONTACT_EMAIL not in html


@pytest.mark.parametrize("who", ["financier", "editor"])
def test_approved_financiers_and_staff_see_everything(client, programme, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(programme.url)
    html = response.content.decode()
    for text in RESTRICTED_TEXT:
        assert text in html, text
    assert restricted_document(programme).url in html
    assert "available to approved financiers" not in html
    assert "private" in response["Cache-Control"]


def test_a_signed_in_user_who_is_not_a_financier_sees_the_public_page(client, programme):
    client.force_login(UserFactory())
    html = client.get(programme.url).content.decode()
    assert CONTACT_EMAIL not in html and "512.34" not in html


def test_the_public_gets_no_express_interest_button(client, programme):
    # Approved financier accounts get it (see test_interest); everyone else is told how to become one.
    html = client.get(programme.url).content.decode()
    assert "Interested in financing this programme?" in html
    assert f"/financiers/interest/{programme.pk}/" not in html


def test_the_chinese_translation_shows_amounts_in_yi(client, programme, catalogue):
    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    catalogue.get_parent().copy_for_translation(chinese).save_revision().publish()
    catalogue.copy_for_translation(chinese).save_revision().publish()
    translated = programme.copy_for_translation(chinese)
    translated.save_revision().publish()
    html = client.get(translated.url).content.decode()
    assert "12亿元" in html and "5亿元" in html and CONTACT_EMAIL not in html


def test_a_translation_takes_its_figures_from_the_original(admin_client, programme, catalogue):
    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    catalogue.get_parent().copy_for_translation(chinese)
    catalogue.copy_for_translation(chinese)
    translated = programme.copy_for_translation(chinese)
    translated.save_revision().publish()

    form = admin_client.get(f"/admin/pages/{translated.pk}/edit/").context["form"]
    assert form.fields["financing_secured"].disabled and form.fields["stage"].disabled
    assert not form.fields["title"].disabled and not form.fields["summary"].disabled

    programme.financing_secured = Decimal(800)
    programme.stage = ProgrammeStage.FINANCING_CLOSED
    programme.save_revision().publish()
    translated.refresh_from_db()
    assert (translated.financing_secured, translated.stage) == (Decimal(800), "financing-closed")
    assert translated.latest_revision.as_object().financing_secured == Decimal(800)


# --- Document files: Wagtail's own serve view enforces the collection restriction -----------------


def test_a_restricted_document_is_refused_to_the_public_and_served_to_a_financier(client, programme, financier):
    restricted = restricted_document(programme)
    response = client.get(restricted.url)
    assert response.status_code == 302 and "login" in response["Location"]

    client.force_login(UserFactory())  # signed in, but not an approved financier
    assert client.get(restricted.url).status_code in (302, 403)

    client.force_login(financier)
    response = client.get(restricted.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_an_unrestricted_document_is_open_to_everyone(client, programme):
    public = next(item.document for item in programme.documents.all() if not item.restricted)
    response = Client().get(public.url)
    assert response.status_code == 200
