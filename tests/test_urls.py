"""Links between pages: the short relative form, the same as the standard library computes."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from hub.urls import relative

# Addresses as MkDocs and the hub make them: site-relative, no empty or "." parts.
segment = st.sampled_from(["stories", "tags", "x", "a-b", "page", "2", "index.html"])
address = st.lists(segment, max_size=5).map("/".join)


def reference(target: str, base: str) -> str:
    """The definition: posixpath.relpath from the page's folder."""
    if target.startswith("#"):
        return target
    path, _, fragment = target.partition("#")
    start = posixpath.dirname(base.rstrip("/") + "/x") if base else ""
    result = posixpath.relpath(path or ".", start or ".")
    if path.endswith("/") and result != ".":
        result += "/"
    elif result == ".":
        result = "./"
    return result + (f"#{fragment}" if fragment else "")


@given(address, address, st.sampled_from(["", "#top"]), st.booleans(), st.booleans())
def test_relative_links_match_the_standard_library(
    target: str, base: str, fragment: str, target_folder: bool, base_folder: bool
) -> None:
    target += "/" if target_folder and target else ""
    base += "/" if base_folder and base else ""
    assert relative(target + fragment, base) == reference(target + fragment, base)


def test_examples() -> None:
    assert relative("tags/fleet/", "stories/win-1/") == "../../tags/fleet/"
    assert relative("stories/win-1/", "stories/win-1/") == "./"
    assert relative("", "stories/") == reference("", "stories/")
    assert relative("assets/cards/a.png", "") == "assets/cards/a.png"
    assert relative("https://example.com/", "stories/") == "https://example.com/"
