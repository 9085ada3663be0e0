"""The `streak` command line; it never imports Textual, so it stays fast enough for a shell prompt."""
