"""Pledges judged against benchmark pathways, for the tracker: the alignment rule and disclosure
status (`alignment`), the assessments recorded on approval (`assessments`), a company's public
data as it stood on a date (`snapshots`), what the pages and downloads show of them
(`views_data`) and the methodology and sector pages (`views`).

Inside the tracker because it builds on `trajectory` and the tracker's pages build on it. The
provenance rules of report figures live with the models (`members.models.provenance`), the
member area's provenance fields in `members.area.provenance`.
"""
