"""Recognise image data by its signature (tiles from the network, a union's logo)."""

from __future__ import annotations


def sniff_image_type(data: bytes) -> str | None:
    """The MIME type of PNG/JPEG/WebP data, or None (an error page, a text file…)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
