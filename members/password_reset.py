"""The member area's password reset form: a reset link for representatives' accounts only.

Apart from the area's other forms so that the task sending the link (`members.tasks`) needs nothing of the
member area.
"""

from django.contrib.auth import get_user_model

from members import notifications
from portal.password_reset import AreaPasswordResetForm, AreaTokenGenerator


class MemberPasswordResetForm(AreaPasswordResetForm):
    """Django's password reset form for representatives' accounts (see `portal.password_reset`)."""

    token_generator = AreaTokenGenerator("member-area")
    subject_template_name = "members/email/password_reset_subject.txt"
    email_template_name = "members/email/password_reset.txt"

    @classmethod
    def area_users(cls):
        return get_user_model().objects.filter(representative__isnull=False)

    def deliver(self, key, message):
        notifications.send_once(key, [message])
