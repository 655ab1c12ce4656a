"""Password reset for the member and financier areas, on Django's own reset views and form.

Each area subclasses the form for its accounts and mounts these views through
`portal.accounts`, which gives them its pages' texts; staff keep Wagtail's reset
in the admin. The rules:

- The request page gives every well-formed address the same answer, a redirect
  to the "check your email" page. The rate limits (per client address, per
  email) are counted in the cache for every request, and the accounts are looked
  up in a Celery task, not in the request: the page, its status and its timing
  say nothing about whether an account exists. Over a limit, nothing is queued
  and the answer is the same.
- An area mails links only to its own accounts (representatives, financiers),
  never to staff: a staff account resets through the admin, whose link leads to
  /admin/ and whose policy (WAGTAIL_PASSWORD_RESET_ENABLED, one day SSO) must not
  be sidestepped from a public page. The admin's form in turn mails staff only,
  so a representative's or financier's link never leads to /admin/.
- Each area's tokens carry their own salt: a link works only on the confirm page
  of the area that sent it.
- A new password ends a django-axes lockout of that username (the guesses it
  counted were against the old password) and leads to the area's sign-in page.
"""

import hashlib
import uuid
from urllib.parse import urlsplit

from axes.utils import reset as reset_axes_attempts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import EmailMessage
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from portal.ratelimit import client_ip, hit


def is_staff_account(user) -> bool:
    """Accounts that reset their password in the Wagtail admin: staff, superusers, anyone with admin access."""
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


class StaffPasswordResetForm(WagtailPasswordResetForm):
    """The admin's reset form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM), for staff accounts only."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if is_staff_account(user))


class AreaTokenGenerator(PasswordResetTokenGenerator):
    """Django's reset tokens under a salt of the area's own, so no other reset page accepts them."""

    def __init__(self, area: str):
        super().__init__()
        self.key_salt = f"portal.password_reset.{area}"


class AreaPasswordResetForm(PasswordResetForm):
    """Django's reset form for one area's accounts, sending through the area's once-only mail log.

    Subclasses give `token_generator`, the two email templates, `area_users()`
    and `deliver()`; the area's Celery task calls `send_for()`.
    """

    token_generator: PasswordResetTokenGenerator
    subject_template_name: str
    email_template_name: str

    @classmethod
    def area_users(cls):
        """The user queryset of the area's accounts."""
        raise NotImplementedError

    @classmethod
    def accepts(cls, user) -> bool:
        return user.is_active and not is_staff_account(user) and cls.area_users().filter(pk=user.pk).exists()

    def deliver(self, key: str, message: EmailMessage) -> None:
        """Send `message` once under `key` (the area's `send_once`)."""
        raise NotImplementedError

    def get_users(self, email):
        # Django's rules first (active, usable password, the same address), then the area's.
        area = set(self.area_users().filter(email__iexact=email).values_list("pk", flat=True))
        return (user for user in super().get_users(email) if user.pk in area and not is_staff_account(user))

    @classmethod
    def send_for(cls, email: str, *, language: str, key: str) -> None:
        """Mail a link to each of the area's accounts with this address, in `language`; `key` makes a rerun send nothing."""
        form = cls({"email": email})
        if not form.is_valid():
            return
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        with translation.override(language):
            form.save(
                domain_override=urlsplit(base_url).netloc,
                use_https=base_url.startswith("https:"),
                token_generator=cls.token_generator,
                subject_template_name=cls.subject_template_name,
                email_template_name=cls.email_template_name,
                extra_email_context={
                    "base_url": base_url,
                    "key": key,
                    "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
                },
            )

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        # Django's own send_mail logs a failure and carries on; here it raises, so the task retries.
        subject = " ".join(render_to_string(subject_template_name, context).split())
        body = render_to_string(email_template_name, context).strip() + "\n"
        message = EmailMessage(subject, body, from_email, [to_email])
        self.deliver(f"password-reset-{context['key']}-{context['user'].pk}", message)


def email_digest(email: str) -> str:
    """What the per-email limit counts under: no address in the cache, one key however it is typed."""
    return hashlib.sha256(email.strip().casefold().encode()).hexdigest()


def within_limits(request, email: str) -> bool:
    """Count this request against the client address's and the email's limits; False once either is over."""
    address_limit, address_window = settings.PASSWORD_RESET_ADDRESS_RATE
    email_limit, email_window = settings.PASSWORD_RESET_EMAIL_RATE
    return hit("password-reset", client_ip(request), limit=address_limit, window=address_window) and hit(
        "password-reset-email", email_digest(email), limit=email_limit, window=email_window
    )


class AreaPage:
    """Puts the area (`portal.accounts.AreaAccounts`) in the page's context: the pages are shared, it says whose."""

    area = None

    def get_context_data(self, **kwargs):
        return super().get_context_data(area=self.area, **kwargs)


@method_decorator(never_cache, name="dispatch")
class AreaPasswordResetView(AreaPage, auth_views.PasswordResetView):
    """Asks for an address and answers "check your email" whatever follows.

    Given `area`, `form_class`, `success_url` and `send_task`, the area's Celery
    task taking (email, language, key).
    """

    template_name = "portal/accounts/password_reset.html"
    send_task = None

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if within_limits(self.request, email):
            language = get_language() or settings.LANGUAGE_CODE
            self.send_task.delay_on_commit(email, language, uuid.uuid4().hex)
        return HttpResponseRedirect(self.get_success_url())


@method_decorator(never_cache, name="dispatch")
class AreaPasswordResetDoneView(AreaPage, auth_views.PasswordResetDoneView):
    """The "check your email" page, given `area`."""

    template_name = "portal/accounts/password_reset_sent.html"


class AreaPasswordResetConfirmView(AreaPage, auth_views.PasswordResetConfirmView):
    """Django's confirm view (never cached, token moved out of the address) for one area's accounts and tokens.

    Given `area`, `reset_form` (the area's AreaPasswordResetForm) and `success_url`,
    the area's sign-in page.
    """

    template_name = "portal/accounts/password_reset_confirm.html"
    reset_form: type[AreaPasswordResetForm] | None = None
    done_message = _("Your new password is set. Sign in with it now.")

    @property
    def token_generator(self):
        return self.reset_form.token_generator

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and self.reset_form.accepts(user) else None

    def form_valid(self, form):
        response = super().form_valid(form)
        reset_axes_attempts(username=self.user.get_username())
        messages.success(self.request, self.done_message)
        return response
