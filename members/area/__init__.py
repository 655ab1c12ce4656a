"""The member area (`/members/`): representatives sign in and keep their company's pledges and
progress reports up to date; nothing they change is public before staff approve it.

`views` (the pages), `forms` (sign-in, password reset, the pledge and report forms, which the
API's drafts are validated with too), `urls` (the `member_area` URL names). The review rules the
pages call live in `members.review`; the templates in `templates/members/area/`.
"""
