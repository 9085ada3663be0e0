"""The history a person keeps: sessions, goal changes, rest periods and settings, and the edits that change them."""
