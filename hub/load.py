"""Walking the content folder: every Markdown file read, every other file noted as an asset."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import fromstring as defused_fromstring

from hub.frontmatter import Document, YamlProblem, digest_of, parse_yaml, read_document
from hub.i18n import _
from hub.languages import Versions
from hub.languages import split as languages_split
from hub.parallel import split_map
from hub.problems import Problem

AUTHORS_FILE = "authors.yml"
GLOSSARY_FILE = "glossary.yml"  # hub.glossary reads it

# Which files may enter the site: one rule, for every file of the content folder.
# A name's characters: letters and digits of any script, and . _ - space ( ) + , between them;
# nothing that pages, links or the editor's own tools would read as markup or syntax
# (" ' < > & ` # % ? \\ and line breaks among them).
NAME_PUNCTUATION = frozenset(" ._-()+,")


def safe_name(name: str) -> bool:
    """Whether a file or folder name keeps to the characters above: letters, marks (the
    accent of a decomposed é) and digits of any script, and NAME_PUNCTUATION between them."""
    if not name or not _word(name[0]) or not (_word(name[-1]) or name[-1] == ")"):
        return False
    return all(_word(c) or c in NAME_PUNCTUATION for c in name)


def _word(character: str) -> bool:
    return character == "_" or unicodedata.category(character)[0] in "LMN"


# What a file other than Markdown may be: things a reader opens, downloads or sees. Not pages
# of another kind (HTML, XHTML, XML, which run script on the hub's own address), scripts or
# style sheets (the theme's own), nor other Markdown extensions (MkDocs renders .markdown, .mkd
# … without any of the hub's rules).
ASSET_TYPES = frozenset(
    (
        *("png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico"),
        *("pdf", "txt", "csv", "json", "yml", "yaml", "ics", "vtt", "zip"),
        *("docx", "xlsx", "pptx", "odt", "ods", "odp", "key", "pages", "numbers"),
        *("mp4", "webm", "mov", "mp3", "m4a", "ogg", "oga", "wav"),
        *("woff", "woff2", "ttf", "otf"),
    )
)
ASSET_NAMES = frozenset({"CNAME"})  # GitHub Pages' custom domain
MARKDOWN_TYPES = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext", ".md")
# Where the theme and the hub write their own files: content there would replace the script,
# the styles or the outputs every page relies on.
RESERVED_FOLDERS = (
    *("assets/javascripts", "assets/stylesheets", "assets/brandhub", "assets/cards"),
    *("assets/brand", "pagefind", "feeds", "api", "search", "tags", "authors", "teams"),
    "glossary",
)
RESERVED_FILES = frozenset(
    {"sitemap.xml", "sitemap.xml.gz", "404.html", "assets/images/favicon.png"}
)

_RESERVED_PREFIXES = tuple(f"{folder}/" for folder in RESERVED_FOLDERS)
# In an SVG: what runs script or shows another page, when a reader opens the drawing itself.
SVG_ACTIVE = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler"})
SAFE_SVG_LINK = re.compile(r"(?:#|data:image/(?:png|jpeg|gif|webp);|(?![a-z][a-z0-9+.-]*:))", re.I)


@dataclass
class Scan:
    """The raw content folder, before validation."""

    root: Path
    documents: list[Document] = field(default_factory=list)
    assets: set[str] = field(default_factory=set)  # non-Markdown files, POSIX paths
    authors: Any = None  # the parsed authors.yml, if any
    authors_path: str = ""
    # In a hub of several languages, authors.<code>.yml of the language read: its people's
    # words (role, why, …) in that language.
    people_words: Any = None
    people_words_path: str = ""
    glossary: Any = None  # the parsed glossary.yml, if any
    glossary_path: str = ""
    problems: list[Problem] = field(default_factory=list)
    # A hub in several languages (hub.languages): the language read, the real file of each
    # key it renamed (x.es.md for x.md), the Markdown files of the other languages, and
    # which languages each item is written in.
    language: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    others: set[str] = field(default_factory=set)
    versions: Versions | None = None


def display_path(path: Path) -> str:
    """A path as an editor sees it in the repository: relative to where the command runs."""
    # Not resolve(): a symbolic link must be named by its own path, not by its target's.
    relative = os.path.relpath(os.path.abspath(path), os.getcwd())
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


def scan(
    root: Path,
    *,
    split: bool = False,
    unchanged: Mapping[str, tuple[bytes, str]] | None = None,
    languages: Sequence[str] = (),
    building: str | None = None,
) -> Scan:
    """Read the content folder at ``root``; problems are collected, never raised. ``split``:
    a second process reads half of the Markdown files (hub.parallel.split_map).
    ``unchanged``: by content path, the digest and shown path of files that passed the last
    check (hub.verdicts); such a file whose bytes are the same is not parsed. ``languages``
    (the default first): the Markdown read is that of ``building`` (default: the first),
    each file under its key (hub.languages)."""
    # The glossary this build reads first, then every language's (never published).
    glossaries = [glossary_file(building or languages[0], languages)] if languages else []
    glossaries += [glossary_file(code, languages) for code in languages] or [GLOSSARY_FILE]
    # The people's words in the language read, then every other language's (never published).
    words = [people_file(building or languages[0], languages)] if languages else []
    words += [people_file(code, languages) for code in languages[1:]]
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
            if not safe_name(name):
                dirnames.remove(name)
                result.problems.append(_unsafe_name(display_path(here / name), name))
            elif (here / name).is_symlink():
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
            if not _is_file(path, result):
                continue
            rel = name if inside == "." else f"{inside}/{name}"
            refused = _refusal(rel, name)
            if refused is not None:
                message, hint = refused
                result.problems.append(Problem(display_path(path), None, None, message, hint))
                continue
            if name.lower().endswith(".svg") and (active := _svg_script(path)) is not None:
                result.problems.append(
                    Problem(
                        display_path(path),
                        None,
                        None,
                        _(
                            "the drawing holds %(what)s, which would run on the hub's own "
                            "address when opened",
                            what=active,
                        ),
                        _("export it again without scripts or links, or save it as a PNG"),
                    )
                )
                continue
            if name.endswith(".md"):
                markdown.append((path, rel, name if shown_here == "." else f"{shown_here}/{name}"))
            elif rel == AUTHORS_FILE:
                result.authors_path = display_path(path)
                result.authors = _read_data(path, result)
            elif rel in words:  # a language's words for its people, in a hub of several
                if rel == words[0]:
                    result.people_words_path = display_path(path)
                    result.people_words = _read_data(path, result)
            elif rel in glossaries:  # each language's own, in a hub of several
                if rel == glossaries[0]:
                    result.glossary_path = display_path(path)
                    result.glossary = _read_data(path, result)
            else:
                result.assets.add(rel)
    if languages:
        markdown = _one_language(markdown, languages, building or languages[0], result)
    documents: dict[str, Document] = {}
    pending: list[tuple[bytes, str, str, bytes | None]] = []  # bytes, shown, content, digest
    for path, rel, shown in markdown:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            result.problems.append(_unreadable(shown, exc))
            continue
        digest = digest_of(raw) if unchanged is not None else None
        if unchanged is not None and unchanged.get(rel) == (digest, shown):
            documents[rel] = Document(path=shown, rel=rel, digest=digest or b"", parsed=False)
        else:
            pending.append((raw, shown, rel, digest))
    for document, problems in split_map(_read_markdown, pending, split=split):
        documents[document.rel] = document
        result.problems.extend(problems)
    result.documents = [documents[rel] for _, rel, _ in markdown if rel in documents]
    return result


def glossary_file(language: str, languages: Sequence[str]) -> str:
    """The glossary of ``language``: glossary.yml in the default one (the first of
    ``languages``, or the only one), glossary.<code>.yml in the others (hub.languages)."""
    return _data_file(GLOSSARY_FILE, language, languages)


def people_file(language: str, languages: Sequence[str]) -> str:
    """The file of the people's words in ``language``: authors.<code>.yml in a language
    other than the default, which authors.yml speaks itself (hub.languages)."""
    return _data_file(AUTHORS_FILE, language, languages)


def _data_file(name: str, language: str, languages: Sequence[str]) -> str:
    """``name`` (a .yml file) in the default language, ``<stem>.<code>.yml`` in the others."""
    if not languages or language == languages[0]:
        return name
    return f"{name.removesuffix('.yml')}.{language}.yml"


def _one_language(
    markdown: list[tuple[Path, str, str]], languages: Sequence[str], building: str, result: Scan
) -> list[tuple[Path, str, str]]:
    """The Markdown files in ``building``, each under its key; the others noted."""
    result.language = building
    result.versions = Versions()
    chosen: dict[str, tuple[Path, str, str]] = {}
    for path, rel, shown in markdown:
        key, written = languages_split(rel, languages)
        language = written or languages[0]
        result.versions.add(key, language, rel, shown)
        if language != building:
            result.others.add(rel)
            continue
        if key in chosen:  # x.md and x.<default>.md: two files for one page
            twin = chosen[key][2]
            result.problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    _("is the same page as %(other)s, in the same language", other=twin),
                    _(
                        "keep one of the two files: a file without a language ending is in "
                        "%(code)s",
                        code=languages[0],
                    ),
                )
            )
            continue
        chosen[key] = (path, key, shown)
        if key != rel:
            result.sources[key] = rel
    return list(chosen.values())


def parse_again(
    root: Path, doc: Document, source: str | None = None
) -> tuple[Document, list[Problem]]:
    """A file the scan did not parse (``unchanged``), read and parsed after all; ``source``:
    its real path when the scan read it under its key (Scan.sources)."""
    try:
        raw = (root / (source or doc.rel)).read_bytes()
    except OSError as exc:
        return Document(path=doc.path, rel=doc.rel, readable=False), [_unreadable(doc.path, exc)]
    return read_document(raw, path=doc.path, rel=doc.rel)


def _read_markdown(file: tuple[bytes, str, str, bytes | None]) -> tuple[Document, list[Problem]]:
    raw, shown, rel, digest = file
    return read_document(raw, path=shown, rel=rel, digest=digest)


def _check_link(path: Path, real_root: Path, result: Scan) -> bool:
    """A symbolic link may point only inside the content folder: MkDocs would copy the rest."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return _refuse(
            result,
            path,
            _("is a link that leads nowhere: its target is missing, or leads back to it"),
            _("remove the link, or point it at a file inside the content folder"),
        )
    if target == real_root or real_root in target.parents:
        return True
    return _refuse(
        result,
        path,
        _("is a link to something outside the content folder"),
        _("copy the file into content/ instead of linking to it"),
    )


def _refuse(result: Scan, path: Path, message: str, hint: str) -> bool:
    """Note why the file at ``path`` is not content; False, to skip it."""
    result.problems.append(Problem(display_path(path), None, None, message, hint))
    return False


def _unsafe_name(shown: str, name: str) -> Problem:
    bad = sorted({c for c in name if not _word(c) and c not in NAME_PUNCTUATION})
    return Problem(
        shown,
        None,
        None,
        _(
            "its name has characters that pages and links cannot carry safely: %(found)s",
            found=" ".join(repr(c) for c in bad) or repr(name[:1] or name[-1:]),
        ),
        _(
            "rename it with letters, digits, dashes, dots and spaces, starting and ending "
            "with a letter or a digit"
        ),
    )


def _refusal(rel: str, name: str) -> tuple[str, str] | None:
    """Why the file at ``rel`` may not enter the site (what and a hint), or None."""
    if not safe_name(name):
        problem = _unsafe_name("", name)
        return problem.message, problem.hint or ""
    lowered = name.lower()
    if lowered.endswith(MARKDOWN_TYPES) and not name.endswith(".md"):
        return (
            _("is Markdown with an ending other than .md, which the hub's rules do not read"),
            _("rename it to end in .md"),
        )
    if name.endswith(".md"):
        return None
    if reserved(rel):
        return (
            _("is where the theme or the hub writes a file of its own"),
            _("move it to another folder, such as assets/images/"),
        )
    if name in ASSET_NAMES or rel in (AUTHORS_FILE, GLOSSARY_FILE):
        return None
    kind = lowered.rpartition(".")[2] if "." in lowered else ""
    ending = "." + kind if kind else "?"
    if kind not in ASSET_TYPES:
        return (
            _("files of this type (%(type)s) are not published", type=ending),
            _(
                "publish images, documents, media or fonts (%(types)s); a page is a .md file",
                types=", ".join(sorted(ASSET_TYPES)),
            ),
        )
    return None


def reserved(rel: str) -> bool:
    """Whether the site path ``rel`` is where the theme or the hub writes a file of its own."""
    return rel in RESERVED_FILES or rel.startswith(_RESERVED_PREFIXES)


def _svg_script(path: Path) -> str | None:
    """What in the SVG at ``path`` runs script or leads away (a script, an ``on…`` handler, a
    ``javascript:`` link, an embedded page, a DTD), named for the editor; None if nothing."""
    try:
        root = defused_fromstring(path.read_bytes(), forbid_dtd=True)
    except DTDForbidden:
        return "<!DOCTYPE>"
    except (DefusedXmlException, ElementTree.ParseError, OSError, ValueError):
        return _("text that is not a valid drawing")
    for element in root.iter():
        tag = str(element.tag).rpartition("}")[2]
        if tag.lower() in SVG_ACTIVE:
            return f"<{tag}>"
        for key, value in element.attrib.items():
            attribute = key.rpartition("}")[2].lower()
            if attribute.startswith("on"):
                return f"{attribute}=…"
            if attribute in ("href", "src", "values", "to", "from") and not SAFE_SVG_LINK.match(
                "".join(value.split())
            ):
                return f"{attribute}={value[:40]!r}"
    return None


def _is_file(path: Path, result: Scan) -> bool:
    """Only regular files are content: reading a named pipe would wait for ever, and a device
    or a socket is nothing an editor wrote."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        result.problems.append(_unreadable(display_path(path), exc))
        return False
    if stat.S_ISREG(mode):
        return True
    return _refuse(
        result,
        path,
        _("is not a file but a named pipe, a socket or a device"),
        _("remove it from the content folder"),
    )


def _unreadable(shown: str, exc: OSError) -> Problem:
    return Problem(
        shown,
        None,
        None,
        _("could not be read: %(reason)s", reason=exc.strerror or str(exc)),
        _("check that the file exists and that you may read it, then try again"),
    )


def _read_data(path: Path, result: Scan) -> Any:
    """A YAML data file of the hub (authors.yml, glossary.yml), or None; problems noted."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        result.problems.append(_unreadable(shown, exc))
        return None
    try:
        return parse_yaml(raw.decode("utf-8"))
    except UnicodeDecodeError:
        result.problems.append(
            Problem(
                shown,
                None,
                None,
                _("the file is not UTF-8 text"),
                _("save it with UTF-8 encoding"),
            )
        )
    except YamlProblem as exc:
        result.problems.append(Problem(shown, exc.line, None, exc.message, exc.hint))
    return None
