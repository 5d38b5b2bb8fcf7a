"""Encrypted storage: key slots, the SQLCipher engine, the ORM models and migrations.

A vault is a folder with two files: ``vault.db`` (SQLCipher, raw 256-bit key) and
``keys.json`` (the data key, only ever stored wrapped in key slots).
"""
