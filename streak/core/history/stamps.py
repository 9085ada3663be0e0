"""Change times: the store stamps what an edit created, so synced copies can later be merged record by record."""

from streak.core.history.model import History, Stamp


def stamped(history: History, stamp: Stamp) -> History:
    """`history` with every record that has no change time yet given `stamp`; records already stamped are kept as they are."""
    settings = history.settings
    if settings.week_start_changed is None or settings.units_changed is None:
        settings = settings._replace(
            week_start_changed=settings.week_start_changed or stamp, units_changed=settings.units_changed or stamp
        )
    return history._replace(
        sessions=_stamp_all(history.sessions, stamp),
        goal_changes=_stamp_all(history.goal_changes, stamp),
        rest_periods=_stamp_all(history.rest_periods, stamp),
        removals=_stamp_all(history.removals, stamp),
        settings=settings,
    )


def _stamp_all(records: tuple, stamp: Stamp) -> tuple:
    if all(record.changed is not None for record in records):
        return records  # the usual case: keep the very same tuple, so the writer sees nothing changed
    return tuple(record if record.changed is not None else record._replace(changed=stamp) for record in records)
