"""The two ways the rules turn a request down, and SPEC.md's exit statuses; the message says what was wrong and what to do."""


class ExitStatus:
    """How a run of streak ends, command or app alike (SPEC.md's table); plain ints, so no enum loads on the way."""

    DONE = 0
    REFUSED = 1  # Refused: the history turned the request down, nothing changed
    BAD_INPUT = 2  # InputError or a usage error, nothing changed
    DATA_FILE = 3  # the data file cannot be used (storage's DataFileError): unreadable, corrupt, newer or locked


class InputError(ValueError):
    """A value the user gave that the rules cannot take (a bad date, goal or note)."""


class Refused(Exception):
    """A well-formed request that the history turns down, such as a second check-in on one day."""
