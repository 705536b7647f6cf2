"""The per-step time budget stops a runaway step and leaves a normal one alone."""

from __future__ import annotations

import threading

import pytest

from newsprism.budget import OutOfTime, time_limit


def test_runaway_loop_is_stopped() -> None:
    with pytest.raises(OutOfTime), time_limit(0.2) as limited:
        assert limited
        while True:
            pass


def test_quick_step_finishes_and_nothing_fires_later() -> None:
    with time_limit(5) as limited:
        total = sum(range(1000))
    assert limited and total == 499500
    with time_limit(0) as limited:
        pass
    assert not limited


def test_outside_the_main_thread_there_is_no_limit() -> None:
    seen: list[bool] = []

    def run() -> None:
        with time_limit(1) as limited:
            seen.append(limited)

    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert seen == [False]
