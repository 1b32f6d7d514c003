"""The Processing provider `ign_offline` and its algorithms, one per module."""
