"""A typed Python client of the HMS theorem prover's gRPC API (hms.theorem_prover.v1.TheoremProver).

    from hms_client import Prover
    with Prover("127.0.0.1:5000") as prover:
        verdict = prover.prove("p*q >= p", assumptions=["p > 0"])
        verdict.status, verdict.counterexample      # DISPROVED, {'p': Fraction(1, 1), 'q': Fraction(0, 1)}
"""

from .errors import (AlreadyExists, Cancelled, DeadlineExceeded, InvalidTheorem, NotFound, ProverError,
                     ProverUnavailable, ResourceExhausted)
from .handle import Handle
from .obligation import Obligation
from .progress import Progress
from .prover import Prover
from .status import Complexity, Format, ObligationKind, ObligationStatus, ProgressKind, Status
from .values import Value
from .verdict import Verdict

__all__ = [
    "AlreadyExists", "Cancelled", "Complexity", "DeadlineExceeded", "Format", "Handle", "InvalidTheorem",
    "NotFound", "Obligation", "ObligationKind", "ObligationStatus", "Progress", "ProgressKind", "Prover",
    "ProverError", "ProverUnavailable", "ResourceExhausted", "Status", "Value", "Verdict",
]
