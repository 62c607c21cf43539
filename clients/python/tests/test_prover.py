"""The client against a real `hms serve --storage memory` over loopback gRPC, with the real solvers."""

from __future__ import annotations

import re
import unittest
import uuid
from fractions import Fraction

from hms_client import (AlreadyExists, DeadlineExceeded, InvalidTheorem, NotFound, ObligationStatus, ProgressKind,
                        Prover, ProverUnavailable, Status, Value, Verdict)
from hms_client._wire import pb

from .serve import Serve, free_ports

serve: Serve | None = None

# Not decidable by the solvers (nonlinear integers: Fermat's cubic case) and not refutable by a search, so
# it is still running when a test cancels it or its deadline passes.
SLOW_STATEMENT = "x^3 + y^3 != z^3"
SLOW_ASSUMPTIONS = ["x >= 1", "y >= 1", "z >= 1"]
SLOW_VARIABLES = {"x": "Int", "y": "Int", "z": "Int"}


def setUpModule() -> None:
    global serve
    serve = Serve()


def tearDownModule() -> None:
    if serve is not None:
        serve.stop()


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class ProverTest(unittest.TestCase):
    def exact(self, value: Value) -> Fraction:
        """The value as a number; fails the test unless the client made it an exact Fraction."""
        if not isinstance(value, Fraction):
            self.fail(f"{value!r} is not an exact number")
        return value

    @property
    def prover(self) -> Prover:
        assert serve is not None
        return serve.prover

    def test_a_true_theorem_is_proved_with_every_obligation_proved(self) -> None:
        verdict = self.prover.prove("a^2 + b^2 >= 2*a*b", assumptions=["a >= 0"], variables={"a": "Real", "b": "Real"},
                                    strategy="z3", timeout=120)
        self.assertIs(verdict.status, Status.PROVED, verdict)
        self.assertTrue(verdict.proved and verdict.finished)
        self.assertEqual({}, verdict.counterexample)
        self.assertTrue(verdict.obligations)
        for obligation in verdict.obligations:
            self.assertIs(obligation.status, ObligationStatus.PROVED, obligation)
            self.assertEqual("z3", obligation.strategy, "the strategy option reaches the server")
        self.assertEqual(("a >= 0",), verdict.assumptions)
        self.assertIn("PROVED", repr(verdict))
        self.assertIn("<table>", verdict._repr_html_())

    def test_a_false_theorem_is_disproved_with_exact_values_that_refute_it(self) -> None:
        verdict = self.prover.prove("p*q >= p", assumptions=["p > 0"], timeout=120)
        self.assertIs(verdict.status, Status.DISPROVED, verdict)
        self.assertTrue(verdict.counterexample_validated)
        self.assertEqual("exact", verdict.counterexample_validation)
        p, q = self.exact(verdict.counterexample["p"]), self.exact(verdict.counterexample["q"])
        self.assertTrue(p > 0 and not p * q >= p, f"p={p}, q={q} must satisfy the assumption and break the claim")
        self.assertIn("p=", repr(verdict))

    def test_a_counterexample_that_is_a_proper_fraction_arrives_exact(self) -> None:
        verdict = self.prover.prove("3*x != 2", timeout=120)
        self.assertIs(verdict.status, Status.DISPROVED, verdict)
        self.assertEqual({"x": Fraction(2, 3)}, verdict.counterexample, "the only refutation is x = 2/3")

    def test_integer_and_boolean_counterexamples_have_their_sorts(self) -> None:
        verdict = self.prover.prove("n*n > n or b", variables={"n": "Int", "b": "Bool"}, timeout=120)
        self.assertIs(verdict.status, Status.DISPROVED, verdict)
        n, b = self.exact(verdict.counterexample["n"]), verdict.counterexample["b"]
        self.assertIs(b, False)
        self.assertEqual(1, n.denominator)
        self.assertLessEqual(n * n, n)

    def test_an_invalid_theorem_raises_with_the_parsers_line_and_column_and_is_not_stored(self) -> None:
        with self.assertRaises(InvalidTheorem) as raised:
            self.prover.prove("x > 0 and\n  y + * 2 > 1", timeout=60)
        message = str(raised.exception)
        self.assertRegex(message, r"\b2:\d+\b", "the error names line 2 and a column")
        self.assertIsInstance(raised.exception, ValueError)
        theorem_id = raised.exception.theorem_id
        assert theorem_id is not None
        with self.assertRaises(NotFound):
            self.prover.get(theorem_id)

    def test_an_unknown_variable_type_is_invalid(self) -> None:
        with self.assertRaises(InvalidTheorem) as raised:
            self.prover.submit("x >= x", variables={"x": "Complex"})
        self.assertIn("Complex", raised.exception.message)

    def test_watch_yields_every_event_in_order_and_ends_with_completion(self) -> None:
        handle = self.prover.submit("x/y >= 0", assumptions=["x >= 0", "y > 0"], id=unique("watch"))
        events = list(self.prover.watch(handle, timeout=120))
        self.assertEqual(list(range(1, len(events) + 1)), [e.sequence for e in events], events)
        self.assertIs(events[0].kind, ProgressKind.SUBMITTED)
        self.assertIs(events[-1].kind, ProgressKind.COMPLETED)
        self.assertEqual(1, sum(1 for e in events if e.completed))
        self.assertTrue(all(e.theorem_id == handle.id for e in events))
        verdict = self.prover.get(handle)
        self.assertIs(verdict.status, Status.PROVED, verdict)
        self.assertIs(events[-1].theorem_status, verdict.status)
        decomposed = [e for e in events if e.kind is ProgressKind.DECOMPOSED]
        self.assertEqual([len(verdict.obligations)], [e.obligation_count for e in decomposed])
        finished = {e.obligation_id for e in events if e.kind is ProgressKind.OBLIGATION_FINISHED}
        self.assertEqual({o.id for o in verdict.obligations}, finished)

        replay = list(self.prover.watch(handle.id, after_sequence=2, timeout=60))
        self.assertEqual([e.sequence for e in events[2:]], [e.sequence for e in replay])
        self.assertTrue(replay[-1].completed)

    def test_list_pages_through_every_theorem_of_a_domain_in_id_order(self) -> None:
        domain = unique("paging")
        statements = ["a + 1 > a", "b*b >= 0", "c >= c", "d > d + 1", "e*e > e"]
        handles = [self.prover.submit(s, id=f"{domain}-{i}", domain=domain) for i, s in enumerate(statements)]
        verdicts = [self.prover.wait(h, timeout=120) for h in handles]
        self.assertEqual([Status.PROVED] * 3 + [Status.DISPROVED] * 2, [v.status for v in verdicts])

        listed = list(self.prover.list(domain=domain, page_size=2))
        self.assertEqual(sorted(h.id for h in handles), [v.id for v in listed], "5 theorems in pages of at most 2")
        self.assertTrue(all(isinstance(v, Verdict) and v.domain == domain for v in listed))
        disproved = [v.id for v in self.prover.list(domain=domain, status=Status.DISPROVED, page_size=1)]
        self.assertEqual([f"{domain}-3", f"{domain}-4"], disproved)

    def test_cancel_stops_a_running_proof_and_keeps_a_finished_verdict(self) -> None:
        handle = self.prover.submit(SLOW_STATEMENT, SLOW_ASSUMPTIONS, SLOW_VARIABLES, solver_timeout=120, id=unique("cancel"))
        cancelled = self.prover.cancel(handle)
        self.assertEqual(handle.id, cancelled.id)
        self.assertIs(cancelled.status, Status.CANCELLED)
        events = list(self.prover.watch(handle, timeout=60))
        self.assertTrue(events[-1].completed)
        self.assertIs(events[-1].theorem_status, Status.CANCELLED)
        self.assertIs(self.prover.get(handle).status, Status.CANCELLED)

        proved = self.prover.prove("k - k = 0", timeout=120)
        self.assertIs(proved.status, Status.PROVED)
        self.assertIs(self.prover.cancel(proved.id).status, Status.PROVED)

    def test_a_passed_deadline_raises_and_cancels_the_proof(self) -> None:
        handle = self.prover.submit(SLOW_STATEMENT, SLOW_ASSUMPTIONS, SLOW_VARIABLES, solver_timeout=120, id=unique("deadline"))
        with self.assertRaises(DeadlineExceeded) as raised:
            # The same id and content: this call waits on the proof submitted above.
            self.prover.prove(SLOW_STATEMENT, SLOW_ASSUMPTIONS, SLOW_VARIABLES, solver_timeout=120, id=handle.id, timeout=3)
        self.assertEqual(handle.id, raised.exception.theorem_id)
        self.assertIsInstance(raised.exception, TimeoutError)
        self.assertIs(self.prover.wait(handle, timeout=60).status, Status.CANCELLED)

    def test_unknown_ids_are_not_found(self) -> None:
        missing = unique("missing")
        with self.assertRaises(NotFound):
            self.prover.get(missing)
        with self.assertRaises(NotFound):
            self.prover.cancel(missing)
        with self.assertRaises(NotFound) as raised:
            next(self.prover.watch(missing, timeout=30))
        self.assertIn(missing, raised.exception.message)

    def test_other_content_under_a_known_id_already_exists_unless_replaced(self) -> None:
        theorem_id = unique("exists")
        self.prover.submit("u >= u", id=theorem_id)
        self.assertIs(self.prover.wait(theorem_id, timeout=120).status, Status.PROVED)
        again = self.prover.submit("u >= u", id=theorem_id)
        self.assertIs(again.status, Status.PROVED, "the same content again is a no-op that keeps the verdict")
        with self.assertRaises(AlreadyExists):
            self.prover.submit("v > v", id=theorem_id)
        self.prover.submit("v > v", id=theorem_id, replace=True)
        verdict = self.prover.wait(theorem_id, timeout=120)
        self.assertEqual("v > v", verdict.statement)
        self.assertIs(verdict.status, Status.DISPROVED)

    def test_read_mask_fills_only_the_named_fields(self) -> None:
        verdict = self.prover.prove("m + 0 = m", timeout=120)
        masked = self.prover.get(verdict.id, fields=["status"])
        self.assertIs(masked.status, Status.PROVED)
        self.assertEqual("", masked.statement)
        self.assertEqual((), masked.obligations)

    def test_the_performance_report_counts_the_solver_goals_of_a_proof(self) -> None:
        self.prover.prove("r*r + 19 >= 19", id=unique("py-report"), timeout=60)
        report = self.prover.performance_report()
        counts = {s.stage: s.count for s in report.stages}
        self.assertGreater(counts[pb.PERFORMANCE_STAGE_SOLVER], 0)
        self.assertGreater(report.theorems_completed, 0)
        self.assertTrue(report.scope.startswith("silo "))
        self.assertIn(report.bottleneck, [stage for stage, count in counts.items() if count > 0])

    def test_context_manager_closes_its_own_channel(self) -> None:
        assert serve is not None
        with Prover(serve.target) as prover:
            self.assertTrue(prover.healthy())
        with self.assertRaises(ValueError):  # grpc refuses calls on a closed channel
            prover.get("anything")


class NoServerTest(unittest.TestCase):
    def test_nobody_listening_is_prover_unavailable(self) -> None:
        (port,) = free_ports(1)
        with Prover(f"http://127.0.0.1:{port}") as prover:
            self.assertFalse(prover.healthy(timeout=5))
            with self.assertRaises(ProverUnavailable) as raised:
                prover.prove("x >= x", timeout=30)
            self.assertIsInstance(raised.exception, ConnectionError)


if __name__ == "__main__":
    unittest.main()
