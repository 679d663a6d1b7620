"""Kofuri Desk back office without a screen: domain rules, database, services, file formats."""

__version__ = "0.1.0"
