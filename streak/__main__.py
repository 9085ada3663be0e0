"""Lets `python -m streak` behave exactly like the `streak` command."""

from streak.cli.main import process

raise SystemExit(process())
