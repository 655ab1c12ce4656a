from .heartbeat import WorkerHeartbeat
from .pages import HomePage, StandardPage
from .site_settings import FooterLink, MenuItem, SiteIdentity
from .topics import Topic

__all__ = ["FooterLink", "HomePage", "MenuItem", "SiteIdentity", "StandardPage", "Topic", "WorkerHeartbeat"]
