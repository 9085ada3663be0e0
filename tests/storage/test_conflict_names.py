"""Dropbox's conflict copy names as SPEC.md gives them: brackets inside the brackets, and ` (1)` after them."""

from datetime import date
from pathlib import Path

import pytest

from streak.storage.sync.conflicts import find_conflict_copies


@pytest.mark.parametrize(
    "name",
    [
        "legs (Ann (Laptop)'s conflicted copy 2026-11-20).json",
        "legs (Ann (Laptop)'s conflicted copy 2026-11-20) (1).json",
        "legs (Ann's conflicted copy 2026-11-20) (12).json",
    ],
)
def test_dropbox_copies_with_brackets_in_the_device_name_or_a_number_after_are_found(tmp_path: Path, name: str) -> None:
    (tmp_path / "legs.json").write_text("{}")
    (tmp_path / name).write_text("{}")
    [copy] = find_conflict_copies(str(tmp_path / "legs.json"))
    assert (copy.name, copy.tool, copy.made) == (name, "Dropbox", date(2026, 11, 20))


@pytest.mark.parametrize(
    "name",
    [
        "legs (2) (Ann's conflicted copy 2026-11-20).json",  # a copy of `legs (2).json`
        "legs (Ann (Laptop)'s conflicted copy 2026-11-20) (1).txt",
        "legs (Ann (Laptop's conflicted copy 2026-11-20).json",  # a bracket never closed: not Dropbox's
        "legs (Ann (Laptop)'s conflicted copy 2026-11-20) (1) (2).json",
        "legsx (Ann (Laptop)'s conflicted copy 2026-11-20).json",
    ],
)
def test_names_that_only_look_like_this_files_dropbox_copy_are_ignored(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("{}")
    assert find_conflict_copies(str(tmp_path / "legs.json")) == []
