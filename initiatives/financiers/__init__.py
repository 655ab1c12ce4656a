"""Financiers: accounts staff approve, saved catalogue searches with email alerts, expressions of interest.

- `accounts`: signing up, and staff approving, rejecting or suspending; approval
  puts the user in the "Financiers" group (`initiatives.access`).
- `alerts`: saved searches, what each one reports, the digest emails and
  their signed unsubscribe links.
- `interest`: a financier's expression of interest in a programme.
- `emails`: every email of the above, each sent once under a unique key.
- `forms`, `views`, `admin_views`: the financier area and the staff admin.
"""
