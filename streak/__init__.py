"""streak: a gamified leg-day tracker for the terminal."""

__version__ = "0.1.0"
