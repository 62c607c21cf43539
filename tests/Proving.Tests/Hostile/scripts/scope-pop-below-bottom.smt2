; expect: error z3 error:
(declare-const x Int)
(pop 5)
(assert (> x 0))
(check-sat)
