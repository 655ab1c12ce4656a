"""The floors of `portal` (its docstring names them): the ground floor imports no app, none of the shell,
not the library, and not `portal.models` as a whole (which re-exports the library), even inside a function.

Every module of `portal` is ground floor unless it is named here as above it, so a new module is held to
the rule until someone decides otherwise. The import-linter contract of the same rule (`make lint`) follows
every chain of imports, not only a module's own; it must name the same floors, which is checked here too.
"""

import ast
import tomllib
from pathlib import Path

import pytest

import portal

ROOT = Path(portal.__file__).parent.parent
APPS = ("members", "initiatives", "search", "demo", "api")
# The shell assembles the project and may import anything: these modules, and everything in these packages.
# `portal.celery` is the Celery app, but what the ground floor takes from it (`idempotent_task`) imports no
# app, so it is not listed. `portal.models` re-exports the library; its site modules are ground floor.
SHELL_MODULES = ("portal", "portal.models")
SHELL_PACKAGES = (
    "portal.admin_site",
    "portal.apps",
    "portal.health",
    "portal.management",
    "portal.migrations",
    "portal.search_records",
    "portal.settings",
    "portal.urls",
    "portal.views",
    "portal.wagtail_hooks",
    "portal.wsgi",
)
LIBRARY = "portal.library"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def within(name: str, packages) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


def imported(path: Path) -> set[str]:
    """Every module the file imports, at the top or inside a function; `from a import b` is `a.b` if b is a module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if is_module(candidate) else base)
    return found


def above_the_ground_floor(name: str) -> bool:
    return name in SHELL_MODULES or within(name, (*SHELL_PACKAGES, LIBRARY))


def forbidden(name: str) -> bool:
    return name.split(".")[0] in APPS or above_the_ground_floor(name)


GROUND_FLOOR = sorted(path for path in (ROOT / "portal").rglob("*.py") if not above_the_ground_floor(module_name(path)))


def test_the_ground_floor_is_found():
    names = {module_name(path) for path in GROUND_FLOOR}

    assert {"portal.cache", "portal.mail", "portal.uploads", "portal.models.pages"} <= names
    assert names.isdisjoint({"portal.urls", "portal.models", "portal.library.extraction", "portal.settings.base"})


@pytest.mark.parametrize("path", GROUND_FLOOR, ids=module_name)
def test_the_ground_floor_imports_no_app_nor_anything_above_it(path):
    assert sorted(name for name in imported(path) if forbidden(name)) == []


def test_the_import_contract_names_the_same_floors():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    (contract,) = (contract for contract in contracts if contract["id"] == "ground-floor")
    names = {module_name(path) for path in GROUND_FLOOR}
    # The contract takes each of its modules as a package: a package names its submodules too.
    outermost = {name for name in names if name.rpartition(".")[0] not in names}

    assert sorted(contract["source_modules"]) == sorted(outermost)
    assert sorted(contract["forbidden_modules"]) == sorted((*APPS, LIBRARY, *SHELL_PACKAGES))
