"""The feeds and the snippets API of the last full build, kept in the cache folder under the
digest of what they show, so that a build of an unchanged hub links them into the site
instead of writing them again (0.7 s of a 1,000-story build, 3 s at 10,000 stories).

The digest is the one a preview already uses to decide whether to make them again
(hub.incremental: the items they carry, the bodies feeds include, the settings and the site's
address), with Brandhub's code and the libraries that write them (code_digest), and, for a
feed, the size of each image it encloses. Files are linked, as the social cards and the search
shards are: nothing changes a file once written, and one is used only while its bytes are
those its seal says (hub.sealed): a truncated or planted file is made again. A successful
build removes what it did not use, so the folder holds one build's files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Set
from pathlib import Path

from hub.sealed import SUFFIX, intact, seal
from hub.verdicts import code_digest

LIBRARIES = ("feedgen", "lxml")  # feeds are written with them; the API with json


class MadeFiles:
    """Generated files by the digest of what they show, in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def name(self, path: str, digest: str) -> str:
        """The cache's name for the file at site path ``path`` that shows ``digest``."""
        key = hashlib.sha256(f"{code_digest(*LIBRARIES)}|{path}|{digest}".encode()).hexdigest()
        return key[:32] + Path(path).suffix

    def take(self, name: str, target: Path) -> bool:
        """Put the kept file ``name`` at ``target``; False if there is none."""
        kept = self.folder / name
        if not kept.is_file() or not intact(kept) or not _link(kept, target):
            return False
        self.used.update((name, name + SUFFIX))
        return True

    def keep(self, name: str, made: Path) -> None:
        """Keep the file just ``made`` as ``name`` for the next build (if the folder can be
        written: otherwise the next build makes it again)."""
        partial = self.folder / f".{name}.{os.getpid()}.part"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if _link(made, partial):
                os.replace(partial, self.folder / name)
                if seal(self.folder / name):
                    self.used.update((name, name + SUFFIX))
        except OSError:  # the folder cannot be made (a file has its name), or written
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove the files this build did not use (after it succeeded)."""
        prune(self.folder, self.used)


def prune(folder: Path, used: Set[str]) -> None:
    """Remove the files in ``folder`` not named in ``used`` (kept files a successful build did
    not use: feeds, social cards), but those being written (named ``.…part``)."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name not in used and not path.name.startswith("."):
            path.unlink(missing_ok=True)


def _link(source: Path, target: Path) -> bool:
    """A hard link where the file system allows one, else a copy."""
    try:
        os.link(source, target)
    except OSError:
        try:
            shutil.copyfile(source, target)
        except OSError:
            return False
    return True
