"""The knowledge side of the site: the policy-document library and the policy briefs, as one feature.

- `models`: library entries (`PolicyDocument`, their `ExtractedPage` text), the
  public library page, and the briefs' pages; `portal.models` re-exports them
  for the `portal` app label.
- `extraction`: a document's text, page by page; `tasks` runs it on a worker,
  `signal_handlers` queues it when a document or its file is saved.
- `importer`: bulk import from a folder or a CSV manifest (`manage.py
  import_documents`).
- `feeds`: the briefs' RSS and Atom feeds.
- `search_records`: briefs and documents in site search (records, facet
  labels, export columns), registered with the search app.
- `wagtail_hooks`: the library's admin (imported by `portal.wagtail_hooks`).

Templates stay under `templates/portal/` (`library/`, `briefs/`, and the brief
pages' own). The library builds on the ground floor (`portal.filetypes`,
`portal.text`, `portal.i18n`...) and the site's models (`Topic`, `SiteIdentity`);
no app imports it except through `portal.models`, the API and the demo.
"""
