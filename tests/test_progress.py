"""The progress bar: done of total, rate and time left, redrawn at most ten times a second."""

from __future__ import annotations

import io

from numcheck.progress import ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_shows_rate_and_time_left() -> None:
    clock, stream = Clock(), Terminal()
    bar = ProgressBar(1_000, stream, unit="files", clock=clock)
    clock.now += 10
    bar.advance(250)
    assert stream.getvalue().endswith("250/1000 files · 25/s · ETA 30s")
    clock.now += 290
    bar.advance(250)
    assert stream.getvalue().endswith("500/1000 files · 1.67/s · ETA 5m00s")
    assert bar.line(100 + 300 + 3 * 3600).endswith("0.045/s · ETA 3h05m")


def test_the_bar_redraws_at_most_ten_times_a_second_and_always_at_the_end() -> None:
    clock, stream = Clock(), Terminal()
    bar = ProgressBar(50, stream, clock=clock)
    for _ in range(50):
        bar.step()
    assert stream.getvalue().count("\r") == 2  # the first document, then the last
    assert stream.getvalue().endswith("50/50 documents")


def test_no_bar_off_a_terminal() -> None:
    assert ProgressBar.maybe(10_000, io.StringIO(), unit="files") is None
