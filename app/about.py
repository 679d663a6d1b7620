"""What the About box shows (バージョン情報): the program, the database in use, the bank data, and the licences of
the fonts and libraries the program ships with. Plain data; the screen adds Qt's own version."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata

from app import __version__, resources
from app.db.database import Database
from app.db.migrate import current_revision, head_revision
from app.domain import bank_codes

# (distribution on PyPI, the name shown, its licence). The licences are those the projects publish.
LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("PySide6", "Qt for Python (PySide6) / Qt", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("reportlab", "ReportLab", "BSD-3-Clause"),
    ("openpyxl", "openpyxl", "MIT"),
    ("lxml", "lxml", "BSD-3-Clause"),
    ("pypdf", "pypdf", "BSD-3-Clause"),
    ("zengin-code", "zengin-code", "MIT"),
    ("jpholiday", "jpholiday", "MIT"),
    ("jaconv", "jaconv", "MIT"),
    ("argon2-cffi", "argon2-cffi", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("Faker", "Faker", "MIT"),
    ("psycopg", "psycopg", "LGPL-3.0"),
)
FONTS: tuple[tuple[str, str], ...] = (
    ("IPAexゴシック (ipaexg.ttf)", "IPA Font License Agreement v1.0"),
    ("IPAex明朝 (ipaexm.ttf)", "IPA Font License Agreement v1.0"),
)


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str


@dataclass(frozen=True)
class AboutInfo:
    version: str
    database: str
    schema_revision: str
    schema_head: str
    bank_data_version: str
    python_version: str
    libraries: tuple[Library, ...]
    fonts: tuple[tuple[str, str], ...]
    font_licence_text: str


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "—"


def font_licence_text() -> str:
    try:
        return resources.resource_path("fonts", resources.FONT_LICENSE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def about_info(db: Database) -> AboutInfo:
    return AboutInfo(
        version=__version__,
        database=db.location,
        schema_revision=current_revision(db) or "—",
        schema_head=head_revision(db) or "—",
        bank_data_version=bank_codes.data_version(),
        python_version=f"{platform.python_version()} ({sys.platform})",
        libraries=tuple(Library(shown, _version(dist), licence) for dist, shown, licence in LIBRARIES),
        fonts=FONTS,
        font_licence_text=font_licence_text(),
    )
