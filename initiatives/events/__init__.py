"""Events: the events index and event pages, speakers, registration with a waitlist, calendars.

- `models`: the pages, speakers, registrations and their emails;
- `registration`: the rules for seats, the waitlist and cancelling; `cancel_links`: signed cancellation links;
- `listing` (upcoming, past, month calendar, filters), `ical` (files and feeds), `jsonld`, `times`;
- `forms`, `views`, `urls`, `emails`, `tasks`, `signal_handlers` (what publishing sets in motion);
- `cache_tags`: what a registration retires from the page cache;
- `admin_views` and `wagtail_hooks`: the "Events" admin menu, check-in lists, cancelling for staff.
"""
