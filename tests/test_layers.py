"""The layers of docs/ARCHITECTURE.md import one way: the core knows nothing of files, the
editor, the command line or Qt; formats may use the core's types but not the editor or
the command line; and the core never prints."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "jargonfree"
# What each layer may import from jargonfree (anything else of ours is a wrong-way import);
# Qt (PySide6) only in the app.
ALLOWED = {
    "core": ("jargonfree.core", "jargonfree.resources"),
    "formats": ("jargonfree.formats", "jargonfree.core", "jargonfree.resources"),
    "support": ("jargonfree.paths", "jargonfree.settings", "jargonfree.userlists",
                "jargonfree.resources", "jargonfree.formats", "jargonfree.core"),
}
SUPPORT = ("paths.py", "settings.py", "userlists.py", "resources.py")


def _layer_files():
    for layer in ("core", "formats"):
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            yield layer, path
    for name in SUPPORT:
        yield "support", PACKAGE / name


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer, path", list(_layer_files()),
                         ids=lambda v: v.name if isinstance(v, Path) else v)
def test_imports_go_one_way(layer, path):
    wrong = [name for name in _imports(path)
             if name.startswith("PySide6")
             or (name.startswith("jargonfree") and name != "jargonfree"
                 and not name.startswith(ALLOWED[layer]))]
    assert wrong == [], f"{path.relative_to(PACKAGE)} imports {wrong}"


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_never_prints(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prints = [node.lineno for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id == "print"]
    assert prints == [], f"{path.name} prints at lines {prints}"


def test_the_command_line_leaves_qt_to_the_editor():
    """`check`, `score` and `rules` start without Qt: the CLI reaches it only through
    jargonfree.app.app, imported when the editor is asked for."""
    names = _imports(PACKAGE / "cli.py")
    assert not [n for n in names if n.startswith("PySide6")]
    assert [n for n in names if n.startswith("jargonfree.app")] == ["jargonfree.app.app"]
