"""Writes JSON access-log lines with Python's json encoder (the peer), and what each line must parse to.

    python3 json_lines.py OUT COUNT SEED

OUT gets one object a line (every other line with ensure_ascii, so \\uXXXX escapes and surrogate pairs, the others
raw UTF-8); OUT.expected gets, per line, address, epoch, method, target (hex of its UTF-8), status, bytes, referer
and user agent (hex), tab-separated.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

ALPHABET = ["a", "Z", "0", " ", '"', "\\", "/", "\n", "\t", "\x01", "\x7f", "é", "€", "😀", "\u2028", "?", "&", "="]
OFFSETS = [timedelta(hours=1), timedelta(hours=2), timedelta(hours=-5), timedelta(0), timedelta(hours=5, minutes=45)]


def text(r, low, high, alphabet):
    return "".join(r.choice(alphabet) for _ in range(r.randint(low, high)))


def main():
    out_path, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    r = random.Random(seed)
    with open(out_path, "w", encoding="utf-8", newline="\n") as out, open(out_path + ".expected", "w") as expected:
        for number in range(count):
            epoch = r.randint(0, 4_000_000_000)
            zone = timezone(r.choice(OFFSETS))
            when = datetime.fromtimestamp(epoch, zone).isoformat()
            target = "/p/" + text(r, 0, 12, [c for c in ALPHABET if c not in " \n\t"]) + "?vt=" + text(r, 1, 5, "ab")
            method = r.choice(["GET", "HEAD", "POST"])
            status = r.choice([200, 304, 404, 405])
            size = r.randint(0, 10**9)
            referer = r.choice(["-", "https://mail.example/?q=" + text(r, 0, 8, ALPHABET)])
            agent = text(r, 0, 30, ALPHABET)
            record = {
                "remote_addr": r.choice(["192.0.2.%d" % r.randint(0, 255), "2001:db8::%x" % r.randint(0, 65535)]),
                "time_iso8601": when,
                "request": "%s %s HTTP/2.0" % (method, target),
                "status": status if number % 3 else str(status),
                "body_bytes_sent": str(size),
                "http_referer": referer,
                "http_user_agent": agent,
                "request_time": "0.%03d" % r.randint(0, 999),
                "upstream": None,
            }
            out.write(json.dumps(record, ensure_ascii=number % 2 == 0) + "\n")
            hexed = lambda value: ("" if value == "-" else value).encode("utf-8").hex()
            fields = [record["remote_addr"], str(epoch), method, hexed(target), str(status), str(size), hexed(referer),
                      hexed(agent)]
            expected.write("\t".join(fields) + "\n")


main()
