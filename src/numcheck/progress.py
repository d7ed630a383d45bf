"""A progress bar on stderr for long runs, drawn only on a terminal.

Logs in CI and files piped to another tool never see it: carriage returns there are noise.
"""

from __future__ import annotations

from typing import TextIO

from numcheck.documents.model import Document

MIN_DOCUMENTS = 20
WIDTH = 30


class ProgressBar:
    """Counts documents as they are read; ``close`` erases the bar."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream

    @classmethod
    def maybe(cls, total: int, stream: TextIO) -> ProgressBar | None:
        """A bar for runs over ``MIN_DOCUMENTS`` documents on a terminal, else None."""
        if total < MIN_DOCUMENTS or not stream.isatty():
            return None
        return cls(total, stream)

    def step(self, document: Document | None = None) -> None:
        self.done = min(self.done + 1, self.total)
        filled = WIDTH * self.done // self.total
        bar = "█" * filled + "·" * (WIDTH - filled)
        self.stream.write(f"\r{bar} {self.done}/{self.total} documents")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[2K")
        self.stream.flush()
