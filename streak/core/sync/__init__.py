"""Synced folders: merging a copy of the history that another machine wrote."""
