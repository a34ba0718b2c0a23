#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests and CI (aiosmtpd, from PyPI).

Every message it accepts is parsed with Python's e-mail package, as a mail program would,
and written as one JSON line to --out: envelope, decoded subject, plain and HTML bodies,
headers, whether the session was encrypted and who logged in. Prints «ready PORT» once
it listens.

  --tls CERT KEY      offer STARTTLS with this certificate and require it before AUTH
  --auth USER:PASS    require this login (PLAIN or LOGIN)
  --defer N           answer the first N messages with 451 (try again later)
  --reject ADDRESS    refuse this recipient with 550
  --delay SECONDS     wait this long before accepting each message's data
  --close-on-starttls agree to STARTTLS (220), then close the connection at once
"""
import argparse
import asyncio
import email
import email.policy
import json
import signal
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    def __init__(self, args):
        self.args = args
        self.deferred = 0
        self.out = open(args.out, "a", encoding="utf-8")

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.args.reject and address == self.args.reject:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.deferred < self.args.defer:
            self.deferred += 1
            return "451 4.3.0 Try again later"
        if self.args.delay:
            await asyncio.sleep(self.args.delay)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        plain = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(message["Subject"]),
            "message_id": str(message["Message-ID"]),
            "headers": {name: str(value) for name, value in message.items()},
            "text": plain.get_content() if plain is not None else None,
            "html": html.get_content() if html is not None else None,
            "tls": session.ssl is not None,
            "login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
            "defects": [str(d) for d in message.defects],
        }
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()
        return "250 2.0.0 Accepted"


class ClosingOnStartTLS(SMTP):
    """Agrees to STARTTLS and hangs up: a server that dies or drops the line at that moment."""

    async def smtp_STARTTLS(self, arg):
        await self.push("220 Ready to start TLS")
        self.transport.close()


class ClosingController(Controller):
    def factory(self):
        return ClosingOnStartTLS(self.handler, **self.SMTP_kwargs)


def main():
    # A parent may hand down SIGTERM blocked or ignored; this server stops on it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth")
    parser.add_argument("--defer", type=int, default=0)
    parser.add_argument("--reject")
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--close-on-starttls", action="store_true")
    args = parser.parse_args()

    options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls[0], args.tls[1])
        options["tls_context"] = context
        options["require_starttls"] = True
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        options["authenticator"] = authenticate
        options["auth_required"] = True
        options["auth_require_tls"] = bool(args.tls)
    else:
        options["auth_require_tls"] = False

    port = free_port()
    kind = ClosingController if args.close_on_starttls else Controller
    controller = kind(Sink(args), hostname="127.0.0.1", port=port, **options)
    controller.start()
    print(f"ready {port}", flush=True)
    try:
        sys.stdin.read()  # runs until the test closes stdin or kills it
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
