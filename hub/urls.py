"""Where every page of the hub lives: one place computes URLs for the core and for MkDocs."""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from functools import lru_cache

from hub.model import Kind

TYPED_FOLDERS = {
    Kind.MESSAGE: "messages",
    Kind.CAMPAIGN: "campaigns",
    Kind.STORY: "stories",
    Kind.SNIPPET: "snippets",
}
# Page URLs the hub generates itself; content may not take them.
RESERVED_TOPS = ("tags", "authors", "teams", "feeds", "api", "glossary")
RESERVED_SLUGS = ("index", "page")
# The listing pages the hub generates at these addresses.
MAX_SLUG = 80
LISTINGS = frozenset(f"{folder}/" for folder in TYPED_FOLDERS.values())


@lru_cache(maxsize=65536)  # a tag's link is made on every page that shows the tag
def slugify(text: str) -> str:
    """Lowercase ASCII words joined by dashes: 'Camión día 1' → 'camion-dia-1'; at most
    ``MAX_SLUG`` characters, since a slug names a folder or a file (a tag's feed) in the site."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-")


def default_slug(rel: str) -> str:
    stem = posixpath.splitext(posixpath.basename(rel))[0]
    if stem.lower() in ("index", "readme"):
        stem = posixpath.basename(posixpath.dirname(rel)) or "index"
    return slugify(stem) or "page"


def page_url(kind: Kind, rel: str, slug: str | None) -> str:
    """The site-relative URL of a content page, always ending in '/' (or '' for the home)."""
    if kind in TYPED_FOLDERS:
        return f"{TYPED_FOLDERS[kind]}/{slug}/"
    folder, name = posixpath.split(posixpath.splitext(rel)[0])
    if name.lower() in ("index", "readme"):
        return f"{folder}/" if folder else ""
    if slug:
        name = slug
    return f"{folder}/{name}/" if folder else f"{name}/"


def tag_url(tag: str) -> str:
    return f"tags/{slugify(tag) or 'tag'}/"


def author_url(author_id: str) -> str:
    return f"authors/{author_id}/"


GLOSSARY_URL = "glossary/"


def name_key(name: str) -> str:
    """A name as a folder or a value to filter by: its slug ('Monterrey Hub' → monterrey-hub),
    or, for a name in a script without ASCII letters, a short digest, so that two such names
    ('東京', 'Київ') do not share one page."""
    slug = slugify(name)
    if slug:
        return slug
    digest = hashlib.sha1(name.casefold().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"n-{digest[:10]}"


def team_url(team: str) -> str:
    return f"teams/{name_key(team)}/"


def listing_url(folder: str, page: int = 1) -> str:
    return f"{folder}/" if page == 1 else f"{folder}/page/{page}/"


def relative(target: str, base: str) -> str:
    """A link from the page at URL ``base`` to the site-relative ``target``."""
    if target.startswith(("http://", "https://", "mailto:", "#")):
        return target
    start = base.rstrip("/")  # the page's folder: pages are folders (use_directory_urls)
    path, _, fragment = target.partition("#")
    result = _relpath(path, start)
    if path.endswith("/") and result != ".":
        result += "/"
    elif result == ".":
        result = "./"
    return result + (f"#{fragment}" if fragment else "")


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two site-relative paths, without its trips to the file system
    (a listing page makes dozens of links; a hub of 10,000 stories, a million)."""
    if ".." in path or ".." in start or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path or ".", start or ".")
    to = [part for part in path.split("/") if part and part != "."]
    here = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."
