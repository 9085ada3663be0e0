"""The two ways the rules turn a request down; the message says what was wrong and what to do."""


class InputError(ValueError):
    """A value the user gave that the rules cannot take (a bad date, goal or note)."""


class Refused(Exception):
    """A well-formed request that the history turns down, such as a second check-in on one day."""
