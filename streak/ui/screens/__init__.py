"""The app's screens: the four views (Today, History, Badges, Goal), its dialogs and the data-problem screen."""
