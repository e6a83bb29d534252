"""``python -m hub`` runs the ``brandhub`` command line."""

from __future__ import annotations

from hub.cli import main

if __name__ == "__main__":
    main()
