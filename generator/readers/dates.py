"""Publication dates in odd formats → ISO 8601."""

from __future__ import annotations

import datetime as dt
import re


def iso_date(value: object) -> str | None:
    """ISO 8601 form of a date given as a date, a datetime or a string in any common
    format; None when there is no date. Raises ValueError for text that is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _iso(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return _iso(dt.datetime.fromisoformat(text.replace("Z", "+00:00"))) if "T" in text or ":" in text \
            else dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    if re.fullmatch(r"\d{9,10}", text):
        # A Unix time is UTC; the date parser would read it in the machine's time zone.
        return _iso(dt.datetime.fromtimestamp(int(text), tz=dt.timezone.utc))
    import dateparser  # only for dates not in ISO form: 0.03 s of start-up otherwise

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first",
                                           # no guessed year or day: "9 April" would take the build's year
                                           "REQUIRE_PARTS": ["day", "month", "year"],
                                           # no "yesterday": a date must not depend on the day of the build
                                           "PARSERS": ["timestamp", "custom-formats", "absolute-time"]})
    if parsed is None:
        raise ValueError(f"cannot read {text!r} as a date; write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
    return _iso(parsed) if (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0) else parsed.date().isoformat()


def _iso(value: dt.datetime) -> str:
    """Aware times in UTC with a Z; naive ones as given."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat(timespec="seconds") + "Z"
    return value.isoformat(timespec="seconds")
