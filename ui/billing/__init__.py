"""The monthly billing screen."""
