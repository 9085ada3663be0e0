"""Keys read together with the key that opens a screen go to that screen, once it can take them."""

from textual import events
from textual.app import App

SETTLING_REFRESHES = 120  # about two seconds of frames: a screen that has not mounted by then gets the keys anyway


class KeepsKeysForNewScreens(App[str]):
    """Holds the keys that arrive while a screen just opened is still mounting, then hands them on in order.

    Keys that reach the app in one read (typed ahead over a slow link, or sent by a script) are
    handled one after another, but a screen pushed by one of them mounts later: the keys after it
    found a screen with no field yet, and were lost ("c" then "heavy" left the note empty). The
    keys that open a screen are priority bindings, so the screen is pushed before the next key is
    looked at; this holds that next key, and any after it, until the screen has mounted.
    """

    def __init__(self) -> None:
        super().__init__()
        self._held_keys: list[events.Key] = []
        self._refreshes_waited = 0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and (self._held_keys or not self._takes_keys()):
            self._held_keys.append(event)
            if len(self._held_keys) == 1:
                self._refreshes_waited = 0
                self.call_after_refresh(self._hand_on_held_keys)
            return
        await super().on_event(event)

    def _takes_keys(self) -> bool:
        return self.screen.is_mounted

    async def _hand_on_held_keys(self) -> None:
        while self._held_keys:
            if not self._takes_keys() and self._refreshes_waited < SETTLING_REFRESHES:
                self._refreshes_waited += 1
                self.call_after_refresh(self._hand_on_held_keys)
                return
            self._refreshes_waited = 0
            await super().on_event(self._held_keys.pop(0))  # as if it had only now been read
