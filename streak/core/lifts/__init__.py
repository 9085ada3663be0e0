"""The training log: a lift and its text form, the log of every exercise, personal records and the exercise catalogue."""
