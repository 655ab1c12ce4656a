"""Expressions of interest: an approved financier writes to a programme; staff follow up in the admin.

Written from both sides: the financier who sends one and follows its status,
the programme's contact and staff who hear about it, and everyone who must
be refused (anonymous visitors, pending financiers, representatives, another
financier, staff without the permissions).
"""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import translation
from wagtail.models import Locale

from initiatives.financiers import interest as interests
from initiatives.financiers.tasks import notify_interest_contact, notify_staff_of_interest, send_interest_status
from initiatives.models import ExpressionOfInterest, Financier, FinancierEmail
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.initiatives.financiers.factories import FinancierFactory, InterestFactory, in_group
from tests.members.factories import RepresentativeFactory

pytestmark = pytest.mark.django_db

Status = ExpressionOfInterest.Status


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def programme(home_page):
    shelf = EodCatalogPageFactory(parent=home_page)
    page = EodProgrammePageFactory(
        parent=shelf, title="Ganjiang river restoration", contact_email="liu.fang@ganzhou-uig.example.cn"
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def financier():
    return FinancierFactory(full_name="Zhang Wei", organisation="Yangtze Green Bank", phone="+86 21 5555 0100")


@pytest.fixture
def moderator():
    return in_group("Moderators", first_name="Mei", last_name="Moderator", email="mei@association.example.org")


def url(programme) -> str:
    return f"/financiers/interest/{programme.pk}/"


def data(**changes):
    values = {"amount_min": "150", "amount_max": "300.5", "instrument": "loan", "message": "15-year green loan."}
    values.update(changes)
    return values


# --- Sending one ----------------------------------------------------------------------------------


def test_a_financier_expresses_interest_and_the_contact_and_staff_hear_once(
    client, financier, programme, moderator, django_capture_on_commit_callbacks
):
    client.force_login(financier.user)
    form = client.get(url(programme))
    assert form.status_code == 200
    assert "Ganjiang river restoration" in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(programme), data())

    assert response.status_code == 302
    assert response["Location"] == "/financiers/#interests-title"
    interest = ExpressionOfInterest.objects.get()
    assert (interest.financier, interest.programme, interest.status) == (financier, programme, Status.SUBMITTED)
    assert (interest.amount_min, interest.amount_max, interest.instrument) == (Decimal(150), Decimal("300.5"), "loan")
    assert interest.programme_title == "Ganjiang river restoration"

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"liu.fang@ganzhou-uig.example.cn", "mei@association.example.org"}
    to_contact = by_recipient["liu.fang@ganzhou-uig.example.cn"]
    assert to_contact.subject == "Expression of interest in Ganjiang river restoration"
    assert to_contact.reply_to == [financier.user.email]
    for text in ("Zhang Wei", "Yangtze Green Bank", "CNY 150–300.50 million", "Loan", "15-year green loan."):
        assert text in to_contact.body
    assert f"/admin/expressions-of-interest/edit/{interest.pk}/" in by_recipient["mei@association.example.org"].body

    # Redelivered tasks send nothing more.
    assert notify_interest_contact.delay(interest.pk).get() is False
    assert notify_staff_of_interest.delay(interest.pk).get() is False
    assert len(mail.outbox) == 2
    assert FinancierEmail.objects.filter(key__startswith=f"interest-{interest.pk}-").count() == 2

    dashboard = client.get("/financiers/").content.decode()
    assert "Ganjiang river restoration" in dashboard and "Submitted" in dashboard


def test_a_second_expression_while_one_is_open_is_refused_with_a_clear_message(client, financier, programme):
    InterestFactory(financier=financier, programme=programme, status=Status.IN_DISCUSSION)
    client.force_login(financier.user)

    page = client.get(url(programme)).content.decode()
    assert "You have already expressed interest in this programme." in page
    response = client.post(url(programme), data())

    assert response.status_code == 409
    assert "Status: In discussion." in response.content.decode()
    assert ExpressionOfInterest.objects.count() == 1


def test_once_the_first_is_closed_another_may_be_sent(client, financier, programme):
    InterestFactory(financier=financier, programme=programme, status=Status.CLOSED)
    client.force_login(financier.user)
    assert client.post(url(programme), data()).status_code == 302
    assert ExpressionOfInterest.objects.count() == 2


def test_the_service_refuses_a_duplicate_too(financier, programme):
    interests.submit(financier, programme, amount_min=Decimal(1), amount_max=Decimal(2), instrument="bond")
    with pytest.raises(interests.InterestRefused):
        interests.submit(financier, programme, amount_min=Decimal(1), amount_max=Decimal(2), instrument="bond")


def test_interest_from_the_chinese_page_is_recorded_on_the_original(client, financier, programme, home_page):
    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    home_page.copy_for_translation(chinese).save_revision().publish()
    programme.get_parent().specific.copy_for_translation(chinese).save_revision().publish()
    translation_page = programme.copy_for_translation(chinese)
    translation_page.title = "赣江流域生态修复"
    translation_page.save_revision().publish()
    client.force_login(financier.user)

    response = client.post(f"/zh-hans/financiers/interest/{translation_page.pk}/", data())

    assert response.status_code == 302
    assert ExpressionOfInterest.objects.get().programme == programme
    assert client.get(f"/financiers/interest/{programme.pk}/").context["existing"] is not None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount_min": "-5"}, "amount_min", "above zero"),
        ({"amount_min": "0"}, "amount_min", "above zero"),
        ({"amount_min": "300", "amount_max": "100"}, "amount_max", "cannot be below the lower one"),
        ({"amount_min": "a lot"}, "amount_min", "as a number"),
        ({"amount_max": "1e400"}, "amount_max", "larger than any programme"),
        ({"amount_max": "12.345"}, "amount_max", "at most two decimals"),
        ({"amount_max": "99999999999"}, "amount_max", "larger than any programme"),
        ({"amount_min": ""}, "amount_min", "required"),
        ({"instrument": "crypto"}, "instrument", "Select a valid choice"),
        ({"message": "x" * 4001}, "message", "at most 4000"),
    ],
)
def test_bad_input_gets_form_errors_never_a_500(client, financier, programme, changes, field, message):
    client.force_login(financier.user)
    response = client.post(url(programme), data(**changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not ExpressionOfInterest.objects.exists()


def test_only_live_programmes_take_interest(client, financier, programme):
    client.force_login(financier.user)
    programme.unpublish()
    assert client.get(url(programme)).status_code == 404
    assert client.get("/financiers/interest/999999/").status_code == 404
    assert client.get(f"/financiers/interest/{programme.get_parent().pk}/").status_code == 404  # not a programme


def test_a_programme_without_a_contact_email_still_reaches_staff(
    financier, programme, moderator, django_capture_on_commit_callbacks
):
    programme.contact_email = ""
    programme.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        interests.submit(financier, programme, amount_min=Decimal(10), amount_max=Decimal(20), instrument="equity")
    assert [message.to for message in mail.outbox] == [["mei@association.example.org"]]
    assert "please pass this on yourselves" in mail.outbox[0].body


# --- Who is refused -----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, programme):
    response = client.get(url(programme))
    assert response.status_code == 302
    assert response["Location"] == f"/financiers/login/?next={url(programme)}"
    assert client.post(url(programme), data()).status_code == 302
    assert not ExpressionOfInterest.objects.exists()


@pytest.mark.parametrize("status", [Financier.Status.PENDING, Financier.Status.REJECTED, Financier.Status.SUSPENDED])
def test_financiers_who_are_not_approved_are_refused(client, programme, status):
    client.force_login(FinancierFactory(status=status).user)
    assert client.get(url(programme)).status_code == 403
    assert client.post(url(programme), data()).status_code == 403
    assert not ExpressionOfInterest.objects.exists()


def test_representatives_are_refused(client, programme):
    client.force_login(RepresentativeFactory().user)
    response = client.post(url(programme), data())
    assert response.status_code == 403
    assert "not a financier account" in response.content.decode()
    assert not ExpressionOfInterest.objects.exists()


def test_a_financier_sees_only_their_own_expressions(client, financier, programme):
    InterestFactory(programme=programme, message="Someone else's offer", staff_note="Only for them")
    client.force_login(financier.user)
    body = client.get("/financiers/").content.decode()
    assert "Ganjiang river restoration" not in body and "Only for them" not in body
    # Their own open expression does not block this financier either.
    assert client.get(url(programme)).context["existing"] is None


# --- Staff in the admin ---------------------------------------------------------------------------------


def edit_url(interest) -> str:
    return f"/admin/expressions-of-interest/edit/{interest.pk}/"


def test_moderators_list_expressions_filtered_by_status_and_programme(client, moderator, programme, home_page):
    other = EodProgrammePageFactory(parent=programme.get_parent(), title="Poyang lake wetland")
    InterestFactory(programme=programme, status=Status.SUBMITTED)
    InterestFactory(programme=other, status=Status.DECLINED)
    client.force_login(moderator)

    def listed(**params) -> list[str]:
        response = client.get("/admin/expressions-of-interest/", params)
        return [interest.programme_title for interest in response.context["object_list"]]

    assert listed(status="submitted") == ["Ganjiang river restoration"]
    assert listed(programme=other.pk) == ["Poyang lake wetland"]
    assert sorted(listed()) == ["Ganjiang river restoration", "Poyang lake wetland"]


def test_a_status_change_emails_the_financier_once_with_the_note(
    client, moderator, financier, programme, django_capture_on_commit_callbacks
):
    interest = InterestFactory(financier=financier, programme=programme)
    client.force_login(moderator)
    page = client.get(edit_url(interest))
    assert page.status_code == 200 and "15 years" in page.content.decode()  # what the financier sent, read-only

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(interest), {"status": "in-discussion", "staff_note": "The programme team will call you."}
        )

    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.status == Status.IN_DISCUSSION and interest.status_changed_at is not None
    assert interest.amount_min == Decimal(100)  # untouched by the staff form
    assert [message.to for message in mail.outbox] == [[financier.user.email]]
    assert mail.outbox[0].subject == "Your interest in Ganjiang river restoration: In discussion"
    assert "The programme team will call you." in mail.outbox[0].body
    repeat = send_interest_status.delay(interest.pk, interest.status, interest.status_changed_at.isoformat())
    assert repeat.get() is False

    # Changing only the note sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(interest), {"status": "in-discussion", "staff_note": "Call booked."})
    assert len(mail.outbox) == 1

    client.force_login(financier.user)
    dashboard = client.get("/financiers/").content.decode()
    assert "In discussion" in dashboard and "Call booked." in dashboard


def test_reopening_while_another_is_open_is_refused_in_the_admin(client, moderator, financier, programme):
    closed = InterestFactory(financier=financier, programme=programme, status=Status.CLOSED)
    InterestFactory(financier=financier, programme=programme, status=Status.SUBMITTED)
    client.force_login(moderator)

    response = client.post(edit_url(closed), {"status": "acknowledged", "staff_note": ""})

    assert response.status_code == 200
    assert "another open expression of interest" in response.content.decode()
    closed.refresh_from_db()
    assert closed.status == Status.CLOSED


def test_financiers_and_staff_without_permission_never_reach_the_admin_pages(client, financier, programme):
    interest = InterestFactory(financier=financier, programme=programme)
    client.force_login(financier.user)
    for address in ("/admin/expressions-of-interest/", edit_url(interest), "/admin/saved-searches/"):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.post(edit_url(interest), {"status": "closed", "staff_note": "self-service"})

    client.force_login(in_group("Editors"))
    assert client.get("/admin/expressions-of-interest/").status_code == 403
    assert client.post(edit_url(interest), {"status": "closed", "staff_note": ""}).status_code == 403
    assert client.get("/admin/saved-searches/").status_code == 403
    interest.refresh_from_db()
    assert interest.status == Status.SUBMITTED and interest.staff_note == ""


def test_staff_read_saved_searches_but_cannot_change_them(client, moderator, financier):
    from tests.initiatives.financiers.factories import SavedSearchFactory

    saved = SavedSearchFactory(financier=financier, name="Jiangxi loans", querystring="province=JX")
    client.force_login(moderator)
    listing = client.get("/admin/saved-searches/").content.decode()
    assert "Jiangxi loans" in listing
    assert f"/admin/saved-searches/edit/{saved.pk}/" not in listing
    inspect = client.get(f"/admin/saved-searches/inspect/{saved.pk}/")
    assert inspect.status_code == 200 and "Province: Jiangxi" in inspect.content.decode()
    assert client.get(f"/admin/saved-searches/edit/{saved.pk}/").status_code == 404
    assert client.post(f"/admin/saved-searches/delete/{saved.pk}/").status_code == 404


# --- The programme page's call to action ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "shown", "hidden"),
    [
        ("approved", ["Express interest"], ["Sign up as a financier"]),
        ("pending", ["waiting for approval"], ["/financiers/interest/"]),
        ("representative", ["not a financier account"], ["/financiers/interest/"]),
        ("anonymous", ["/financiers/login/?next=", "Sign up as a financier"], ["/financiers/interest/"]),
    ],
)
def test_the_programme_page_offers_interest_only_to_approved_financiers(client, programme, who, shown, hidden):
    users = {
        "approved": lambda: FinancierFactory().user,
        "pending": lambda: FinancierFactory(status=Financier.Status.PENDING).user,
        "representative": lambda: RepresentativeFactory().user,
    }
    if who in users:
        client.force_login(users[who]())
    body = client.get(programme.url).content.decode()
    section = body[body.index('class="eod-interest"') : body.index("</section>", body.index('class="eod-interest"'))]
    for text in shown:
        assert text in section
    for text in hidden:
        assert text not in section
    if who == "approved":
        assert f'href="/financiers/interest/{programme.pk}/"' in section
