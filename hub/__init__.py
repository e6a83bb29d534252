"""Brandhub: a hub for employee onboarding and brand advocacy, built on MkDocs and Material.

The pipeline reads in file order: ``frontmatter`` (read) → ``schema`` and ``validate`` (check)
→ ``model`` (records) → ``publish`` (the one rule) → ``views`` and ``render`` (pages) →
``plugin`` (MkDocs adapter) → ``atomic`` (site on disk). ``cli`` drives it all.
"""

from __future__ import annotations

__version__ = "0.1.0"
