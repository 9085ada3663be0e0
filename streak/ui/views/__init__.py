"""The app's views (Today, History, Lifts, Badges, Goal) with their shared base, the keys screen and the data-problem screen."""
