"""Opening files to import: standard input, regular files, Loop's zips, folders and databases."""
