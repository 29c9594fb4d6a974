"""How each category looks, in light and dark palettes.

Colour is never the only cue: each word category also has its own underline style
(wavy, dashed, solid, dotted, dash-dot, dash-dot-dot; two add a tint behind the word),
and sentences are shaded like Hemingway's. The colours come from the Okabe-Ito set,
which stays distinguishable with the common kinds of colour blindness, darkened for
light backgrounds and lightened for dark ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QTextCharFormat

U = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class CategoryStyle:
    label: str  # in the legend and the findings list
    problem: str  # what is wrong, in plain words, at the top of a card
    light: str
    dark: str
    underline: QTextCharFormat.UnderlineStyle
    tint: bool  # a faint background as well as the underline
    pattern: str  # how the legend describes the mark, for screen readers and tooltips


STYLES: dict[str, CategoryStyle] = {
    "jargon": CategoryStyle(
        "Jargon", "Jargon: many readers will not know what this means.",
        "#b84a00", "#ff9c5b", U.WaveUnderline, False, "wavy underline"),
    "medical": CategoryStyle(
        "Medical terms", "A medical term: say it in everyday words.",
        "#007556", "#45d3a6", U.DashUnderline, False, "dashed underline"),
    "wordy": CategoryStyle(
        "Wordy", "Wordy: there is a shorter, everyday way to say this.",
        "#005fa3", "#70c1f7", U.SingleUnderline, False, "solid underline"),
    "misleading": CategoryStyle(
        "Misleading", "Misleading: this word means something else to most people.",
        "#c0392b", "#ff8a80", U.SingleUnderline, True, "solid underline, tinted"),
    "uncommon": CategoryStyle(
        "Rare words", "A rare word: many readers will not know it.",
        "#a23f7c", "#f2a5d2", U.DotLine, False, "dotted underline"),
    "acronym": CategoryStyle(
        "Acronyms", "An acronym that is not spelled out.",
        "#5d5d5d", "#c4c4c4", U.DashDotLine, False, "dash-dot underline"),
    "passive": CategoryStyle(
        "Passive voice", "Passive voice: say who does it.",
        "#3d7a1e", "#9ad77a", U.DashDotDotLine, False, "dash-dot-dot underline"),
    "consistency": CategoryStyle(
        "Mixed terms", "Several words for the same thing: pick one and keep to it.",
        "#8a6500", "#e9c74a", U.DotLine, True, "dotted underline, tinted"),
    "sentence": CategoryStyle(
        "Hard sentences", "A sentence that is hard to read.",
        "#f9efb4", "#4a4119", U.NoUnderline, False,
        "bar in the left margin; the hardest are shaded"),
}

# Sentence shades (light, dark) by rule: Hemingway's yellow and red, plus a pale blue
# for sentences that are only long.
SHADES = {
    "sentence.hard": ("#f9efb4", "#4a4119"),
    "sentence.very_hard": ("#f6cccc", "#5a2a2e"),
    "sentence.long": ("#e2ebf5", "#263447"),
}
# A bar in the margin beside every hard, very hard or long sentence (light, dark).
MARKS = {
    "sentence.very_hard": ("#c0392b", "#ff8a80"),
    "sentence.hard": ("#c98a00", "#e9c74a"),
    "sentence.long": ("#5b8bc9", "#8ab8f0"),
}
# In the hidden set: do not shade even the hardest sentences (their margin marks stay).
SHADE_KEY = "sentence-shade"
SHADE_LABELS = {
    "sentence.very_hard": "Very hard sentence",
    "sentence.hard": "Hard sentence",
    "sentence.long": "Long sentence",
}
OK_COLOURS = ("#1b7f3b", "#7ddc95")  # meets the target (light, dark)
WARN_COLOURS = ("#9a5b00", "#ffc66b")  # does not meet it


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colour(category: str, dark: bool) -> QColor:
    style = STYLES[category]
    return QColor(style.dark if dark else style.light)


def shade(rule_id: str, dark: bool) -> QColor:
    light, dark_colour = SHADES.get(rule_id, SHADES["sentence.hard"])
    return QColor(dark_colour if dark else light)


def mark_colour(rule_id: str, dark: bool) -> QColor:
    light, dark_colour = MARKS.get(rule_id, MARKS["sentence.hard"])
    return QColor(dark_colour if dark else light)


def ok_colour(ok: bool, dark: bool) -> QColor:
    pair = OK_COLOURS if ok else WARN_COLOURS
    return QColor(pair[1] if dark else pair[0])


def tint(category: str, dark: bool) -> QColor:
    c = colour(category, dark)
    c.setAlpha(70 if dark else 45)
    return c


def char_format(category: str, rule_id: str, dark: bool) -> QTextCharFormat:
    """The format painted over a finding's span."""
    fmt = QTextCharFormat()
    if category == "sentence":
        fmt.setBackground(shade(rule_id, dark))
        return fmt
    style = STYLES[category]
    fmt.setUnderlineStyle(style.underline)
    fmt.setUnderlineColor(colour(category, dark))
    if style.tint:
        fmt.setBackground(tint(category, dark))
    return fmt


def active_format(palette: QPalette) -> QTextCharFormat:
    """The finding a card is open for: outlined so the eye finds it."""
    fmt = QTextCharFormat()
    c = QColor(palette.color(QPalette.ColorRole.Highlight))
    c.setAlpha(70)
    fmt.setBackground(c)
    return fmt


_PEN_STYLES = {
    U.SingleUnderline: Qt.PenStyle.SolidLine,
    U.DashUnderline: Qt.PenStyle.DashLine,
    U.DotLine: Qt.PenStyle.DotLine,
    U.DashDotLine: Qt.PenStyle.DashDotLine,
    U.DashDotDotLine: Qt.PenStyle.DashDotDotLine,
}


def paint_sample(painter: QPainter, rect: QRectF, category: str, dark: bool,
                 text_colour: QColor, rule_id: str = "sentence.hard", word: str = "word") -> None:
    """A legend swatch: `word` marked exactly as the editor marks it (no word: the mark
    alone, on the middle line)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    style = STYLES[category]
    metrics = painter.fontMetrics()
    if category == "sentence" and rule_id == "sentence.very_hard":
        painter.fillRect(rect, shade(rule_id, dark))
    elif category == "sentence":  # hard and long sentences: a bar as in the margin
        bar = max(2.0, metrics.height() / 5)
        painter.fillRect(QRectF(rect.left() + 1, rect.top() + 1, bar, rect.height() - 2),
                         mark_colour(rule_id, dark))
    elif style.tint:
        painter.fillRect(rect, tint(category, dark))
    painter.setPen(text_colour)
    if word:
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, word)
    if category != "sentence":
        y = rect.center().y() + (metrics.ascent() / 2 + max(2.0, metrics.descent() / 2)
                                 if word else 0)
        pen = QPen(colour(category, dark), max(1.5, metrics.height() / 12))
        left, right = rect.left() + 2, rect.right() - 2
        if style.underline == U.WaveUnderline:
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            path = QPainterPath(QPointF(left, y))
            step = max(2.0, metrics.height() / 8)
            x, up = left, True
            while x < right:
                path.quadTo(QPointF(x + step / 2, y - step if up else y + step),
                            QPointF(x + step, y))
                x, up = x + step, not up
            painter.setPen(pen)
            painter.drawPath(path)
        else:
            pen.setStyle(_PEN_STYLES[style.underline])
            painter.setPen(pen)
            painter.drawLine(QPointF(left, y), QPointF(right, y))
    painter.restore()


def light_palette() -> QPalette:
    return _palette({
        "Window": "#f3f3f1", "WindowText": "#1d1d1b", "Base": "#ffffff",
        "AlternateBase": "#f6f6f4", "Text": "#1d1d1b", "Button": "#ebebe8",
        "ButtonText": "#1d1d1b", "Highlight": "#2f6fb3", "HighlightedText": "#ffffff",
        "ToolTipBase": "#ffffff", "ToolTipText": "#1d1d1b", "PlaceholderText": "#6f6f6b",
        "Link": "#1f5fa8", "Mid": "#b9b9b4", "Midlight": "#dedeDA", "Dark": "#8d8d88",
        "Light": "#ffffff", "Shadow": "#6b6b66", "BrightText": "#ffffff",
    }, disabled_text="#8a8a85")


def dark_palette() -> QPalette:
    return _palette({
        "Window": "#23252a", "WindowText": "#e7e7e4", "Base": "#1a1b1f",
        "AlternateBase": "#26282d", "Text": "#e7e7e4", "Button": "#2e3036",
        "ButtonText": "#e7e7e4", "Highlight": "#4a7fc1", "HighlightedText": "#ffffff",
        "ToolTipBase": "#2b2d33", "ToolTipText": "#e7e7e4", "PlaceholderText": "#9a9a96",
        "Link": "#8ab8f0", "Mid": "#4a4c53", "Midlight": "#3a3c42", "Dark": "#141518",
        "Light": "#4d5058", "Shadow": "#000000", "BrightText": "#ffffff",
    }, disabled_text="#7c7d82")


def _palette(roles: dict[str, str], disabled_text: str) -> QPalette:
    pal = QPalette()
    for name, value in roles.items():
        pal.setColor(getattr(QPalette.ColorRole, name), QColor(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return pal
