"""The public pledge tracker (`/pledges/`): every member's approved pledges and progress,
filtered, charted and downloadable.

`queries` (which companies and pledges a set of filters shows, in what order, the headline
figures and a company's page; the API reads the same), `trajectory` (the on-track assessment),
`charts` (its SVG chart), `exports` (CSV, Excel, JSON), `pathways` (alignment with benchmark
pathways, disclosure, peers, snapshots, methodology), `views`, `urls` (the `tracker` URL
names) and `sitemaps`. The templates are in `templates/members/tracker/`.
"""
