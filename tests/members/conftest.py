import pytest
from django.contrib.auth.models import Group

from tests.members.factories import UserFactory


@pytest.fixture
def moderator(db):
    """Association staff in the Moderators group, who review member submissions."""
    user = UserFactory(is_staff=True, first_name="Mei", last_name="Reviewer")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
