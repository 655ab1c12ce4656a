from .heartbeat import WorkerHeartbeat
from .pages import HomePage, StandardPage
from .site_settings import FooterLink, MenuItem, SiteIdentity

__all__ = ["FooterLink", "HomePage", "MenuItem", "SiteIdentity", "StandardPage", "WorkerHeartbeat"]
