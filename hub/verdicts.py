"""The content check's verdicts, kept between builds: a file that did not change is not
checked again.

Checking a file reads the file, the settings and the site's address, and of everything else
only whether some files exist (its image, the pages a campaign's steps link to) and whether
some people are in authors.yml. The check asks those questions through :class:`Asked`, which
notes each answer. A file that passed is kept with its item and those answers, and passes
again without being parsed or checked while its bytes, its path, the settings (but those that
only say how to build), the site's address, Brandhub's code and libraries, and every one of
those answers are the same. A file with a problem is
never kept, so a problem is always found afresh, and so is anything that spans files (two
files for one address, links to unpublished pages).

The verdicts are JSON in the cache folder (``cache_dir``), beside the social cards and the
search shards, read back by the records' declared types (hub.records): never a pickle, which
would run whatever a planted file says. A missing, unreadable, malformed or outdated file only
means a full check; an item JSON cannot carry exactly (an odd front-matter value) is not kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass, replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from hub.channels import remember_x_counts
from hub.frontmatter import Document
from hub.model import Item
from hub.records import from_json, to_json
from hub.settings import Settings

FILE = "verdicts.json"
# What earlier versions kept in the cache folder, removed on sight: a pickle of verdicts (which
# ran code when read) and Jinja's compiled templates (which it imported).
OBSOLETE = ("check/verdicts.pickle", "templates")
# Libraries whose behaviour decides an item or a verdict: YAML's reading of front matter,
# Markdown's of summaries, X's and Bluesky's counts of a post's length.
LIBRARIES = ("PyYAML", "Markdown", "twitter-text-parser", "regex", "babel")


@dataclass(frozen=True)
class Answers:
    """What a file's check asked beyond the file: which files exist, which people are in
    authors.yml; and the X counts of its posts (hub.channels), which are given back to the
    next build, changed file or not (a count depends on the post's text alone), so that
    neither its check nor its pages count an unchanged post again."""

    files: dict[str, bool]
    authors: dict[str, bool]
    x_counts: dict[str, int]


# A file that passed: its digest, its shown path, what its check asked, its item.
Verdict = tuple[bytes, str, Answers, Item]


class Asked(Set[str]):
    """A set of names (files, people) that notes the answer to every ``name in it``."""

    def __init__(self, names: Set[str] | Mapping[str, Any]) -> None:  # a set, or a dict's keys
        self.names = names
        self.answers: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        found = name in self.names
        if isinstance(name, str):
            self.answers[name] = found
        return found

    def __iter__(self) -> Iterator[str]:  # suggestions for a name that is missing
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


class Verdicts:
    """The files that passed the last check, read from ``folder`` and written back there."""

    def __init__(self, folder: Path, settings: Settings, site_url: str) -> None:
        self.file = folder / FILE
        for name in OBSOLETE:
            old = folder.parent / name
            with contextlib.suppress(OSError):
                shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink()
        # Everything a verdict depends on besides the file and the answers.
        context = f"{code_digest(*LIBRARIES)}|{shown_settings(settings)!r}|{site_url}"
        self.context = hashlib.sha256(context.encode()).hexdigest()
        self.old: dict[str, Verdict] = {}
        self.new: dict[str, Verdict] = {}
        self.read: dict[str, Any] = {}  # the old verdicts as JSON: written back as they came
        try:
            stored = json.loads(self.file.read_bytes())
            if isinstance(stored, dict) and stored.get("context") == self.context:
                self.read = stored["verdicts"]
                self.old = {rel: _verdict(kept) for rel, kept in self.read.items()}
        except Exception:  # a broken or planted cache is an empty one, never an error
            self.old, self.read = {}, {}

    def known(self, doc: Document, files: Set[str], authors: Mapping[str, Any]) -> Item | None:
        """The item of ``doc`` if it passed last time and nothing it depends on changed."""
        kept = self.old.get(doc.rel)
        if kept is None:
            return None
        digest, path, answers, item = kept
        # A count depends on the post's text alone: an edited file whose posts are unchanged
        # need not load X's rules (a fifth of a second) to count them again.
        remember_x_counts(answers.x_counts.items())
        if not doc.digest:
            return None
        if digest != doc.digest or path != doc.path:
            return None
        if any((name in files) != found for name, found in answers.files.items()):
            return None
        if any((name in authors) != found for name, found in answers.authors.items()):
            return None
        self.new[doc.rel] = kept
        return item

    def unchanged(self) -> dict[str, tuple[bytes, str]]:
        """By content path, the digest and shown path of each file that passed last time:
        the scan need not parse such a file if its bytes are the same (hub.load.scan)."""
        return {rel: (digest, path) for rel, (digest, path, _, _) in self.old.items()}

    def keep(self, doc: Document, item: Item, answers: Answers) -> None:
        """Remember that ``doc`` passed, with the answers its check was given."""
        if not doc.digest:
            return
        try:  # keep only what comes back from JSON as it is: the next build uses it as such
            if repr(_verdict(_stored((doc.digest, doc.path, answers, item)))[3]) != repr(item):
                return
        except ValueError:
            return
        self.new[doc.rel] = (doc.digest, doc.path, answers, item)

    def save(self) -> None:
        """Write the verdicts of this check (files gone since are dropped); if the cache
        folder cannot be written, the next check is a full one."""
        if self.new.keys() == self.old.keys() and all(
            self.new[rel] is self.old[rel] for rel in self.new
        ):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            # An edited story changes one verdict: the others are written back as they were
            # read, not made into JSON again (a second at 5,000 stories).
            verdicts = {
                rel: self.read[rel] if self.old.get(rel) is kept else _stored(kept)
                for rel, kept in self.new.items()
            }
            text = json.dumps(
                {"context": self.context, "verdicts": verdicts},
                ensure_ascii=False,
                separators=(",", ":"),
            )
            handle, name = tempfile.mkstemp(prefix=".verdicts-", dir=self.file.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                os.replace(name, self.file)
            except BaseException:
                Path(name).unlink(missing_ok=True)
                raise
        except (OSError, ValueError):
            return


def _stored(kept: Verdict) -> dict[str, Any]:
    digest, path, answers, item = kept
    return {
        "digest": digest.hex(),
        "path": path,
        "answers": to_json(answers),
        "item": to_json(item),
    }


def _verdict(data: Any) -> Verdict:
    """A verdict read back from JSON; ValueError (or KeyError, TypeError) if it is not one."""
    return (
        bytes.fromhex(data["digest"]),
        from_json(str, data["path"]),
        from_json(Answers, data["answers"]),
        from_json(Item, data["item"]),
    )


def shown_settings(settings: Settings) -> Settings:
    """The settings but those that only say how to build (one process or two, where the cache
    is, how large search shards are): what is kept between builds is not made again, nor
    checked again, when only those change."""
    return replace(settings, parallel_build=True, cache_dir="", search_shard_pages=1)


@cache
def code_digest(*libraries: str) -> str:
    """Brandhub's own code, Python's version and the versions of ``libraries``: what is kept
    between builds (verdicts, made files) is not used by another version."""
    digest = hashlib.sha256(_own_code().encode())
    for name in libraries:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()


@cache
def _own_code() -> str:
    """Python's version and Brandhub's files, read once however many caches ask."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".yml", ".yaml", ".po"):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
