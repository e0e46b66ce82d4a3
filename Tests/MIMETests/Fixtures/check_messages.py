#!/usr/bin/env python3
"""Reads back the messages MIMETests wrote, with Python's own e-mail parser (stdlib only).

    python3 check_messages.py DIR

DIR holds NNN.eml files and manifest.json: a list of {file, from_name, from_addr, to_name, to_addr, subject,
text, html, reply_to?}. Every check that fails is printed as one JSON object {"file", "check", "detail"} per line;
the exit status is 0 when nothing failed, 1 otherwise.

Checks: no parser defects on the message or any part; structure exactly [text/plain, text/html], utf-8,
quoted-printable; decoded bodies equal the inputs (line ends normalised); From, To and Subject equal the inputs
through the header registry and through the legacy decode_header()+make_header() on the raw header (the registry
keeps the white space between adjacent encoded words of a display name, against RFC 2047 6.2, so a display name
with several words is held to the legacy path only); every line ends in CRLF and is at most 998 octets; header
lines at most 78 unless one unbreakable token fills them; every octet 7-bit; no line starting with '.' or 'From '; every encoded word at most 75 characters; Date parses; Message-ID unique;
List-Unsubscribe-Post exact when present.
"""
import json
import os
import re
import sys
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesParser
from email.utils import parseaddr

EW = re.compile(rb"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def raw_header(head, name):
    match = re.search(rb"^" + re.escape(name.encode()) + rb":(.*?)\r\n(?=\S)", head + b"\r\nX", re.S | re.M)
    if match is None:
        return None
    # Unfold (RFC 5322 2.2.3), then drop the one space after the colon.
    value = match.group(1).decode("ascii").replace("\r\n", "")
    return value[1:] if value.startswith(" ") else value


def collapse(text):
    return re.sub(r"\s+", " ", text)


def legacy(value):
    return str(make_header(decode_header(value)))


def check(path, expected, failures, seen_ids):
    name = os.path.basename(path)

    def fail(check_name, detail=""):
        failures.append({"file": name, "check": check_name, "detail": detail})

    with open(path, "rb") as handle:
        raw = handle.read()
    if raw.count(b"\n") != raw.count(b"\r\n") or raw.count(b"\r") != raw.count(b"\r\n") or not raw.endswith(b"\r\n"):
        fail("crlf")
    lines = raw.split(b"\r\n")
    if max(len(line) for line in lines) > 998:
        fail("line_gt_998")
    if any(byte > 127 for byte in raw):
        fail("not_7bit")
    # Robustness beyond the RFCs: nothing for SMTP dot-stuffing or an mbox writer to change.
    if any(line.startswith(b".") or line.startswith(b"From ") for line in lines):
        fail("dot_or_from_line")
    head = raw.split(b"\r\n\r\n", 1)[0]
    for line in head.split(b"\r\n"):
        # Only a line holding one token that has no place to fold (a long URL) may pass 78.
        token = line.split(b":", 1)[1] if line[:1] not in (b" ", b"\t") else line
        if len(line) > 78 and b" " in token.strip():
            fail("header_line_gt_78", line.decode("ascii", "replace"))
    for word in EW.findall(head):
        if len(word) > 75:
            fail("ew_too_long", word.decode("ascii"))

    msg = BytesParser(policy=policy.default).parsebytes(raw)
    defects = [repr(d) for part in msg.walk() for d in part.defects]
    if defects:
        fail("parse_defects", "; ".join(defects))
    parts = list(msg.iter_parts())
    if not (msg.get_content_type() == "multipart/alternative" and len(parts) == 2
            and [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
            and all(p.get_content_charset() == "utf-8" for p in parts)
            and all(p["Content-Transfer-Encoding"] == "quoted-printable" for p in parts)):
        fail("structure")
        return
    for part, key in zip(parts, ["text", "html"]):
        content = part.get_content().replace("\r\n", "\n")
        if content != expected[key].replace("\r\n", "\n"):
            fail(key, "%r != %r" % (content[:200], expected[key][:200]))

    for header, prefix in [("From", "from"), ("To", "to"), ("Reply-To", "reply_to")]:
        if prefix + "_addr" not in expected:
            continue
        want_name, want_addr = expected[prefix + "_name"], expected[prefix + "_addr"]
        addresses = msg[header].addresses
        if len(addresses) != 1 or addresses[0].addr_spec != want_addr:
            fail(prefix + "_addr", str(msg[header]))
        # The registry reads adjacent encoded words of a phrase with the folding white space kept (a CPython bug);
        # it is held to the exact name when the name is a single encoded word or plain text.
        raw_value = raw_header(head, header)
        single_word = len(EW.findall(raw_value.encode())) <= 1
        # It also makes each run of white space in a phrase one space (which RFC 5322 3.2.2 allows between
        # tokens); the legacy path below holds the name to every space.
        if single_word and (len(addresses) != 1 or collapse(addresses[0].display_name) != collapse(want_name)):
            fail(prefix + "_name_registry", "%r != %r" % (addresses[0].display_name if addresses else None, want_name))
        decoded = legacy(raw_value)
        want = "%s <%s>" % (want_name, want_addr) if want_name else want_addr
        if decoded != want:
            # make_header renders a quoted-string with its quotes: compare through parseaddr.
            if parseaddr(decoded) != (want_name, want_addr):
                fail(prefix + "_legacy", "%r != %r" % (decoded, want))
        if want_name and not want_name.isascii() and "=?utf-8?" not in raw_value:
            fail(prefix + "_ew_missing")

    raw_subject = raw_header(head, "Subject")
    if msg["Subject"] != expected["subject"]:
        fail("subject_registry", "%r != %r" % (str(msg["Subject"]), expected["subject"]))
    if legacy(raw_subject) != expected["subject"]:
        fail("subject_legacy", "%r != %r" % (legacy(raw_subject), expected["subject"]))

    if "list_unsubscribe_post" in expected and str(msg["List-Unsubscribe-Post"]) != expected["list_unsubscribe_post"]:
        fail("list_unsubscribe_post", str(msg["List-Unsubscribe-Post"]))
    if "list_unsubscribe" in expected and str(msg["List-Unsubscribe"]) != expected["list_unsubscribe"]:
        fail("list_unsubscribe", str(msg["List-Unsubscribe"]))
    date = msg["Date"].datetime
    if date is None or date.tzinfo is None or int(date.timestamp()) != expected["date"]:
        fail("date", str(msg["Date"]))
    message_id = str(msg["Message-ID"])
    if message_id != "<%s>" % expected["message_id"]:
        fail("message_id", message_id)
    if message_id in seen_ids:
        fail("message_id_duplicate", message_id)
    seen_ids.add(message_id)


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    failures, seen = [], set()
    for expected in manifest:
        check(os.path.join(folder, expected["file"]), expected, failures, seen)
    for failure in failures:
        print(json.dumps(failure, ensure_ascii=False))
    print(json.dumps({"checked": len(manifest), "failures": len(failures)}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
