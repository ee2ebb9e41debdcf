#!/usr/bin/env python3
"""The seed's `onboard_workshop` flow (shared/seed/PYTHON_GUIDE.md), as the benchmark's baseline.

Strictly sequential, standard library only (urllib instead of requests), no retries, exactly the
seed's requests: one POST per user (GET by filter after a 409), group get-or-create, one membership
PATCH with every user, two lockdown PATCHes on `users`, cluster and warehouse lookups and ACL
PATCHes, and the six GRANT statements. Prints one JSON line: seconds, requests, errors.

usage: seed_baseline.py HOST TOKEN ROSTER.csv
"""
import csv
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HOST, TOKEN, ROSTER = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
SCIM = f"{HOST}/api/2.0/preview/scim/v2"
SCIM_HEADERS = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/scim+json"}
JSON_HEADERS = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
stats = {"requests": 0, "errors": 0, "first_error": None}


class HTTPError(Exception):
    def __init__(self, status, body):
        super().__init__(f"{status}: {body[:200]}")
        self.status = status


def call(method, url, headers, body=None, params=None):
    if params:
        url += "?" + urllib.parse.urlencode(params)
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    stats["requests"] += 1
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read()
            return json.loads(text) if text else {}
    except urllib.error.HTTPError as error:  # raise_for_status()
        raise HTTPError(error.code, error.read().decode(errors="replace"))


def get_user_by_email(email):
    found = call("GET", f"{SCIM}/Users", SCIM_HEADERS, params={"filter": f'userName eq "{email}"'})
    resources = found.get("Resources", [])
    return resources[0] if resources else None


def create_users_bulk(emails):
    results = {}
    for email in emails:
        try:
            user = call("POST", f"{SCIM}/Users", SCIM_HEADERS,
                        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": email})
            results[email] = user["id"]
        except HTTPError as error:
            if error.status != 409:
                raise
            existing = get_user_by_email(email)
            if existing:
                results[email] = existing["id"]
    return results


def get_group_by_name(name):
    found = call("GET", f"{SCIM}/Groups", SCIM_HEADERS, params={"filter": f'displayName eq "{name}"'})
    resources = found.get("Resources", [])
    return resources[0] if resources else None


def patch_group(group_id, operation):
    call("PATCH", f"{SCIM}/Groups/{group_id}", SCIM_HEADERS,
         {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [operation]})


def acl(path, group, level):
    call("PATCH", f"{HOST}/api/2.0/permissions/{path}", JSON_HEADERS,
         {"access_control_list": [{"group_name": group, "permission_level": level}]})


def onboard_workshop(emails):
    group_name = "workshop-users"
    user_map = create_users_bulk(emails)
    group = get_group_by_name(group_name)
    if not group:
        group = call("POST", f"{SCIM}/Groups", SCIM_HEADERS,
                     {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": group_name})
    patch_group(group["id"], {"op": "add", "path": "members", "value": [{"value": i} for i in user_map.values()]})
    users_group = get_group_by_name("users")
    if users_group:
        for entitlement in ("allow-cluster-create", "allow-instance-pool-create"):
            patch_group(users_group["id"], {"op": "remove", "path": f'entitlements[value eq "{entitlement}"]'})
    clusters = call("GET", f"{HOST}/api/2.0/clusters/list", JSON_HEADERS).get("clusters", [])
    cluster_id = next((c["cluster_id"] for c in clusters if c["cluster_name"] == "Small Spark 4.0"), None)
    if cluster_id:
        acl(f"clusters/{cluster_id}", group_name, "CAN_ATTACH_TO")
    warehouses = call("GET", f"{HOST}/api/2.0/sql/warehouses", JSON_HEADERS).get("warehouses", [])
    warehouse_id = next((w["id"] for w in warehouses if w["name"] == "Starter Warehouse"), None)
    if warehouse_id:
        acl(f"sql/warehouses/{warehouse_id}", group_name, "CAN_USE")
        for privilege in ("USE CATALOG", "USE SCHEMA", "SELECT", "READ VOLUME", "BROWSE"):
            call("POST", f"{HOST}/api/2.0/sql/statements", JSON_HEADERS,
                 {"warehouse_id": warehouse_id, "wait_timeout": "30s",
                  "statement": f"GRANT {privilege} ON CATALOG `aws-databricks-neo4j-lab` TO `{group_name}`"})
        call("POST", f"{HOST}/api/2.0/sql/statements", JSON_HEADERS,
             {"warehouse_id": warehouse_id, "wait_timeout": "30s",
              "statement": f"GRANT USE CONNECTION ON CONNECTION `neo4j_mcp` TO `{group_name}`"})


def main():
    with open(ROSTER, newline="", encoding="utf-8-sig") as handle:
        emails = [row["email"].strip().lower() for row in csv.DictReader(handle)]
    start = time.monotonic()
    try:
        onboard_workshop(emails)
    except Exception as error:  # the seed stops at the first error; so does the baseline
        stats["errors"] += 1
        stats["first_error"] = str(error)
    stats["seconds"] = round(time.monotonic() - start, 3)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
