"""The open data API, version 1, mounted at /api/v1/ (see the README's "Open data API")."""

from api.site import api

__all__ = ["api"]
