"""The one error hierarchy: every failure a user can cause is one of these."""


class PolicyKGError(Exception):
    """Root of all policykg errors; the CLI prints these as one line."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint


class ConfigError(PolicyKGError):
    """A setting is missing or invalid."""


class LoadError(PolicyKGError):
    """A file could not be read as a policy document."""


class ExtractError(PolicyKGError):
    """Entities or relations could not be extracted from a document."""


class StoreError(PolicyKGError):
    """The graph store could not be reached, started or written."""


class QueryError(PolicyKGError):
    """A query was refused or failed."""
