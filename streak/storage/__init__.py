"""The only code that touches the disk: the TinyDB data file, its lock, its backups and exchange files."""
