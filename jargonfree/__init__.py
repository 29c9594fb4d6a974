"""jargonfree: an offline plain-language writing assistant.

`from jargonfree import analyze` is the public entry point; it is imported lazily
so that `import jargonfree` stays cheap (the CLI's --version must not load the engine).
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyze", "simpler_words", "__version__"]


def __getattr__(name: str):
    if name == "analyze":
        from jargonfree.core.analyze import analyze

        return analyze
    if name == "simpler_words":
        from jargonfree.core.simplify import simpler_words

        return simpler_words
    raise AttributeError(name)
