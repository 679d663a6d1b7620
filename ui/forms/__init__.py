"""Request form and cover sheet preview and printing."""
