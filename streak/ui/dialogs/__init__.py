"""Modal dialogs: check in and edit a session, confirm, rest weeks and import."""
