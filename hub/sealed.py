"""Files and folders kept in the cache folder with the digest of their bytes beside them.

What a build reads back from the cache goes into the site, so it is used only if its bytes
are those the build that kept it wrote: a truncated file, a file changed in place, or one put
there by hand (without its seal) is made again. A seal is the file's name plus ``.sha256``.
Only regular files and folders count: a link, a pipe or a device makes the copy unusable.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

SUFFIX = ".sha256"


def seal_of(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def digest(path: Path) -> str | None:
    """The digest of the file or folder at ``path`` (names and bytes), or None if it holds
    anything but regular files and folders, or cannot be read."""
    total = hashlib.sha256()
    try:
        if not _add(path, total, "."):
            return None
    except OSError:
        return None
    return total.hexdigest()


def _add(path: Path, total: hashlib._Hash, name: str) -> bool:
    mode = os.lstat(path).st_mode
    if stat.S_ISREG(mode):
        total.update(f"f {name}\n".encode())
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                total.update(block)
        return True
    if stat.S_ISDIR(mode):
        total.update(f"d {name}\n".encode())
        return all(
            _add(child, total, f"{name}/{child.name}")
            for child in sorted(path.iterdir(), key=lambda p: p.name)
        )
    return False


def seal(path: Path) -> bool:
    """Write the seal of what is now at ``path``; False if it cannot be written."""
    found = digest(path)
    if found is None:
        return False
    try:
        seal_of(path).write_text(found, encoding="ascii")
    except OSError:
        return False
    return True


def intact(path: Path) -> bool:
    """Whether ``path`` holds what its seal says (False without a seal: it is made again)."""
    try:
        expected = seal_of(path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        expected = None
    return expected is not None and digest(path) == expected.strip()
