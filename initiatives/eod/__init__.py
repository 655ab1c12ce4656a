"""EOD programmes: the catalogue page and programme pages, public in outline, restricted in detail.

- `models` and `choices`: the pages, their components, documents and images, the vocabularies;
- `catalogue`: the catalogue's search, facets and size bands (`bands`), and its public services
  (the catalogue page, a search in words, the programmes a search matches) that financiers build on;
- `views` and `exports`: the catalogue's list, table and downloads;
- `access`: who may see the restricted side; `forms`: the programme editor; `signal_handlers`.

Nothing here imports `initiatives.financiers`: the financier area builds on the catalogue, not the reverse.
"""
