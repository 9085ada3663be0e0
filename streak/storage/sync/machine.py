"""This machine's id: made once and kept in the machine's own state folder, never in the (maybe synced) data folder.

Every change is stamped with it, so when two machines changed a record at the same millisecond
each settles the tie the same way.
"""

import os

from streak.storage.paths import user_state_dir

FILE_NAME = "machine-id"


def state_dir() -> str:
    """The platform's user state folder for streak, e.g. ~/.local/state/streak (platformdirs' rule)."""
    return user_state_dir()


def machine_id() -> str:
    """This machine's id, made on first use; a folder that cannot be written gives an id for this run only."""
    return _read_or_make(os.path.join(state_dir(), FILE_NAME))


def _read_or_make(path: str) -> str:
    try:
        with open(path, "rb") as file:  # bytes: a text file would import the ascii codec for this alone
            known = file.read().decode("ascii").strip()
        if known.isalnum() and len(known) <= 64:
            return known
    except (OSError, ValueError):
        pass
    made = os.urandom(8).hex()  # os.urandom, not uuid: the id only has to differ between a person's machines
    from streak.storage.datafile.atomic import write_atomically  # once a machine: reading the id never writes

    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        write_atomically(path, made.encode())
    except OSError:
        pass
    return made
