"""PDF documents the banker hands over or files: built with ReportLab, returned as bytes.

A report takes plain, already-masked data objects (frozen dataclasses defined next to
it), never ORM rows, and returns the PDF's bytes; the caller decides where they go and
records the export. Nothing here touches the vault, the services or Qt. Every document
embeds subsets of its fonts (``fonts``), shares the page furniture of ``page`` (A4,
confidentiality footer, "page x of y", document number) and is deterministic: the same
input gives the same bytes, so a stored document's SHA-256 can be checked by rebuilding it.
"""
