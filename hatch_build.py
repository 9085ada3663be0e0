"""How `streak` becomes a command: a plain script where it can be, pip's launcher where it must be.

A shell prompt runs `streak status --short` before every prompt. The launcher pip writes for an
entry point imports `re` (about 7 ms: a third of the prompt's whole cost) only to tidy argv[0]
on Windows, so on other systems the wheel ships scripts/streak instead, which imports nothing
but streak. On Windows a script without an extension is no command, so there the entry point
(and pip's streak.exe) stays.
"""

import os

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

ON_WINDOWS = os.name == "nt"


class StreakCommand(MetadataHookInterface):
    def update(self, metadata: dict) -> None:
        metadata["scripts"] = {"streak": "streak.cli.main:process"} if ON_WINDOWS else {}


class StreakScript(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if not ON_WINDOWS:
            build_data["shared_scripts"]["scripts/streak"] = "streak"
