"""Search knows no content model: the apps register what it indexes, and search imports none of them."""

import ast
from pathlib import Path

import pytest
from django.db.models.signals import post_save

import search
from search import registry

SEARCH = Path(search.__file__).parent
ROOT = SEARCH.parent
# Content apps, and the parts of `portal` above its ground floor that hold content models.
FORBIDDEN = ("portal.models", "portal.library", "initiatives", "members", "api", "demo")


def test_the_apps_register_what_the_site_indexes():
    assert {source.label: source.model._meta.label_lower for source in registry.SOURCES} == {
        label: label
        for label in (
            "portal.policybriefpage",
            "portal.policydocument",
            "initiatives.eventpage",
            "portal.standardpage",
            "initiatives.eodprogrammepage",
        )
    }
    # Search's ready() came after the registrations: every source's saves update the index.
    assert all(post_save.has_listeners(source.model) for source in registry.SOURCES)


def imports(path: Path) -> set[str]:
    """Every module a file names in an import, at the top or inside a function (`from a import b` gives a.b)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def forbidden(name: str) -> bool:
    parts = name.split(".")
    if parts[:2] == ["portal", "models"] and len(parts) > 2:
        # The site's own models, from their modules, are ground floor; the package itself re-exports the library's.
        return not (ROOT / "portal" / "models" / f"{parts[2]}.py").exists()
    return any(name == app or name.startswith(app + ".") for app in FORBIDDEN)


@pytest.mark.parametrize("path", sorted(SEARCH.rglob("*.py")), ids=lambda path: str(path.relative_to(SEARCH)))
def test_search_imports_no_content_app(path):
    assert sorted(name for name in imports(path) if forbidden(name)) == []
