"""The game's rules: weeks, the streak walk, the status figures, badges, XP and what a check-in earns."""
