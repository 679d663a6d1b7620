"""Merchant settings screen."""
