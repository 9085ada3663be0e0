"""Readers of other trackers' files (Loop Habit Tracker, harsh, oidia), each returning the same `Habits` value."""

TRACKERS = ("streak", "loop", "harsh", "oidia")  # what `streak import --from` takes
