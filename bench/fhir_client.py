#!/usr/bin/env python3
"""Registers a canonical records.csv through the FHIR face, one POST /fhir/Patient per record over one HTTP
connection, then asks $ihe-pix for every record's person and writes registry,local_id,person_id (score.py's
clusters). Standard library only. Usage: fhir_client.py BASE_URL API_KEY records.csv clusters.csv
(bench/mllp_client.py reads its persons back with pix_clusters)."""
import csv, datetime, http.client, json, sys, time, urllib.parse

REGISTRY = "urn:mpi:registry:"


class Fhir:
    def __init__(self, base, key):
        url = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port)
        # handling=lenient: a field the service cannot use is set aside (with a warning issue), as `load` asks over gRPC.
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/fhir+json", "Prefer": "handling=lenient"}

    def call(self, method, path, body=None):
        """One request; shed (503) ones are sent again after the Retry-After the service asks for, as an engine would."""
        self.shed = getattr(self, "shed", 0)
        while True:
            self.conn.request(method, path, body=None if body is None else json.dumps(body), headers=self.headers)
            response = self.conn.getresponse()
            content = response.read()
            if response.status != 503: return response.status, content
            self.shed += 1
            time.sleep(float(response.getheader("Retry-After", "1")))

def patient(row):
    p = {"resourceType": "Patient", "identifier": [{"system": REGISTRY + row["registry"], "value": row["local_id"]}]}
    given = [g for g in (row["given_name"], row["middle_name"]) if g]
    name = {k: v for k, v in (("family", row["family_name"]), ("given", given), ("suffix", [row["suffix"]] if row["suffix"] else [])) if v}
    if name: p["name"] = [name]
    b = row["birth_date"]
    # FHIR dates are ISO; FEBRL writes YYYYMMDD, which the gRPC contract takes as it is. A FEBRL date that is no date
    # (19450493) cannot be sent as a FHIR date at all: an interface engine leaves it out, as `load` has it set aside.
    if len(b) == 8 and b.isdigit():
        try: b = datetime.date(int(b[:4]), int(b[4:6]), int(b[6:])).isoformat()
        except ValueError: b = ""
    if b: p["birthDate"] = b
    gender = {"M": "male", "F": "female", "m": "male", "f": "female"}.get(row["sex"])
    if gender: p["gender"] = gender
    lines = [l for l in (row["address_line"], row["address_line2"]) if l]
    address = {k: v for k, v in (("line", lines), ("city", row["city"]), ("state", row["state"]), ("postalCode", row["postal_code"])) if v}
    if address: p["address"] = [address]
    telecom = [{"system": s, "value": row[f]} for s, f in (("phone", "phone"), ("email", "email")) if row[f]]
    if telecom: p["telecom"] = telecom
    if row["national_id"]:
        p["identifier"].append({"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "NI"}]}, "value": row["national_id"]})
    return p


def report(name, rows, latencies, failed, elapsed, shed):
    latencies.sort()
    print(f"{name} records={len(rows)} failed={failed} per_second={len(rows) / elapsed:.0f} "
          f"p50_ms={latencies[len(latencies) // 2] * 1000:.2f} p99_ms={latencies[int(len(latencies) * 0.99)] * 1000:.2f} shed_and_retried={shed}")


def pix_clusters(fhir, rows, clusters_path):
    """Every record's person, read back through $ihe-pix, as score.py's clusters file."""
    with open(clusters_path, "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["registry", "local_id", "person_id"])
        for row in rows:
            query = urllib.parse.urlencode({"sourceIdentifier": f"{REGISTRY}{row['registry']}|{row['local_id']}"})
            status, body = fhir.call("GET", f"/fhir/Patient/$ihe-pix?{query}")
            if status != 200:
                print(f"pix {row['registry']}/{row['local_id']}: HTTP {status}", file=sys.stderr)
                sys.exit(1)
            target = next(p for p in json.loads(body)["parameter"] if p["name"] == "targetId")["valueReference"]["reference"]
            writer.writerow([row["registry"], row["local_id"], target.rsplit("/", 1)[1]])


if __name__ == "__main__":
    base, key, records_path, clusters_path = sys.argv[1:5]
    fhir = Fhir(base, key)
    rows = list(csv.DictReader(open(records_path, newline="")))
    latencies, failed = [], 0
    started = time.perf_counter()
    for row in rows:
        t = time.perf_counter()
        status, body = fhir.call("POST", "/fhir/Patient", patient(row))
        latencies.append(time.perf_counter() - t)
        if status not in (200, 201):
            failed += 1
            if failed <= 5: print(f"{row['registry']}/{row['local_id']}: HTTP {status} {body[:300]!r}", file=sys.stderr)
    report("fhir_register", rows, latencies, failed, time.perf_counter() - started, fhir.shed)
    pix_clusters(fhir, rows, clusters_path)
