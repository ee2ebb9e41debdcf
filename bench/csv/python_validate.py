#!/usr/bin/env python3
"""The CSV benchmark's Python side: reads a roster with the csv module and makes the checks
`rollcall validate` makes on it: email shape, level valid for its resource, one level per group and
resource, duplicate emails (case-insensitive). Prints one JSON line: rows, errors, seconds.

usage: python_validate.py ROSTER.csv
"""
import csv
import json
import sys
import time

LEVELS = {"cluster_level": {"CAN_ATTACH_TO", "CAN_RESTART", "CAN_MANAGE"},
          "warehouse_level": {"CAN_USE", "CAN_MONITOR", "CAN_MANAGE", "IS_OWNER"}}
FORBIDDEN = set(' "<>()[]\\,;:')


def email_problem(email):
    if not email:
        return "empty"
    if len(email) > 254:
        return "too long"
    if any(c in FORBIDDEN or ord(c) < 0x20 for c in email):
        return "bad character"
    local, at, domain = email.rpartition("@")
    if not at or not local or "@" in local:
        return "needs exactly one @"
    if "." not in domain or domain.startswith(".") or domain.endswith(".") or ".." in domain:
        return "domain"
    return None


def main():
    start = time.monotonic()
    errors, rows = 0, 0
    seen = {}
    group_levels = {}
    with open(sys.argv[1], newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [h.strip().lower() for h in next(reader)]
        column = {name: header.index(name) for name in ("email", "name", "group") + tuple(LEVELS)}
        for line, row in enumerate(reader, start=2):
            rows += 1
            email = row[column["email"]].strip().lower()
            if email_problem(email):
                errors += 1
            if email in seen:
                errors += 1
            else:
                seen[email] = line
            group = row[column["group"]].strip() or "workshop-users"
            for name, valid in LEVELS.items():
                level = row[column[name]].strip().upper().replace(" ", "_")
                if level and level != "NONE" and level not in valid:
                    errors += 1
                key = (group, name)
                if group_levels.setdefault(key, level) != level:
                    errors += 1
    print(json.dumps({"rows": rows, "errors": errors, "seconds": round(time.monotonic() - start, 3)}))


if __name__ == "__main__":
    main()
