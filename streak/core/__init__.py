"""The rules of streak: weeks, goals, figures, badges, tips and the training log, over plain immutable values.

Nothing here touches the disk, the clock or the terminal; `today` is always a parameter.
Submodules are imported where used, so the command line only pays for what it runs.
"""
