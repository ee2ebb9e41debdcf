#!/usr/bin/env python3
"""Writes the CSV benchmark's roster: ROWS rows of email, a quoted name holding a comma, group and
two levels, CRLF line ends. Every row is valid and unique, so both validators read it all.
Levels follow the group (rows of one group must agree on them).

usage: generate.py ROWS OUT.csv
"""
import sys

GROUPS = [("workshop-users", "CAN_ATTACH_TO", "CAN_USE"), ("instructors", "CAN_RESTART", "CAN_MONITOR"),
          ("team-a", "can attach to", "Can Use"), ("team-b", "", "")]


def main():
    rows, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w", newline="", encoding="utf-8") as out:
        out.write("email,name,group,cluster_level,warehouse_level\r\n")
        lines = []
        for index in range(rows):
            group, cluster, warehouse = GROUPS[index % len(GROUPS)]
            lines.append(f'participant{index}@example.org,"Surname{index}, First {index}",{group},'
                         f'{cluster},{warehouse}\r\n')
            if len(lines) == 10000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


if __name__ == "__main__":
    main()
