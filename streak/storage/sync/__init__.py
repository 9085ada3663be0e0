"""Synced folders on disk: finding conflict copies, merging them, reporting them once, and this machine's id."""
