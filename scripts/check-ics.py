#!/usr/bin/env python3
"""Reads iCalendar files back with the `icalendar` package and expands their
recurring events with `dateutil.rrule`, for portal's meeting calendars.

    python3 scripts/check-ics.py FILE.ics...

Prints one JSON object per file: the UTC start of every occurrence (RRULE
expanded in the event's zone, EXDATEs removed, RECURRENCE-ID overrides applied),
sorted, and the UIDs. Exits 1 when a file breaks a rule checked here (CRLF line
ends, lines of at most 75 octets, required properties).
"""
import json
import sys
from datetime import timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar


def wall(value):
    """A property's date-time as a naive wall clock (the TZID is read separately)."""
    return value.replace(tzinfo=None)


def zone_of(prop):
    tzid = prop.params.get("TZID")
    return ZoneInfo(tzid) if tzid else timezone.utc


def dates(prop):
    """The wall clocks of an EXDATE or RDATE property (one or several lines)."""
    props = prop if isinstance(prop, list) else [prop]
    return [(wall(d.dt), zone_of(p)) for p in props for d in p.dts]


def check(path):
    raw = open(path, "rb").read()
    problems = []
    if not raw.endswith(b"\r\n") or b"\n" in raw.replace(b"\r\n", b""):
        problems.append("lines must end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            problems.append("line %d is %d octets long" % (number, len(line)))
    calendar = Calendar.from_ical(raw)
    for key in ("VERSION", "PRODID"):
        if key not in calendar:
            problems.append("VCALENDAR has no " + key)
    masters = []
    overrides = {}
    uids = []
    for event in calendar.walk("VEVENT"):
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if key not in event:
                problems.append("a VEVENT has no " + key)
        uid = str(event["UID"])
        if uid not in uids:
            uids.append(uid)
        start = event["DTSTART"]
        zone = zone_of(start)
        begin = wall(start.dt).replace(tzinfo=zone)
        if "RECURRENCE-ID" in event:
            rid = event["RECURRENCE-ID"]
            overrides[(uid, wall(rid.dt).replace(tzinfo=zone_of(rid)))] = begin
        else:
            masters.append((uid, event, begin))
    occurrences = []
    for uid, event, begin in masters:
        if "RRULE" in event:
            rule = event["RRULE"].to_ical().decode()
            instances = list(rrulestr(rule, dtstart=begin))
            excluded = set()
            if "EXDATE" in event:
                excluded = {clock.replace(tzinfo=zone) for clock, zone in dates(event["EXDATE"])}
            instances = [i for i in instances if i not in excluded]
        else:
            instances = [begin]
        for instance in instances:
            occurrences.append(overrides.pop((uid, instance), instance))
    if overrides:
        problems.append("RECURRENCE-ID of no occurrence: %s" % sorted(str(k) for k in overrides))
    utc = sorted(o.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") for o in occurrences)
    print(json.dumps({"file": path, "occurrences": utc, "uids": uids, "problems": problems}, ensure_ascii=False))
    return not problems


if __name__ == "__main__":
    ok = all([check(path) for path in sys.argv[1:]])
    sys.exit(0 if ok else 1)
