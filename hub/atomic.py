"""Writing a site all at once: build into a staging folder beside the target, then swap.

MkDocs writes into the live site folder as it goes; a build that fails half-way would leave a
half-written site. Here a failed build leaves the previous site untouched and no staging
folder behind. A build stopped by SIGTERM, SIGHUP or SIGINT (Ctrl-C, a CI job cancelled or
timed out) removes its staging folder on the way out; one stopped by SIGKILL cannot, so each
build first removes what stopped builds left beside the target. A staging folder in use is
told from a left-over one by a lock on the file beside it (``<staging>.lock``), which the
system releases when its build's process ends, however it ends.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

STOPPING = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def write_atomically(target: Path, build: Callable[[Path], None]) -> None:
    """Run ``build(staging)``; on success the staging folder replaces ``target``."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    with _staging(target) as staging, _signals_stop_the_build():
        build(staging)
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is served to everyone
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            target.rename(retired / target.name)
            staging.rename(target)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            staging.rename(target)


def remove_leftovers(target: Path) -> None:
    """Remove the staging and retired folders that stopped builds left beside ``target``;
    those of builds still running are locked, and kept."""
    for entry in target.parent.glob(f".{target.name}.old-*"):
        shutil.rmtree(entry, ignore_errors=True)  # only ever a site on its way out
    for entry in target.parent.glob(f".{target.name}.building-*"):
        if entry.name.endswith(".lock"):
            if not entry.with_suffix("").exists() and _unused(entry):
                entry.unlink(missing_ok=True)
            continue
        lock = entry.with_name(f"{entry.name}.lock")
        if not lock.exists() or _unused(lock):
            shutil.rmtree(entry, ignore_errors=True)
            lock.unlink(missing_ok=True)


def _unused(lock: Path) -> bool:
    """Whether no running build holds ``lock``."""
    try:
        with lock.open("rb") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
    except BlockingIOError:
        return False
    except OSError:  # gone meanwhile, or not ours to read: leave it
        return False


@contextlib.contextmanager
def _staging(target: Path) -> Iterator[Path]:
    """A new staging folder beside ``target``, locked as in use until the build ends."""
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.building-", suffix=".lock", dir=target.parent
    )
    lock = Path(name)
    staging = lock.with_suffix("")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)  # first the lock, then the folder it vouches for
        staging.mkdir(mode=0o700)
        try:
            yield staging
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    finally:
        os.close(handle)
        lock.unlink(missing_ok=True)


class Stopped(BaseException):
    """The build was told to stop by a signal (a cancelled job, Ctrl-C)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.name = signal.Signals(signum).name
        super().__init__(self.name)


@contextlib.contextmanager
def _signals_stop_the_build() -> Iterator[None]:
    """While the build runs, a stopping signal ends it as an error does: its staging folder
    is removed and the previous site is kept. A process forked by the build (hub.parallel)
    ends at once instead: the folder is its parent's to remove."""
    try:
        owner = os.getpid()

        def stop(signum: int, frame: FrameType | None) -> None:
            if os.getpid() != owner:
                os._exit(128 + signum)
            raise Stopped(signum)

        previous = {signum: signal.signal(signum, stop) for signum in STOPPING}
    except ValueError:  # not the main thread: signals cannot be caught here
        yield
        return
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
