"""Reading wire messages into the client's types, without a server."""

from __future__ import annotations

import unittest
from fractions import Fraction

from hms_client import ObligationKind, Progress, ProgressKind, Status, Verdict
from hms_client._wire import pb
from hms_client.values import parse_value


class ValueTest(unittest.TestCase):
    def test_exact_numbers_become_fractions_and_booleans_bools(self) -> None:
        self.assertEqual(Fraction(-3, 4), parse_value("-3/4"))
        self.assertEqual(Fraction(1, 10), parse_value("0.1"))
        self.assertEqual(Fraction(7), parse_value("7"))
        self.assertIs(True, parse_value("true"))
        self.assertIs(False, parse_value("false"))

    def test_an_approximation_stays_text(self) -> None:
        self.assertEqual("≈1.4142135623", parse_value("≈1.4142135623"))
        self.assertEqual("1/0", parse_value("1/0"))


class VerdictTest(unittest.TestCase):
    def hostile(self) -> Verdict:
        theorem = pb.Theorem(id="t", statement="<script>alert(1)</script> > 0", status=pb.THEOREM_STATUS_DISPROVED,
                             assumptions=["a & b"], warnings=["<b>w</b>"])
        theorem.counterexample.assignment["<i>x</i>"] = "1/2"
        theorem.counterexample.validated = True
        theorem.obligations.add(id="claim-1", kind=pb.OBLIGATION_KIND_CLAIM, status=pb.OBLIGATION_STATUS_DISPROVED,
                                description="</table><img src=x onerror=alert(1)>")
        return Verdict.from_wire(theorem)

    def test_wire_fields_map_to_typed_fields(self) -> None:
        verdict = self.hostile()
        self.assertIs(verdict.status, Status.DISPROVED)
        self.assertEqual({"<i>x</i>": Fraction(1, 2)}, verdict.counterexample)
        self.assertIs(verdict.obligations[0].kind, ObligationKind.CLAIM)
        self.assertIsNone(verdict.created_at)

    def test_html_escapes_every_user_string(self) -> None:
        html = self.hostile()._repr_html_()
        for raw in ("<script>", "<b>", "<i>", "<img", "a & b"):
            self.assertNotIn(raw, html)
        self.assertIn("&lt;script&gt;", html)
        self.assertEqual(html.count("<table"), html.count("</table>"), "user text cannot close a table")

    def test_a_status_number_this_client_does_not_know_is_unspecified(self) -> None:
        newer = pb.Theorem(id="t", status=99)  # type: ignore[arg-type]  # a status a newer server could send
        self.assertIs(Verdict.from_wire(newer).status, Status.UNSPECIFIED)

    def test_progress_fields_that_do_not_apply_are_none(self) -> None:
        event = Progress.from_wire(pb.ProveTheoremProgress(theorem_id="t", sequence=1, kind=pb.PROGRESS_KIND_SUBMITTED))
        self.assertIs(event.kind, ProgressKind.SUBMITTED)
        self.assertIsNone(event.obligation_count)
        self.assertIsNone(event.obligation_status)
        self.assertIsNone(event.theorem_status)
        self.assertIsNone(event.generation)


if __name__ == "__main__":
    unittest.main()
