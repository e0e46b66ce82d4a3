#!/usr/bin/env python3
"""A real SMTP server for SMTPTests, built on aiosmtpd, on 127.0.0.1 only.

Binds port 0 and prints "PORT <n>" on stdout once it listens; runs until SIGTERM.

    --save-dir DIR        every message to DIR/000001.eml ...: one line of JSON envelope
                          ({"from", "to", "mail_options"}), a LF, then the received bytes as the server
                          un-dot-stuffed them
    --defer ADDR          answer "451 4.2.0" to the first --defer-count RCPTs of ADDR, then 250 (repeatable)
    --reject ADDR         answer a two-line 550 5.1.1 to every RCPT of ADDR (repeatable)
    --reject-sender ADDR  answer "550 5.7.1" to MAIL FROM:<ADDR>
    --no-pipelining       do not offer PIPELINING (it is offered by default)
    --no-8bitmime         do not offer 8BITMIME
    --size N              offer SIZE N (and enforce it); 0 offers no SIZE
    --stall               never answer the final "." of DATA
    --close-in-data       close the connection after the message, before the final reply
    --close-after-each    answer each message's final ".", then close the session at its next MAIL, unanswered
    --no-ehlo             answer 502 to EHLO (clients fall back to HELO)
    --greeting-554        a raw server that greets "554 5.3.2 no service here" and then answers QUIT
"""
import argparse
import asyncio
import json
import os
import signal

from aiosmtpd.smtp import SMTP


class Handler:
    def __init__(self, args):
        self.args = args
        self.count = 0
        self.attempts = {}

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        keep = [r for r in responses[1:-1] if not (self.args.no_8bitmime and r.endswith("8BITMIME"))]
        if not self.args.no_pipelining:
            keep.append("250-PIPELINING")
        keep.append("250-ENHANCEDSTATUSCODES")
        return [responses[0]] + keep + ["250 HELP"]

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address == self.args.reject_sender:
            return "550 5.7.1 that sender is not welcome"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in (self.args.reject or []):
            return "550-5.1.1 that mailbox is unknown here\r\n550 5.1.1 and nowhere else either"
        if address in (self.args.defer or []):
            seen = self.attempts.get(address, 0) + 1
            self.attempts[address] = seen
            if seen <= self.args.defer_count:
                return "451 4.2.0 try again later"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.args.stall:
            await asyncio.sleep(3600)
        if self.args.close_in_data:
            server.transport.close()
            return "421 4.3.0 closing"  # never reaches the client: the transport is closed
        self.count += 1
        if self.args.close_after_each:
            session.close_at_mail = True
        if self.args.save_dir:
            head = json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                               "mail_options": envelope.mail_options})
            path = os.path.join(self.args.save_dir, "%06d.eml" % self.count)
            with open(path + ".tmp", "wb") as f:
                f.write(head.encode() + b"\n" + envelope.original_content)
            os.replace(path + ".tmp", path)
        return "250 2.0.0 OK queued as %d" % self.count


async def greeting_554(reader, writer):
    writer.write(b"554 5.3.2 no service here\r\n")
    await writer.drain()
    while True:
        line = await reader.readline()
        if not line:
            break
        if line.upper().startswith(b"QUIT"):
            writer.write(b"221 2.0.0 bye\r\n")
            await writer.drain()
            break
        writer.write(b"503 5.5.1 no service here\r\n")
        await writer.drain()
    writer.close()


def main():
    # A child of a thread that blocks signals (a Swift test's worker) inherits the mask: SIGTERM would never arrive.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    ap = argparse.ArgumentParser()
    ap.add_argument("--save-dir")
    ap.add_argument("--defer", action="append")
    ap.add_argument("--defer-count", type=int, default=1)
    ap.add_argument("--reject", action="append")
    ap.add_argument("--reject-sender")
    ap.add_argument("--no-pipelining", action="store_true")
    ap.add_argument("--no-8bitmime", action="store_true")
    ap.add_argument("--size", type=int, default=64 * 1024 * 1024)
    ap.add_argument("--stall", action="store_true")
    ap.add_argument("--close-in-data", action="store_true")
    ap.add_argument("--close-after-each", action="store_true")
    ap.add_argument("--no-ehlo", action="store_true")
    ap.add_argument("--greeting-554", action="store_true")
    args = ap.parse_args()
    handler = Handler(args)

    class PeerSMTP(SMTP):
        async def smtp_EHLO(self, hostname):
            if args.no_ehlo:
                await self.push("502 5.5.1 EHLO not implemented")
                return
            await super().smtp_EHLO(hostname)

        async def smtp_MAIL(self, arg):
            if getattr(self.session, "close_at_mail", False):
                self.transport.close()
                return
            await super().smtp_MAIL(arg)

    async def run():
        loop = asyncio.get_running_loop()
        stop = loop.create_future()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
        if args.greeting_554:
            server = await asyncio.start_server(greeting_554, "127.0.0.1", 0)
        else:
            # decode_data=False keeps the bytes (and offers 8BITMIME); hostname given so that no DNS is asked.
            server = await loop.create_server(
                lambda: PeerSMTP(handler, hostname="peer.vitrine.test", decode_data=False,
                                 data_size_limit=args.size or None),
                "127.0.0.1", 0)
        print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
        await stop
        server.close()

    asyncio.run(run())


if __name__ == "__main__":
    main()
