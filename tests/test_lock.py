"""Installs that never drift: what `make` installs is exactly the lock in requirements/."""

from __future__ import annotations

import re
import sysconfig
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)
# The virtual environment's own installer, which comes with Python rather than from the lock.
NOT_LOCKED = {"pip", "brandhub"}


def _pins(name: str) -> dict[str, str]:
    text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
    return {canonicalize_name(n): v for n, v in PIN.findall(text)}


def test_every_pin_carries_hashes() -> None:
    for name in ("runtime.txt", "dev.txt"):
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n\n", 1)[1])
        for entry in entries:
            if "==" in entry:
                assert "--hash=sha256:" in entry, f"{name}: {entry.splitlines()[0]} has no hash"


def test_the_lock_pins_every_dependency_of_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime, dev = _pins("runtime.txt"), _pins("dev.txt")
    wanted = [Requirement(r) for r in project["project"]["dependencies"]]
    wanted_dev = [Requirement(r) for r in project["project"]["optional-dependencies"]["dev"]]
    build = [Requirement(r) for r in project["build-system"]["requires"]]
    for requirement in [*wanted, *build]:
        name = canonicalize_name(requirement.name)
        assert name in runtime, f"{name} is not in requirements/runtime.txt: run make lock"
        assert requirement.specifier.contains(runtime[name]), f"{name}=={runtime[name]}"
    for requirement in [*wanted, *wanted_dev, *build]:
        name = canonicalize_name(requirement.name)
        assert name in dev, f"{name} is not in requirements/dev.txt: run make lock"
    assert {n: v for n, v in dev.items() if n in runtime} == runtime


def test_the_installed_packages_are_the_lock() -> None:
    import pkg_resources  # noqa: F401  (as a build does, through twitter-text-parser)

    # Those installed in the environment: setuptools puts the packages it vendors on the path.
    site = Path(sysconfig.get_paths()["purelib"])
    installed = {
        canonicalize_name(d.metadata["Name"]): d.version
        for d in metadata.distributions()
        if Path(str(d.locate_file(""))) == site
        and canonicalize_name(d.metadata["Name"]) not in NOT_LOCKED
    }
    assert installed == _pins("dev.txt")
