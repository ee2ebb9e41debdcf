"""The sandbox's API families and realistic rates, to turn /sandbox/stats into a time floor.

A copy of Sources/WorkspaceSandbox/Faults/APIFamily.swift (`classify` and `requestsPerSecond`):
keep the two in step. Python rather than a Swift helper so that the benchmark needs no second
release build of the package.
"""

RATES = {
    "scimReads": 255.0 / 60.0,
    "scimWrites": 10.0,
    "permissionsReads": 100.0,
    "permissionsWrites": 30.0,
    "sqlStatements": 10.0,
    "lookups": 20.0,
    "unityCatalog": 30.0,
    "accountSCIMReads": 20.0,
    "accountSCIMWrites": 5.0,
    "accountSCIMPatches": 2.0,
}

LOOKUP_PREFIXES = ("/api/2.0/clusters", "/api/2.1/clusters", "/api/2.0/sql/warehouses", "/api/2.0/workspace",
                   "/api/2.0/serving-endpoints")


def _under(path, prefix):
    return path == prefix or path.startswith(prefix + "/")


def classify(method, path):
    """APIFamily.classify: the family of a request, or None when the sandbox does not limit it."""
    is_read = method in ("GET", "HEAD")
    if _under(path, "/api/2.0/preview/scim/v2"):
        return "scimReads" if is_read else "scimWrites"
    if _under(path, "/api/2.0/permissions"):
        return "permissionsReads" if is_read else "permissionsWrites"
    if _under(path, "/api/2.0/sql/statements"):
        return "sqlStatements"
    if any(_under(path, prefix) for prefix in LOOKUP_PREFIXES):
        return "lookups"
    if _under(path, "/api/2.1/unity-catalog") or _under(path, "/api/2.0/unity-catalog"):
        return "unityCatalog"
    segments = [s for s in path.split("/") if s]
    if len(segments) >= 5 and segments[:3] == ["api", "2.0", "accounts"] and segments[4] == "scim":
        return {"GET": "accountSCIMReads", "HEAD": "accountSCIMReads", "PATCH": "accountSCIMPatches"}.get(
            method, "accountSCIMWrites")
    return None


def served_per_family(by_route):
    """Served requests per family from the stats' byRoute (`METHOD /route/{template}` keys)."""
    families = {}
    for route, count in by_route.items():
        method, _, path = route.partition(" ")
        family = classify(method, path)
        if family:
            families[family] = families.get(family, 0) + count
    return families


def floor_seconds(by_route):
    """Sum over families of served requests / the family's rate: the least time a client that
    never overlaps two families could take (the issue's definition of the floor)."""
    return sum(count / RATES[family] for family, count in served_per_family(by_route).items())
