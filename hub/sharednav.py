"""Material's navigation and tabs, rendered once per folder for the pages they do not list.

Material renders the whole site navigation (the drawer and the tabs) into every page: about
half of the time of its templates. For a page the navigation does not list (a story, a tag
or author page, a later page of a listing), nothing in it is active, and every link in it is
the same relative address from any page of the same folder: ``stories/a/`` and
``stories/b/`` both reach the guidelines at ``../../guidelines/``. A hub of 10,000 stories
has a few dozen such folders, so the two partials are rendered a few dozen times, not 14,000.

The shortcut holds only when nothing the partials link to lies inside the page's own address
(which would make its link depend on the page, not its folder), when the partials and all
they include are Material's own or overrides that use nothing of the page (an override in the
hub's theme folder that shows the page's title is rendered for each page, as usual), and when
no navigation entry carries pages of its own (a blog's). Otherwise the partial is rendered
for the page, as without this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    DictLoader,
    Environment,
    PrefixLoader,
    TemplateNotFound,
    meta,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.nav import Navigation

PARTIALS = ("partials/nav.html", "partials/tabs.html")
ORIGINAL = "brandhub-theme"  # prefix under which the partials stay reachable as they were
GLOBAL = "brandhub_shared_partial"
MATERIAL = "/material/templates/"
# What MkDocs and Material give every page's templates that is the same for a whole folder.
SAME_IN_A_FOLDER = frozenset(
    {"config", "nav", "features", "lang", "base_url", "extra_css", "extra_javascript"}
)


def share_navigation(
    env: Environment, nav: Navigation, *, fixed_urls: Iterable[str | None] = ()
) -> None:
    """Make ``env`` render :data:`PARTIALS` once per folder of pages the navigation omits.

    ``fixed_urls``: other site paths the partials link to (logo, home page)."""
    original = env.loader
    if original is None or any(getattr(item, "pages", None) for item in _walk(nav.items)):
        return
    shared = [name for name in PARTIALS if _shareable(env, original, name, set())]
    if not shared:
        return
    listed = {id(page) for page in nav.pages}
    targets = [page.url for page in nav.pages]
    targets += [url for url in fixed_urls if url]
    rendered: dict[tuple[str, str], str] = {}

    @pass_context
    def partial(context: Context, name: str) -> Markup:
        page = context.get("page")
        url = getattr(page, "url", None)
        key = None
        if (
            isinstance(url, str)
            and url.endswith("/")
            and id(page) not in listed
            and not any(target.startswith(url) for target in targets)
        ):
            key = (name, url.rstrip("/").rpartition("/")[0])  # the folder
        html = rendered.get(key) if key is not None else None
        if html is None:
            template = env.get_template(f"{ORIGINAL}/{name}")
            html = template.render(context.get_all())
            if key is not None:
                rendered[key] = html
        return Markup(html)

    env.globals[GLOBAL] = partial
    env.loader = ChoiceLoader(
        [
            DictLoader({name: f"{{{{ {GLOBAL}({name!r}) }}}}" for name in shared}),
            PrefixLoader({ORIGINAL: original}),
            original,
        ]
    )


def _walk(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or ())


def _shareable(env: Environment, loader: BaseLoader, name: str, seen: set[str]) -> bool:
    """Whether ``name``, and every template it includes or imports, renders the same for each
    page of a folder: Material's own (read for this module), or an override of the hub's that
    uses nothing of the page."""
    if name in seen:
        return True
    seen.add(name)
    try:
        source, filename, _ = loader.get_source(env, name)
    except TemplateNotFound:
        return False
    tree = env.parse(source)
    materials = filename is not None and MATERIAL in filename.replace("\\", "/")
    if not materials and not meta.find_undeclared_variables(tree) <= SAME_IN_A_FOLDER:
        return False
    for included in meta.find_referenced_templates(tree):
        if included is None:  # a computed name: Material's are its icons
            if not materials:
                return False
        elif not _shareable(env, loader, included, seen):
            return False
    return True
