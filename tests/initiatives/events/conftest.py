import pytest

from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def event(event_index):
    return EventPageFactory(parent=event_index)
