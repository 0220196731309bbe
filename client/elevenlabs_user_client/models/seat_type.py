from enum import StrEnum

from .._parse import unknown_member


class SeatType(StrEnum):
    """Seat types for workspace members.

    The values the spec lists; a value it does not list parses to a member that keeps it (`is_known` is False)."""

    WORKSPACE_ADMIN = "workspace_admin"
    WORKSPACE_LITE_MEMBER = "workspace_lite_member"
    WORKSPACE_MEMBER = "workspace_member"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec did not list when this client was generated."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def _missing_(cls, value: object) -> "SeatType | None":
        member: SeatType | None = unknown_member(cls, value)
        return member


_BY_VALUE: dict[str, SeatType] = {member.value: member for member in SeatType}
