"""Widgets that show what their screen hands them and post messages up; none of them touches the store."""
