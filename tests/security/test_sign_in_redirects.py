"""Where signing in leads: the page asked for (`next`), else a page that exists for who signed in.

Django's default destination, /accounts/profile/, does not exist here; Wagtail's sign-in for
private pages and restricted documents used to go there when reached without `next`.
"""

import html
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from initiatives.eod.models.programmes import RESTRICTED_DOCUMENTS_COLLECTION
from tests.initiatives.financiers.factories import FinancierFactory, in_group
from tests.members.factories import RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def financier():
    return FinancierFactory().user


def pending_financier():
    return FinancierFactory(status="pending").user


def representative():
    return RepresentativeFactory().user


def editor():
    return in_group("Editors")


def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


def someone():
    return UserFactory()


def sign_in(client, page: str, user):
    """Opens the sign-in page and sends its form as a browser would, hidden `next` included."""
    form = client.get(page).content.decode()
    hidden = re.search(r'name="next" value="([^"]*)"', form)
    data = {"username": user.username, "password": PASSWORD, **({"next": html.unescape(hidden[1])} if hidden else {})}
    return client.post(page, data, follow=True)


@pytest.mark.parametrize(
    ("page", "account", "lands_on"),
    [
        # Wagtail's sign-in for private pages and documents: whoever signs in, their own area.
        ("/_util/login/", financier, "/financiers/"),
        ("/_util/login/", pending_financier, "/financiers/"),
        ("/_util/login/", representative, "/members/"),
        ("/_util/login/", editor, "/admin/"),
        ("/_util/login/", superuser, "/admin/"),
        ("/_util/login/", someone, "/"),
        ("/zh-hans/_util/login/", financier, "/zh-hans/financiers/"),
        ("/zh-hans/_util/login/", someone, "/zh-hans/"),
        # Each area's own sign-in page.
        ("/financiers/login/", financier, "/financiers/"),
        ("/members/login/", representative, "/members/"),
        ("/admin/login/", editor, "/admin/"),
        ("/django-admin/login/", superuser, "/django-admin/"),
    ],
)
def test_signing_in_without_next_lands_on_a_page_that_exists(client, home_page, page, account, lands_on):
    response = sign_in(client, page, account())

    addresses = [address for address, _status in response.redirect_chain]
    assert addresses and addresses[0] == lands_on
    assert response.status_code == 200
    assert not any("/accounts/" in address for address in addresses)


def restricted_document():
    document = get_document_model()(
        title="Financial model", collection=Collection.objects.get(name=RESTRICTED_DOCUMENTS_COLLECTION)
    )
    document.file.save("financial-model.pdf", ContentFile(PDF), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def test_a_restricted_document_sends_to_sign_in_and_back_to_it(client):
    document = restricted_document()

    refused = client.get(document.url)
    assert refused.status_code == 302
    sign_in_page = refused["Location"]
    assert sign_in_page.startswith("/_util/login/?next=")
    response = sign_in(client, sign_in_page, financier())

    assert response.redirect_chain == [(document.url, 302)]
    assert b"".join(response.streaming_content) == PDF


def test_the_sign_in_page_does_not_leave_for_another_site(client, home_page):
    response = sign_in(client, "/_util/login/?next=https://evil.example.com/", financier())

    assert response.redirect_chain[0][0] == "/financiers/"
