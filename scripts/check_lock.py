"""Check that the virtualenv holds exactly what requirements.lock pins, and that the locks meet pyproject.toml.

Run by `make install` after installing from the lock, and by CI: a package added or upgraded by
hand, or a lock left behind by a change to pyproject.toml, fails here rather than in a run that
quietly used other versions than the lock's. requirements-production.lock, the runtime part of
the lock, must pin the same versions.

With --prune (as `make install` runs it) packages the lock does not pin are uninstalled first,
as after an upgrade that drops a dependency: pip installs from a lock but removes nothing.
"""

import argparse
import importlib.metadata
import subprocess
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PROJECT = "carbon-portal"
EXTRAS = ("dev",)  # the extras requirements.lock is resolved with (see `make lock`)
ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PRODUCTION_LOCK = ROOT / "requirements-production.lock"


def locked(path: Path) -> dict[str, str]:
    """Name to version of each pin in a lock that applies here; hashes and annotations skipped."""
    pins = {}
    for line in path.read_text().splitlines():
        if not line or line[0] in "# -":
            continue
        requirement = Requirement(line.removesuffix("\\").strip())
        if requirement.marker is None or requirement.marker.evaluate():
            (pin,) = requirement.specifier
            pins[canonicalize_name(requirement.name)] = pin.version
    return pins


def installed() -> dict[str, str]:
    """Name to version of each distribution in this environment, the project itself left out."""
    found = {canonicalize_name(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()}
    found.pop(PROJECT, None)
    return found


def drift(pins: dict[str, str], present: dict[str, str]) -> list[str]:
    """Every difference between the lock and the environment."""
    found = [f"{name}=={pins[name]} is locked but not installed" for name in sorted(pins.keys() - present.keys())]
    found += [
        f"{name}=={present[name]} is installed but not in the lock" for name in sorted(present.keys() - pins.keys())
    ]
    found += [
        f"{name} is {present[name]} where the lock says {pins[name]}"
        for name in sorted(pins.keys() & present.keys())
        if pins[name] != present[name]
    ]
    return found


def unmet(present: dict[str, str], extras: tuple[str, ...], where: str) -> list[str]:
    """The project's requirements, runtime and `extras`, that the versions in `present` do not meet."""
    try:
        declared = importlib.metadata.requires(PROJECT) or []
    except importlib.metadata.PackageNotFoundError:
        return [f"{PROJECT} itself is not installed"]
    found = []
    for text in declared:
        requirement = Requirement(text)
        if requirement.marker is not None and not any(
            requirement.marker.evaluate({"extra": extra}) for extra in ("", *extras)
        ):
            continue
        version = present.get(canonicalize_name(requirement.name))
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            found.append(f"pyproject.toml asks for {requirement}, {where} has {version or 'nothing'}")
    return found


def production_drift(pins: dict[str, str], production: dict[str, str]) -> list[str]:
    """Pins of the production lock that differ from the full lock's."""
    return [
        f"{PRODUCTION_LOCK.name} pins {name}=={version} where {LOCK.name} has {pins.get(name, 'nothing')}"
        for name, version in sorted(production.items())
        if pins.get(name) != version
    ]


def prune(pins: dict[str, str]) -> None:
    """Uninstall what the lock does not pin."""
    unlocked = sorted(installed().keys() - pins.keys())
    if unlocked:
        print("Not in the lock, so uninstalled:", *unlocked)
        subprocess.run([sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", *unlocked], check=True)  # noqa: S603


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prune", action="store_true", help="first uninstall packages the lock does not pin")
    pins = locked(LOCK)
    if parser.parse_args().prune:
        prune(pins)
    present, production = installed(), locked(PRODUCTION_LOCK)
    found = (
        drift(pins, present)
        + unmet(present, EXTRAS, "the virtualenv")
        + production_drift(pins, production)
        + unmet(production, (), PRODUCTION_LOCK.name)
    )
    if found:
        print("The dependencies are not as locked:", *found, sep="\n  ", file=sys.stderr)
        print(
            "After a change to pyproject.toml run `make lock`; for packages installed or upgraded by hand,"
            " `make clean install`.",
            file=sys.stderr,
        )
        return 1
    print(f"{len(pins)} packages installed, exactly as {LOCK.name} pins them.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
