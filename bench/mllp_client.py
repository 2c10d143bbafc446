#!/usr/bin/env python3
"""Sends a canonical records.csv as HL7 v2 ADT^A04 messages over one MLLP connection, one message at a time (each
acknowledged before the next), then reads every record's person back through the FHIR face's $ihe-pix and writes
score.py's clusters. Standard library only.
Usage: mllp_client.py HOST MLLP_PORT FHIR_BASE_URL API_KEY records.csv clusters.csv"""
import csv, datetime, socket, sys, time
from fhir_client import Fhir, pix_clusters, report


def escape(value):
    # ER7's escapes for the standard delimiters; the escape character first.
    for char, sequence in (("\\", "\\E\\"), ("|", "\\F\\"), ("^", "\\S\\"), ("&", "\\T\\"), ("~", "\\R\\")):
        value = value.replace(char, sequence)
    return value


def a04(row, control_id):
    e = {k: escape(v or "") for k, v in row.items()}
    b = row["birth_date"]
    # A FEBRL date that is no date (19450493) is left out, as `load` has it set aside over gRPC.
    if len(b) == 8 and b.isdigit():
        try: datetime.date(int(b[:4]), int(b[4:6]), int(b[6:]))
        except ValueError: b = ""
    names = f"{e['family_name']}^{e['given_name']}^{e['middle_name']}^{e['suffix']}"
    address = f"{e['address_line']}^{e['address_line2']}^{e['city']}^{e['state']}^{e['postal_code']}"
    phone = f"{e['phone']}^PRN^PH" if row["phone"] else ""
    if row["email"]: phone += ("~" if phone else "") + f"^NET^Internet^{e['email']}"
    return "\r".join([
        f"MSH|^~\\&|FEBRL|{e['registry']}|MPI|MPI|20261206120000||ADT^A04^ADT_A01|{control_id}|P|2.5",
        f"PID|1||{e['local_id']}^^^{e['registry']}^MR||{names}||{escape(b)}|{e['sex']}|||{address}||{phone}||||||{e['national_id']}",
    ]) + "\r"


def send(sock, message):
    sock.sendall(b"\x0b" + message.encode("utf-8") + b"\x1c\r")
    received = b""
    while not received.endswith(b"\x1c\r"):
        chunk = sock.recv(65536)
        if not chunk: raise ConnectionError("the service closed the connection")
        received += chunk
    return received[1:-2].decode("utf-8")


if __name__ == "__main__":
    host, port, fhir_base, key, records_path, clusters_path = sys.argv[1:7]
    rows = list(csv.DictReader(open(records_path, newline="")))
    latencies, failed, shed = [], 0, 0
    with socket.create_connection((host, int(port))) as sock:
        started = time.perf_counter()
        for i, row in enumerate(rows):
            t = time.perf_counter()
            message = a04(row, f"FEBRL-{i}")
            ack = send(sock, message)
            # AR 207 "busy": the service shed it (nothing registered); an engine resends the same message a moment later.
            while "MSA|AR|" in ack and "busy" in ack:
                shed += 1
                time.sleep(0.25)
                ack = send(sock, message)
            latencies.append(time.perf_counter() - t)
            if "MSA|AA|" not in ack:
                failed += 1
                if failed <= 5: print(f"{row['registry']}/{row['local_id']}: {ack.split(chr(13))[1:]}", file=sys.stderr)
        report("mllp_register", rows, latencies, failed, time.perf_counter() - started, shed)
    pix_clusters(Fhir(fhir_base, key), rows, clusters_path)
