from enum import StrEnum

from .._parse import unknown_member


class Region(StrEnum):
    """Base URLs of the ElevenLabs regions, derived by the importer from this document's servers; each member is named
        by its server's x-region-name.

    The values the spec lists; a value it does not list parses to a member that keeps it (`is_known` is False)."""

    EU_RESIDENCY = "https://api.eu.residency.elevenlabs.io"
    IN_RESIDENCY = "https://api.in.residency.elevenlabs.io"
    PRODUCTION = "https://api.elevenlabs.io"
    SG_RESIDENCY = "https://api.sg.residency.elevenlabs.io"
    US = "https://api.us.elevenlabs.io"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec did not list when this client was generated."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def _missing_(cls, value: object) -> "Region | None":
        member: Region | None = unknown_member(cls, value)
        return member


_BY_VALUE: dict[str, Region] = {member.value: member for member in Region}
