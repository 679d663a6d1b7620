"""The paper-form workflow: shipments to the collection agency and deficiency returns (COVER-1, DEF-1)."""
