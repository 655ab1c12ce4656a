"""The open data API, version 1, mounted at /api/v1/ (see docs/api.md)."""

from api.site import api

__all__ = ["api"]
