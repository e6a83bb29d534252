"""Walking the content folder: every Markdown file read, every other file noted as an asset."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hub.frontmatter import Document, YamlProblem, digest_of, parse_yaml, read_document
from hub.i18n import _
from hub.parallel import split_map
from hub.problems import Problem

AUTHORS_FILE = "authors.yml"


@dataclass
class Scan:
    """The raw content folder, before validation."""

    root: Path
    documents: list[Document] = field(default_factory=list)
    assets: set[str] = field(default_factory=set)  # non-Markdown files, POSIX paths
    authors: Any = None  # the parsed authors.yml, if any
    authors_path: str = ""
    problems: list[Problem] = field(default_factory=list)


def display_path(path: Path) -> str:
    """A path as an editor sees it in the repository: relative to where the command runs."""
    # Not resolve(): a symbolic link must be named by its own path, not by its target's.
    relative = os.path.relpath(os.path.abspath(path), os.getcwd())
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


def scan(
    root: Path, *, split: bool = False, unchanged: Mapping[str, tuple[bytes, str]] | None = None
) -> Scan:
    """Read the content folder at ``root``; problems are collected, never raised. ``split``:
    a second process reads half of the Markdown files (hub.parallel.split_map).
    ``unchanged``: by content path, the digest and shown path of files that passed the last
    check (hub.verdicts); such a file whose bytes are the same is not parsed."""
    result = Scan(root=root)
    markdown: list[tuple[Path, str, str]] = []  # file, content path, shown path
    if not root.is_dir():
        result.problems.append(
            Problem(
                display_path(root),
                None,
                None,
                _("the content folder does not exist"),
                _("pass --content DIR or set docs_dir in mkdocs.yml"),
            )
        )
        return result
    real_root = root.resolve()
    for folder, dirnames, filenames in os.walk(root):
        here = Path(folder)
        # Hidden files and folders are not content, as in MkDocs (.git, .DS_Store, …).
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in list(dirnames):
            if (here / name).is_symlink():
                dirnames.remove(name)
                if _check_link(here / name, real_root, result):
                    result.problems.append(
                        Problem(
                            display_path(here / name),
                            None,
                            None,
                            _("is a link to a folder, which Brandhub does not follow"),
                            _("move the folder here instead of linking to it"),
                        )
                    )
        # Paths by joining strings: pathlib's own per file is a tenth of a second at 10,000.
        inside = here.relative_to(root).as_posix()
        shown_here = display_path(here)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            if path.is_symlink() and not _check_link(path, real_root, result):
                continue
            rel = name if inside == "." else f"{inside}/{name}"
            if name.endswith(".md"):
                markdown.append((path, rel, name if shown_here == "." else f"{shown_here}/{name}"))
            elif rel == AUTHORS_FILE:
                _read_authors(path, result)
            else:
                result.assets.add(rel)
    documents: dict[str, Document] = {}
    pending: list[tuple[bytes, str, str, bytes | None]] = []  # bytes, shown, content, digest
    for path, rel, shown in markdown:
        raw = path.read_bytes()
        digest = digest_of(raw) if unchanged is not None else None
        if unchanged is not None and unchanged.get(rel) == (digest, shown):
            documents[rel] = Document(path=shown, rel=rel, digest=digest or b"", parsed=False)
        else:
            pending.append((raw, shown, rel, digest))
    for document, problems in split_map(_read_markdown, pending, split=split):
        documents[document.rel] = document
        result.problems.extend(problems)
    result.documents = [documents[rel] for _, rel, _ in markdown]
    return result


def parse_again(root: Path, doc: Document) -> tuple[Document, list[Problem]]:
    """A file the scan did not parse (``unchanged``), read and parsed after all."""
    try:
        raw = (root / doc.rel).read_bytes()
    except OSError as exc:
        problem = Problem(
            doc.path,
            None,
            None,
            _("could not be read: %(reason)s", reason=exc.strerror),
            _("try again"),
        )
        return Document(path=doc.path, rel=doc.rel, readable=False), [problem]
    return read_document(raw, path=doc.path, rel=doc.rel)


def _read_markdown(file: tuple[bytes, str, str, bytes | None]) -> tuple[Document, list[Problem]]:
    raw, shown, rel, digest = file
    return read_document(raw, path=shown, rel=rel, digest=digest)


def _check_link(path: Path, real_root: Path, result: Scan) -> bool:
    """A symbolic link may point only inside the content folder: MkDocs would copy the rest."""
    target = path.resolve()
    if target == real_root or real_root in target.parents:
        return True
    result.problems.append(
        Problem(
            display_path(path),
            None,
            None,
            _("is a link to something outside the content folder"),
            _("copy the file into content/ instead of linking to it"),
        )
    )
    return False


def _read_authors(path: Path, result: Scan) -> None:
    result.authors_path = display_path(path)
    try:
        result.authors = parse_yaml(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        result.problems.append(
            Problem(
                result.authors_path,
                None,
                None,
                _("the file is not UTF-8 text"),
                _("save it with UTF-8 encoding"),
            )
        )
    except YamlProblem as exc:
        result.problems.append(Problem(result.authors_path, exc.line, None, exc.message, exc.hint))
