"""Replace a file so that a crash at any moment leaves either the old bytes or the new ones, never a mix.

The standard library's `tempfile` is avoided on purpose: it costs ~7 ms to import, and a fixed
temporary name is safe here because every writer of the data file holds its lock.
"""

import os

NEW_FILE_MODE = 0o600  # a history is personal: a new file is for its owner only


def temporary_path(path: str) -> str:
    """Where the next version of `path` is written before it replaces `path`."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.tmp")


def write_atomically(path: str, data: bytes) -> None:
    """Write `data` to `path` durably: temp file, flush, fsync, rename over, fsync the folder.

    A file that already exists keeps its permissions (and its owner, where the system allows).
    """
    existing = _stat_or_none(path)
    temporary = temporary_path(path)
    _remove_quietly(temporary)  # left by a process killed mid-write; O_EXCL below then makes a fresh one
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, NEW_FILE_MODE)
    try:
        try:
            if existing is not None:
                _copy_permissions(descriptor, existing)
            view = memoryview(data)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        _remove_quietly(temporary)
        raise
    _sync_folder(os.path.dirname(path) or ".")


def move_durably(source: str, target: str) -> None:
    """Rename `source` to `target` (in the same file system) and make the rename survive a crash."""
    os.rename(source, target)
    _sync_folder(os.path.dirname(target) or ".")
    if os.path.dirname(source) != os.path.dirname(target):
        _sync_folder(os.path.dirname(source) or ".")


def _stat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _copy_permissions(descriptor: int, existing: os.stat_result) -> None:
    """Give the new file the old one's mode and, if allowed, its owner: a rewrite changes content, not access."""
    if os.name != "posix":
        return
    if (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(descriptor, existing.st_uid, existing.st_gid)
        except PermissionError:
            pass  # only root may give a file away; the content is still saved
    os.fchmod(descriptor, existing.st_mode & 0o7777)  # after fchown, which may clear set-id bits


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; Windows has no directory handles to sync, and needs none."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
