"""A build stopped by a signal keeps the previous site and leaves nothing beside it (#24)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DEMO_NOW, demo_config
from tests.test_reproducible import tree_hash


def _build(config: Path, site: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hub",
            "build",
            "-f",
            str(config),
            "-d",
            str(site),
            "--now",
            DEMO_NOW,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=config.parent,
    )


def _beside(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


def _stop_while_writing(build: subprocess.Popen[str], site: Path, signum: int) -> str:
    """Send ``signum`` once the build is writing pages into its staging folder."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and build.poll() is None:
        staging = [p for p in site.parent.glob(f".{site.name}.building-*") if p.is_dir()]
        if staging and (staging[0] / "en" / "stories").is_dir():  # the demo's first language
            build.send_signal(signum)
            break
        time.sleep(0.005)
    output, _ = build.communicate(timeout=120)
    return output


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, Path, str]:
    config = demo_config(tmp_path / "hub")
    site = tmp_path / "out" / "site"
    first = _build(config, site)
    output, _ = first.communicate(timeout=300)
    assert first.returncode == 0, output
    # Without the cache, the next build writes every page again: time to stop it mid-way.
    return config, site, tree_hash(site)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stopped_build_keeps_the_site_and_removes_its_staging_folder(
    demo: tuple[Path, Path, str], signum: int
) -> None:
    config, site, before = demo
    (config.parent / ".cache").rename(config.parent / ".cache-kept")
    build = _build(config, site)
    output = _stop_while_writing(build, site, signum)
    assert build.returncode == 128 + signum, output
    assert f"Stopped by {signal.Signals(signum).name}: the previous site is kept." in output
    assert "Traceback" not in output
    assert tree_hash(site) == before
    assert _beside(site) == []


def test_what_a_killed_build_left_is_removed_by_the_next(demo: tuple[Path, Path, str]) -> None:
    config, site, before = demo
    (config.parent / ".cache").rename(config.parent / ".cache-kept")
    build = _build(config, site)
    _stop_while_writing(build, site, signal.SIGKILL)
    assert build.returncode == -signal.SIGKILL
    assert tree_hash(site) == before
    left = _beside(site)
    assert any(name.startswith(f".{site.name}.building-") for name in left)  # SIGKILL: no say
    again = _build(config, site)
    output, _ = again.communicate(timeout=300)
    assert again.returncode == 0, output
    assert _beside(site) == []


def test_a_running_build_s_staging_folder_is_not_taken_for_a_left_over(tmp_path: Path) -> None:
    from hub.atomic import remove_leftovers, write_atomically

    target = tmp_path / "site"
    seen: list[list[str]] = []

    def build(staging: Path) -> None:
        (staging / "index.html").write_text("new", encoding="utf-8")
        remove_leftovers(target)  # as a second build starting now would
        seen.append(_beside(target))
        assert (staging / "index.html").is_file()

    write_atomically(target, build)
    assert len(seen[0]) == 2  # the staging folder and its lock, both kept
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert _beside(target) == []
    assert os.listdir(tmp_path) == ["site"]
