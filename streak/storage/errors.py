"""Why a data file cannot be used; the command line turns these into exit status 3."""


class DataFileError(Exception):
    """The data file cannot be read or written safely; nothing was changed."""


class CorruptDataFile(DataFileError):
    """The file exists but is not a streak data file this version can read."""


class LockTimeout(DataFileError):
    """Another process held the data file's lock for longer than we wait."""


class SaveFailed(DataFileError):
    """Writing the data file, or its backup before it, failed; the file on disk is as it was."""

    def __init__(self, reason: str, outcome: str) -> None:
        super().__init__(f"{reason}; {outcome}")
        self.reason = reason
