2; Majority rule with three voters is neutral: swapping the alternatives in every ballot swaps the outcome.
; The script asserts the negation of the claim, so unsat means the claim holds.
(set-info :status unsat)
(set-logic QF_UF)
(declare-const v1 Bool)
(declare-const v2 Bool)
(declare-const v3 Bool)
(define-fun maj ((a Bool) (b Bool) (c Bool)) Bool (or (and a b) (and a c) (and b c)))
(assert (not (= (maj (not v1) (not v2) (not v3)) (not (maj v1 v2 v3)))))
(check-sat)
