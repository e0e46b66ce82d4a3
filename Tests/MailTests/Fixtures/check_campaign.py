"""Reads back every message of a `vitrine mail` folder with Python's own e-mail parser (policy=default) and
checks it against what was meant. Prints one JSON object: counts and the first problems found.

usage: check_campaign.py MAIL_FOLDER EXPECTED.json
EXPECTED.json: {"recipients": {"<customer id>": {"address": ..., "name": ..., "subject": ..., "locale": ...,
                 "tracking": true|false}}, "sender": "news@…", "list_id": "<…>"}
"""
import csv
import email
import email.policy
import json
import os
import re
import sys
from email.header import decode_header, make_header

folder, expected_path = sys.argv[1], sys.argv[2]
expected = json.load(open(expected_path, encoding="utf-8"))
problems = []
counts = {"messages": 0, "rtl": 0, "pixels": 0, "encoded_words": 0}
message_ids = set()


def problem(file, text):
    if len(problems) < 20:
        problems.append(f"{file}: {text}")


rows = list(csv.DictReader(open(os.path.join(folder, "manifest.csv"), encoding="utf-8", newline="")))
if sorted(r["recipient"] for r in rows) != sorted(expected["recipients"]):
    problem("manifest.csv", "recipients differ from the expected audience")
files = sorted(f for f in os.listdir(folder) if f.endswith(".eml"))
if sorted(r["file"] for r in rows) != files:
    problem("manifest.csv", "files differ from the .eml files in the folder")

for row in rows:
    file = row["file"]
    raw = open(os.path.join(folder, file), "rb").read()
    counts["messages"] += 1
    want = expected["recipients"].get(row["recipient"])
    if want is None:
        problem(file, "not an expected recipient")
        continue
    if int(row["bytes"]) != len(raw):
        problem(file, "manifest bytes differ")
    # Wire form: CRLF everywhere, 7-bit, no line over 998 octets, header lines folded under 78 columns.
    if b"\r\n" not in raw or re.search(rb"(?<!\r)\n", raw) or re.search(rb"\r(?!\n)", raw):
        problem(file, "a bare CR or LF")
    if any(b > 0x7F for b in raw):
        problem(file, "an 8-bit octet")
    head, _, body = raw.partition(b"\r\n\r\n")
    for line in raw.split(b"\r\n"):
        if len(line) > 998:
            problem(file, "a line over 998 octets")
    for line in head.split(b"\r\n"):
        # RFC 5322 §2.1.1: 78 is a SHOULD; only a token with no space to fold at (a long URL) may run past it.
        tokens = line.strip().split(b" ")
        unbreakable = len(tokens) == 1 or (len(tokens) == 2 and tokens[0].endswith(b":"))
        if len(line) > 78 and not unbreakable:
            problem(file, f"a header line of {len(line)} columns")
        for word in re.findall(rb"=\?[^?]+\?[bBqQ]\?[^?]*\?=", line):
            counts["encoded_words"] += 1
            if len(word) > 75:
                problem(file, "an encoded word over 75 characters")

    message = email.message_from_bytes(raw, policy=email.policy.default)
    if message.defects:
        problem(file, f"defects {message.defects}")
    parts = [part for part in message.walk() if not part.is_multipart()]
    if message.get_content_type() != "multipart/alternative":
        problem(file, "not multipart/alternative")
    if [p.get_content_type() for p in parts] != ["text/plain", "text/html"]:
        problem(file, f"parts {[p.get_content_type() for p in parts]}")
        continue
    for part in parts:
        if part.defects:
            problem(file, f"part defects {part.defects}")
        if part.get_content_charset() != "utf-8" or part["Content-Transfer-Encoding"] != "quoted-printable":
            problem(file, "a part that is not utf-8 quoted-printable")
    text, html = parts[0].get_content(), parts[1].get_content()

    # Headers, read two ways (the header registry, and decode_header on the raw value).
    for name in ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "List-Unsubscribe",
                 "List-Unsubscribe-Post", "List-Id", "Feedback-ID"]:
        if message[name] is None:
            problem(file, f"no {name}")
    to = message["To"].addresses[0]
    if to.addr_spec != want["address"]:
        problem(file, "To address differs")
    raw_to = str(make_header(decode_header(message.get("To").__str__())))
    legacy_to = str(make_header(decode_header(email.message_from_bytes(raw, policy=email.policy.compat32)["To"])))
    if want["name"] and want["name"] not in legacy_to:
        problem(file, "To display name differs (decode_header)")
    if str(message["Subject"]) != want["subject"]:
        problem(file, "Subject differs")
    legacy_subject = str(make_header(decode_header(email.message_from_bytes(raw, policy=email.policy.compat32)["Subject"])))
    if legacy_subject != want["subject"]:
        problem(file, "Subject differs (decode_header)")
    if message["From"].addresses[0].addr_spec != expected["sender"]:
        problem(file, "From differs")
    if message["Message-ID"] in message_ids:
        problem(file, "Message-ID repeated")
    message_ids.add(message["Message-ID"])
    if message["Message-ID"].strip("<>") != row["message_id"]:
        problem(file, "Message-ID differs from the manifest")
    if message["Date"].datetime is None:
        problem(file, "Date does not parse")
    unsubscribe = str(message["List-Unsubscribe"])
    if not re.search(r"<https://[^>]+/unsubscribe/\?vt=[A-Za-z0-9_-]+>", unsubscribe) or "<mailto:" not in unsubscribe:
        problem(file, "List-Unsubscribe lacks an https or a mailto URI")
    if str(message["List-Unsubscribe-Post"]) != "List-Unsubscribe=One-Click":
        problem(file, "List-Unsubscribe-Post is not exact")
    if str(message["List-Id"]) != expected["list_id"]:
        problem(file, "List-Id differs")

    # Bodies: the language and direction, a real text part, personal content, tracking only with consent.
    lang = want["locale"]
    if f'lang="{lang}"' not in html:
        problem(file, "html lang differs")
    if lang == "fa":
        if 'dir="rtl"' not in html:
            problem(file, "a Persian message without dir=rtl")
        counts["rtl"] += 1
    if re.search(r"<[a-zA-Z/][^>]*>", text):
        problem(file, "HTML tags in the text part")
    if "&amp;" in text or "&#" in text:
        problem(file, "HTML escapes in the text part")
    if want["first_name"] and want["first_name"] not in text or want["first_name"] and want["first_name"] not in html:
        problem(file, "the first name is missing from a part")
    pixel = "/px.gif?vt=" in html
    counts["pixels"] += pixel
    if pixel != want["tracking"]:
        problem(file, "an open pixel without tracking consent" if pixel else "no open pixel despite consent")
    if not want["tracking"] and "vt=" in re.sub(r"/(unsubscribe|privacy)/\?vt=[A-Za-z0-9_-]+", "", html + text):
        problem(file, "a tracking token without tracking consent")
    if "utm_medium=email" not in html or "utm_campaign=" not in text:
        problem(file, "links without UTM parameters")
    if want["address"] in html or want["address"] in text:
        problem(file, "the recipient's address in a body")

json.dump({"counts": counts, "problems": problems}, sys.stdout)
