"""Replace a file so that a crash at any moment leaves either the old bytes or the new ones, never a mix.

The standard library's `tempfile` is avoided on purpose: it costs ~7 ms to import, and a fixed
temporary name is safe here because every writer holds the data file's lock.
"""

import os


def temporary_path(path: str) -> str:
    """Where the next version of `path` is written before it replaces `path`."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.tmp")


def write_atomically(path: str, data: bytes) -> None:
    """Write `data` to `path` durably: temp file, flush, fsync, rename over, fsync the folder."""
    temporary = temporary_path(path)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
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
