#!/usr/bin/env python3
"""A school submitting reports through the proxy while the database fails over (#18).

Usage: failover-client.py BASE_URL TOKEN ASSIGNMENTS_FILE OUT_JSON
Submits one report per assignment id (one a line), each with its own Idempotency-Key,
retrying every 0.2 s on a refused connection, a timeout or a 5xx answer, for up to 120 s
per report, as a careful client would. Writes what happened as JSON: each acknowledged
report's id, and the moment and kind of every failed attempt. Progress goes to
OUT_JSON + ".progress" (the count acknowledged so far), so the caller can time its fault.
"""
import json
import ssl
import sys
import time
import urllib.error
import urllib.request
import uuid

base, token, assignments_file, out = sys.argv[1:5]
assignments = [line.strip() for line in open(assignments_file) if line.strip()]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE  # the test's self-signed certificate

acknowledged = []
failures = []
for index, assignment in enumerate(assignments):
    key = str(uuid.uuid4())
    body = json.dumps({"done_on": "2026-11-30", "text": f"Отчёт {index + 1} о работе {assignment}"}).encode()
    deadline = time.monotonic() + 120
    while True:
        request = urllib.request.Request(
            f"{base}/v1/assignments/{assignment}/reports", data=body, method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Idempotency-Key": key})
        try:
            with urllib.request.urlopen(request, timeout=10, context=context) as response:
                report = json.load(response)
                acknowledged.append({"assignment": assignment, "report": report["id"], "status": response.status, "at": time.time()})
                break
        except urllib.error.HTTPError as error:
            if error.code < 500:
                failures.append({"at": time.time(), "kind": str(error.code), "detail": error.read().decode()[:300], "final": True})
                break
            failures.append({"at": time.time(), "kind": str(error.code)})
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
            failures.append({"at": time.time(), "kind": type(error).__name__})
        if time.monotonic() > deadline:
            failures.append({"at": time.time(), "kind": "gave up", "final": True})
            break
        time.sleep(0.2)
    with open(out + ".progress", "w") as progress:
        progress.write(str(len(acknowledged)))
    time.sleep(0.15)

json.dump({"acknowledged": acknowledged, "failures": failures, "submitted": len(assignments)}, open(out, "w"), ensure_ascii=False)
