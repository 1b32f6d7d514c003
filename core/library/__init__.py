"""The offline library: plans, per-layer jobs, inventory, and merging files of one layer."""
