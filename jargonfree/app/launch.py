"""Kept for `jargonfree.cli`, which starts the editor through here; see app.run."""

from jargonfree.app.app import run

__all__ = ["run"]
