"""How each category looks: a colour and an underline style, so colour is never the only cue."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat


@dataclass(frozen=True)
class CategoryStyle:
    label: str
    light: str
    dark: str
    underline: QTextCharFormat.UnderlineStyle
    pattern: str  # how the legend describes the underline


U = QTextCharFormat.UnderlineStyle
STYLES: dict[str, CategoryStyle] = {
    "jargon": CategoryStyle("Jargon", "#7b2cbf", "#d0a2ff", U.WaveUnderline, "wavy"),
    "medical": CategoryStyle("Medical terms", "#00796b", "#4dd0c1", U.DashUnderline, "dashed"),
    "wordy": CategoryStyle("Wordy", "#1565c0", "#82b1ff", U.SingleUnderline, "solid"),
    "misleading": CategoryStyle("Misleading words", "#c62828", "#ff8a80", U.WaveUnderline, "wavy, red"),
    "uncommon": CategoryStyle("Rare words", "#8d6e00", "#ffd54f", U.DotLine, "dotted"),
    "acronym": CategoryStyle("Acronyms", "#455a64", "#b0bec5", U.DashDotLine, "dash-dot"),
    "passive": CategoryStyle("Passive voice", "#2e7d32", "#81c784", U.DashDotDotLine, "dash-dot-dot"),
    "consistency": CategoryStyle("Consistency", "#ad1457", "#f48fb1", U.DashUnderline, "dashed, pink"),
    "sentence": CategoryStyle("Hard sentences", "#fff1a8", "#5c4b00", U.NoUnderline, "shaded"),
}
VERY_HARD = ("#ffc9c9", "#6b1f1f")
HARD = ("#fff1a8", "#4d4300")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colour(category: str, dark: bool) -> QColor:
    style = STYLES[category]
    return QColor(style.dark if dark else style.light)


def char_format(category: str, rule_id: str, dark: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if category == "sentence":
        if rule_id == "sentence.long":
            return fmt  # long sentences are listed, not shaded (hard ones are)
        shade = VERY_HARD if rule_id == "sentence.very_hard" else HARD
        fmt.setBackground(QColor(shade[1] if dark else shade[0]))
        return fmt
    style = STYLES[category]
    fmt.setUnderlineStyle(style.underline)
    fmt.setUnderlineColor(colour(category, dark))
    if category in ("jargon", "medical", "misleading"):
        tint = QColor(colour(category, dark))
        tint.setAlpha(40)
        fmt.setBackground(tint)
    return fmt
