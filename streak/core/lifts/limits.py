"""The ranges a lift must keep (SPEC.md's Lifts), apart from the parsing, so the data file's reader can check them cheaply."""

MIN_SETS, MAX_SETS = 1, 20
MIN_REPS, MAX_REPS = 1, 100
MIN_WEIGHT, MAX_WEIGHT = 0, 1000  # 0 for bodyweight
MAX_LIFTS = 20  # on one session
MAX_EXERCISE_LENGTH = 60
