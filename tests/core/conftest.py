from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def analyzer():
    """One real Analyzer (bundled rules, real spaCy tokenizer) shared by the core tests."""
    from jargonfree.core.analyze import Analyzer

    return Analyzer()
