"""Why a data file cannot be used; the command line turns these into exit status 3."""


class DataFileError(Exception):
    """The data file cannot be read or written safely; nothing was changed."""


class CorruptDataFile(DataFileError):
    """The file exists but is not a streak data file this version can read."""


class LockTimeout(DataFileError):
    """Another process held the data file's lock for longer than we wait."""
