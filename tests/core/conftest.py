from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def analyzer():
    """One real Analyzer (bundled rules, real rule tables) shared by the core tests."""
    from jargonfree.core.analyze import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def rule_matcher():
    """The substitution engine alone on the bundled rules (what the rule examples test)."""
    from jargonfree.core.matcher import Matcher
    from jargonfree.core.rules import load_rules

    return Matcher(load_rules())
