"""``confidant``: the command line that scripts, tests and bank IT use.

Every command takes ``--vault PATH`` (before or after its own words; else
``CONFIDANT_VAULT``; else the user's data folder) and ``--json`` where it prints data.
The passphrase comes from a prompt or ``CONFIDANT_PASSPHRASE`` (``CONFIDANT_NEW_PASSPHRASE``
for ``passwd``). Errors go to stderr as one sentence that says what to do, with a
non-zero exit; never a traceback for a user's mistake (set ``CONFIDANT_DEBUG=1`` to see
one for a bug). With no command, ``confidant`` opens the desktop app.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from app.cli_commands import COMMANDS
from app.domain import passphrase as rules
from app.domain.errors import ConfidantError
from app.services.config import AppPaths
from app.services.workspace import DEFAULT_KDF, KdfParams

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 70


class Context:
    """What every command needs: resolved paths, output mode, passphrase input."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.paths = AppPaths.resolve(getattr(args, "vault", None))
        self.json = bool(getattr(args, "json", False))
        self.vault_given = bool(getattr(args, "vault", None) or os.environ.get("CONFIDANT_VAULT"))

    def passphrase(self, prompt: str = "Passphrase: ", env: str = "CONFIDANT_PASSPHRASE") -> str:
        value = os.environ.get(env)
        if value is not None:
            return value
        if not sys.stdin.isatty():
            raise ConfidantError(
                f"No passphrase given: set {env} or run the command in a terminal."
            )
        return getpass.getpass(prompt)

    def new_passphrase(self, env: str = "CONFIDANT_PASSPHRASE") -> str:
        value = os.environ.get(env)
        if value is None:
            value = self.passphrase("New passphrase: ", env)
            if self.passphrase("Repeat it: ", env) != value:
                raise ConfidantError("The two passphrases differ; nothing was changed. Try again.")
        found = rules.problems(value)
        if found:
            raise ConfidantError("That passphrase is too weak: " + " ".join(found))
        return value

    def kdf(self) -> KdfParams:
        memory = getattr(self.args, "kdf_memory_mib", None)
        passes = getattr(self.args, "kdf_passes", None)
        if memory is None and passes is None:
            return DEFAULT_KDF
        kdf = KdfParams(
            memory_kib=(memory or DEFAULT_KDF.memory_kib // 1024) * 1024,
            passes=passes or DEFAULT_KDF.passes,
            lanes=DEFAULT_KDF.lanes,
        )
        if kdf.is_weaker_than_policy():
            warn(
                "warning: these key-derivation settings are below the bank's floor "
                "(64 MiB, 3 passes); use them for tests only."
            )
        return kdf

    def out(self, text: str = "") -> None:
        print(text)


def warn(text: str) -> None:
    print(text, file=sys.stderr)


def _common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--vault",
        metavar="PATH",
        default=default,
        help="vault folder (else $CONFIDANT_VAULT, else the user data folder)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="machine-readable output on stdout",
    )


def _kdf_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kdf-memory-mib",
        type=int,
        metavar="MIB",
        help=f"Argon2id memory (default {DEFAULT_KDF.memory_kib // 1024})",
    )
    parser.add_argument(
        "--kdf-passes",
        type=int,
        metavar="N",
        help=f"Argon2id passes (default {DEFAULT_KDF.passes})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="confidant",
        description="Confidant (私行知己): a private banker's encrypted client book. "
        "With no command, opens the desktop app.",
    )
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for spec in COMMANDS:
        spec.add(sub, _common, _kdf_options)
    return parser


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[Context], int] | None = getattr(args, "handler", None)
    if handler is None:
        if args.command is not None:  # a group such as `clients` without its verb
            group = args.command
            warn(f"confidant: `{group}` needs a command; see `confidant {group} --help`.")
            return EXIT_USAGE
        from app.cli_commands import open_app

        return open_app(Context(args))
    return handler(Context(args))


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except ConfidantError as exc:
        warn(f"confidant: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        warn("confidant: interrupted; the vault is unchanged by the unfinished step.")
        return 130
    except OSError as exc:
        warn(
            f"confidant: {exc.strerror or exc} ({exc.filename or 'file'}); check the path "
            "and its permissions, then try again."
        )
        return EXIT_ERROR
    except Exception as exc:  # a bug: say so plainly, without client data in a traceback
        if os.environ.get("CONFIDANT_DEBUG"):
            traceback.print_exc()
        warn(
            f"confidant: internal error ({type(exc).__name__}); nothing more was changed. "
            "Run `confidant verify`, and report this with CONFIDANT_DEBUG=1 output to bank IT."
        )
        return EXIT_BUG


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()


__all__ = ["Context", "Path", "build_parser", "main"]
