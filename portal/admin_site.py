"""Django's own admin (/django-admin/), for superusers only.

Staff work in the Wagtail admin, where collection permissions, privacy and the
audit log apply. Editors and moderators are `is_staff`, which alone would let
them into Django's admin too, a second door to the same documents and images
(restricted EOD files and members' evidence among them) around those rules.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class SuperuserAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.SuperuserAdminSite"
