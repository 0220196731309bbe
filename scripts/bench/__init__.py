"""`make bench`: this client side by side with raw httpx and the official SDK, ratios within one run."""
