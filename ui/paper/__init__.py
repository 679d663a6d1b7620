"""Shipments and deficiency returns: the paper-form workflow screens."""
