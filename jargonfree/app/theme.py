"""Light, dark, or whatever the system uses: the application palette in one place."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette

from jargonfree.app.styles import dark_palette, is_dark, light_palette


class ThemeManager(QObject):
    """Applies a theme name ("system", "light", "dark") to the application and follows
    the system's light/dark setting while the theme is "system"."""

    theme_applied = Signal(bool)  # dark

    def __init__(self, app: QGuiApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.system_palette = QPalette(app.palette())  # before any theme is applied
        self.name = "system"
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def dark(self) -> bool:
        return is_dark(self.app.palette())

    def apply(self, name: str) -> None:
        self.name = name if name in ("system", "light", "dark") else "system"
        if self.name == "light":
            palette = light_palette()
        elif self.name == "dark":
            palette = dark_palette()
        else:
            palette = self._system()
        self.app.setPalette(palette)
        self.theme_applied.emit(is_dark(palette))

    def _system(self) -> QPalette:
        scheme = self.app.styleHints().colorScheme()
        wants_dark = scheme == Qt.ColorScheme.Dark
        if wants_dark and not is_dark(self.system_palette):
            return dark_palette()  # the platform says dark but gave a light palette
        if scheme == Qt.ColorScheme.Light and is_dark(self.system_palette):
            return light_palette()
        return QPalette(self.system_palette)

    def _system_changed(self, _scheme) -> None:
        if self.name == "system":
            self.apply("system")
