"""Writing a site all at once: build into a staging folder beside the target, then swap.

MkDocs writes into the live site folder as it goes; a build that fails half-way would leave a
half-written site. Here a failed build leaves the previous site untouched and no staging
folder behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(target: Path, build: Callable[[Path], None]) -> None:
    """Run ``build(staging)``; on success the staging folder replaces ``target``."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        build(staging)
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is served to everyone
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            target.rename(retired / target.name)
            staging.rename(target)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
