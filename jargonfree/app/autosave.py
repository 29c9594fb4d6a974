"""Unsaved work kept every few seconds in the state folder, offered back after a crash."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from jargonfree.formats import write_text_atomic


@dataclass(frozen=True)
class Recovery:
    doc_id: str
    text: str
    path: str | None
    saved_at: float


class AutosaveStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _file(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}.json"

    def save(self, doc_id: str, text: str, path: str | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {"text": text, "path": path, "saved_at": time.time()}
        write_text_atomic(self._file(doc_id), json.dumps(record, ensure_ascii=False))

    def discard(self, doc_id: str) -> None:
        try:
            self._file(doc_id).unlink()
        except FileNotFoundError:
            pass

    def pending(self) -> list[Recovery]:
        out = []
        for file in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                record = json.loads(file.read_text(encoding="utf-8"))
                out.append(Recovery(file.stem, str(record["text"]), record.get("path"),
                                    float(record.get("saved_at", 0))))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged autosave is skipped, not deleted
        return out
