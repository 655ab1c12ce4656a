"""Financiers: accounts staff approve, saved catalogue searches with email alerts, expressions of interest.

- `models`: financier accounts, saved searches, alert digests, expressions of interest, sent emails;
- `accounts`: signing up, and staff approving, rejecting or suspending; approval
  puts the user in the "Financiers" group (`initiatives.eod.access`);
- `alerts`: saved searches, what each one reports, the digest emails and
  their signed unsubscribe links (searches run through `initiatives.eod.catalogue`);
- `interest`: a financier's expression of interest in a programme;
- `emails`: every email of the above, each sent once under a unique key; `tasks`: their Celery tasks;
- `forms`, `password_reset`, `views`, `urls`: the financier area;
- `admin_views`, `admin_urls`, `wagtail_hooks`: the staff admin's "Financiers" menu.
"""
