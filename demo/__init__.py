"""Demo content for the whole site, above every app: `manage.py load_demo` loads it.

No app imports this package; it imports the apps it fills. One loader per area, each beside the
texts it is written from: the site's pages and staff (`site`), member companies (`members`, with
`logos`), events (`events`, with `pictures`), the policy library and briefs (`library`), EOD
programmes (`eod`) and financiers (`financiers`).
"""
