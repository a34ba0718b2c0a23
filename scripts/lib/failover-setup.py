#!/usr/bin/env python3
"""Work for the failover test (#18): an order with COUNT actions for school № 5, made by
the coordinator through the proxy; prints the school's assignment ids, one a line.

Usage: failover-setup.py BASE_URL COORDINATOR_TOKEN SCHOOL_TOKEN COUNT
"""
import json
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request

base, coordinator, school_token, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE


def call(method, path, token, body=None):
    request = urllib.request.Request(
        base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30, context=context) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path}: {error.code} {error.read().decode()[:500]}")


def organization(name):
    found = call("GET", "/v1/organizations?" + urllib.parse.urlencode({"q": name}), coordinator)
    return found["items"][0]["id"]


committee = organization("Комитет образования администрации города Тамбова")
school = organization("МАОУ СОШ № 5")
order = call("POST", "/v1/orders", coordinator, {"number": "1001", "date": "2026-11-01", "issuer_id": committee,
                                                   "title": "Проверка отказоустойчивости"})
goal = call("POST", f"/v1/orders/{order['id']}/goals", coordinator, {"title": "Отчёты школ"})
for number in range(1, count + 1):
    call("POST", f"/v1/goals/{goal['id']}/actions", coordinator,
         {"title": f"Мероприятие {number}", "deadline": "Декабрь 2026", "executor_ids": [school]})
ids, cursor = [], None
while True:
    query = {"order_id": order["id"], "limit": "100"}
    if cursor:
        query["cursor"] = cursor
    page = call("GET", "/v1/assignments?" + urllib.parse.urlencode(query), school_token)
    ids += [item["id"] for item in page["items"]]
    cursor = page.get("next_cursor")
    if not cursor:
        break
print("\n".join(ids))
