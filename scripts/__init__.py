"""Workflow scripts of elevenlabs-user-client: importer, generation, diff, release, demo, bench, record."""
