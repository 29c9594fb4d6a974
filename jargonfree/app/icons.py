"""Toolbar icons: our own line drawings (resources/icons), tinted to the palette's text
colour so they read on light and dark themes alike."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from jargonfree.resources import resource_path

APP_ICON = "io.github.jargonfree.JargonFree"
SIZES = (16, 24, 32, 48)


def _svg(name: str) -> str | None:
    path = resource_path("icons", f"{name}.svg")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _render(svg: str, size: int, ratio: float = 1.0) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pix = QPixmap(int(size * ratio), int(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pix


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """A tinted icon; an empty QIcon if the file is missing (the action keeps its text)."""
    svg = _svg(name)
    if svg is None:
        return QIcon()
    pal = palette or QPalette()
    normal = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText).name()
    disabled = QColor(pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText))
    result = QIcon()
    for size in SIZES:
        for ratio in (1.0, 2.0):
            result.addPixmap(_render(svg.replace("currentColor", normal), size, ratio),
                             QIcon.Mode.Normal)
            result.addPixmap(_render(svg.replace("currentColor", disabled.name()), size, ratio),
                             QIcon.Mode.Disabled)
    return result


def app_icon() -> QIcon:
    svg = _svg(APP_ICON)
    result = QIcon()
    if svg is not None:
        for size in (*SIZES, 64, 128, 256):
            result.addPixmap(_render(svg, size))
    return result
