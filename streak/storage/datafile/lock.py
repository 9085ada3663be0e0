"""An exclusive lock between processes, held for a whole read-modify-write of the data file.

`fcntl`/`msvcrt` rather than the filelock package: filelock pulls in asyncio, logging and
inspect (~30 ms), more than the whole budget of a check-in. The lock lives in a separate
`.lock` file because the data file itself is replaced on every write. The operating system
drops the lock when its holder dies, so a crashed process never leaves the file locked.
"""

from __future__ import annotations

import os
import time

from streak.storage.errors import DataFileError, LockTimeout

POLL_SECONDS = 0.05

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


def exclusive_lock(lock_path: str, timeout: float, busy: str) -> ExclusiveLock:
    """Hold the lock on `lock_path` for a `with` block, waiting up to `timeout` seconds for another holder to let go.

    `busy` opens the message given when the wait runs out.
    """
    return ExclusiveLock(lock_path, timeout, busy)


class ExclusiveLock:
    """The lock `exclusive_lock` holds: a class, not contextlib.contextmanager, which a check-in would import for this alone."""

    def __init__(self, lock_path: str, timeout: float, busy: str) -> None:
        self.lock_path, self.timeout, self.busy = lock_path, timeout, busy
        self._descriptor: int | None = None

    def __enter__(self) -> None:
        try:
            descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise DataFileError(f"the lock file {self.lock_path} cannot be opened ({error.strerror})") from None
        try:
            deadline = time.monotonic() + self.timeout
            while not _try_lock(descriptor):
                if time.monotonic() >= deadline:
                    raise LockTimeout(f"{self.busy} (waited {self.timeout:g} s); close the other streak and try again")
                time.sleep(POLL_SECONDS)
        except BaseException:
            os.close(descriptor)
            raise
        self._descriptor = descriptor

    def __exit__(self, *exc_info: object) -> None:
        descriptor, self._descriptor = self._descriptor, None
        assert descriptor is not None, "left without being entered"
        try:
            _unlock(descriptor)
        finally:
            os.close(descriptor)
