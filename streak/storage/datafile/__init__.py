"""The data file itself: reading and writing its tables, the schema, atomic replacement and the lock."""
