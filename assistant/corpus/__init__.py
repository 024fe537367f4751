"""The corpus: role guides (`guides`, `text`) and listing snapshots (`listings`), the index's only input."""
