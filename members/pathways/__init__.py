"""Pledges judged against benchmark pathways: the alignment rule, disclosure status,
peers, snapshots of a company page as it stood on a date, and the methodology page."""
