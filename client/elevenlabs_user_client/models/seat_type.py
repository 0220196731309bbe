from enum import StrEnum


class SeatType(StrEnum):
    WORKSPACE_ADMIN = "workspace_admin"
    WORKSPACE_LITE_MEMBER = "workspace_lite_member"
    WORKSPACE_MEMBER = "workspace_member"

    def __str__(self) -> str:
        return str(self.value)
