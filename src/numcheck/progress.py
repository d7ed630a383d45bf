"""A progress bar on stderr for long runs, drawn only on a terminal.

Logs in CI and files piped to another tool never see it: carriage returns there are noise.
A run has phases (documents read, then rules run); the bar restarts for each, so a long
rule phase does not sit behind a full bar.
"""

from __future__ import annotations

from typing import TextIO

MIN_DOCUMENTS = 20
WIDTH = 30


class ProgressBar:
    """Counts the items of the current phase; ``close`` erases the bar."""

    def __init__(self, total: int, stream: TextIO, unit: str = "documents") -> None:
        self.total = max(total, 1)
        self.done = 0
        self.unit = unit
        self.stream = stream
        self.drawn = True

    @classmethod
    def maybe(cls, total: int, stream: TextIO) -> ProgressBar | None:
        """A bar for runs over ``MIN_DOCUMENTS`` documents on a terminal, else None."""
        if total < MIN_DOCUMENTS or not stream.isatty():
            return None
        return cls(total, stream)

    @classmethod
    def on_terminal(cls, stream: TextIO) -> ProgressBar | None:
        """A bar whose first ``phase`` decides whether it is drawn (None off a terminal)."""
        if not stream.isatty():
            return None
        bar = cls(0, stream)
        bar.drawn = False
        return bar

    def phase(self, unit: str, total: int) -> None:
        """Start counting ``total`` items of ``unit``; the documents phase decides the size."""
        if unit == "documents":
            self.drawn = total >= MIN_DOCUMENTS
        self.unit, self.total, self.done = unit, max(total, 1), 0

    def step(self, item: object = None) -> None:
        if not self.drawn:
            return
        self.done = min(self.done + 1, self.total)
        filled = WIDTH * self.done // self.total
        bar = "█" * filled + "·" * (WIDTH - filled)
        self.stream.write(f"\r{bar} {self.done}/{self.total} {self.unit}")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
