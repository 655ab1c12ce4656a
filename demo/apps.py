from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed in every setting, production too, so that `manage.py load_demo` is found; it has no models."""

    name = "demo"
