"""Tips: the catalogue written from the five articles, and which tip a moment gets."""
