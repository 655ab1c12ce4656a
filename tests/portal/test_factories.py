import pytest

from tests.members.factories import MemberCompanyFactory
from tests.portal.factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_every_factory_builds_a_valid_object():
    home = HomePageFactory()
    page = StandardPageFactory(parent=home)
    company = MemberCompanyFactory()

    for obj in (home, page, company):
        obj.full_clean()
    assert page.get_parent().specific == home
    assert home.url == "/"
