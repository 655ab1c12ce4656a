"""The home page's member companies panel, which the members app adds to the site's home page."""

import pytest
from PIL import Image

from portal.images import save_image
from tests.members.factories import MemberCompanyFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_counts_the_member_companies_and_shows_their_logos(client, home_page):
    logo = save_image(Image.new("RGB", (240, 120), "#3fae84"), "Castellan logo", "castellan.png")
    MemberCompanyFactory(name_en="Castellan Chemicals", logo=logo, website="https://castellan.example.com/")
    MemberCompanyFactory(name_en="Brightwater Materials")

    content = client.get("/").content.decode()

    assert '<span class="member-showcase__number">2</span>' in content
    assert "member companies" in content
    assert 'href="https://castellan.example.com/"' in content and 'alt="Castellan Chemicals"' in content
    assert "Brightwater Materials" not in content  # no logo, so counted but not shown


def test_without_member_companies_the_home_page_has_no_members_panel(client, home_page):
    content = client.get("/").content.decode()

    assert "member-showcase" not in content
