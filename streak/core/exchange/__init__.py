"""Import and export: streak's own export formats, adding an import's days, the preview, and other trackers' files."""
