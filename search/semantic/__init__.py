"""Semantic, cross-lingual retrieval: multilingual sentence embeddings of records and queries.

- `encoder`: the `Encoder` interface, the bundled models behind it, and `get_encoder()` /
  `encoder_status()` (the model loads once per process; when it is off or cannot load, search
  stays lexical and the status says why).
- `chunks`: a record cut into the passages that are embedded (the head, then body and PDF pages,
  each keeping its page number).
- `vectors`: vectors kept in the database by content hash (`vectors_for`, `ensure_vectors`) and the
  query's vector (`query_vector`).
- `service`: records to vectors, shared by the `search.embed_records` task and `search_embed`.
"""
