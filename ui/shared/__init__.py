"""What every screen shares: widgets, background work, fonts, the error hook."""
