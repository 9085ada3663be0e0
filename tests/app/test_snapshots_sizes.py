"""Views at the sizes around 80x24: the notice below it, and the wide layouts above it."""

import pytest


@pytest.mark.parametrize("size", [(120, 40), (200, 40)])
def test_badges_wide(snap_compare, app, size: tuple[int, int]) -> None:  # noqa: ANN001
    """The badge table with what earns each badge as its last column."""
    assert snap_compare(app, press=["b"], terminal_size=size)


def test_too_small(snap_compare, app) -> None:  # noqa: ANN001
    """At 60x20 the notice naming the size needed, instead of a clipped view."""
    assert snap_compare(app, terminal_size=(60, 20))


def test_keys_on_history(snap_compare, app) -> None:  # noqa: ANN001
    """The keys screen over History at 80x24: every key, one line each."""
    assert snap_compare(app, press=["h", "question_mark"], terminal_size=(80, 24))
