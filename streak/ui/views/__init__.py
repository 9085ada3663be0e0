"""The app's views (Today, History, Lifts, Badges, Goal) with their shared base, the keys and data-problem screens, and Import's flow."""
