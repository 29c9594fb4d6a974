"""The analysis core: pure Python, no Qt, no output, no side effects at import."""
