"""The one exception family the core raises for anything a person did wrong or must know about."""


class LoyaltyError(Exception):
    """A refusal with a stable machine code and a message a cashier can read."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0])


class NotFound(LoyaltyError):
    code = "not_found"


class Refused(LoyaltyError):
    """The request is understood but the rules or the balance do not allow it."""

    code = "refused"


class StorageError(LoyaltyError):
    """The database could not do what was asked; nothing was written."""

    code = "storage"
