"""jargonfree: an offline plain-language writing assistant.

`from jargonfree import analyze` is the public entry point; it is imported lazily
so that `import jargonfree` stays cheap (the CLI's --version must not load the engine).
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyze", "simpler_words", "__version__"]


def analyze(text, profile="general", *, options=None, revision=0):
    """Analyse `text` for the audience `profile` with the bundled rules (see
    jargonfree.core.analyze.analyze). With `options=Options(markup="markdown")` the text
    is read as Markdown: its markup is not checked, and offsets still index `text`."""
    from jargonfree.core.analyze import analyze as analyze_text

    if options is not None and options.markup != "text":
        from jargonfree.core.analyze import default_analyzer
        from jargonfree.core.profiles import get_profile
        from jargonfree.formats.documents import analyze_as_written

        get_profile(profile)  # a bad profile name fails before the slow start-up
        return analyze_as_written(default_analyzer(), text, profile, options, revision)
    return analyze_text(text, profile, options=options, revision=revision)


def __getattr__(name: str):
    if name == "simpler_words":
        from jargonfree.core.simplify import simpler_words

        return simpler_words
    raise AttributeError(name)
