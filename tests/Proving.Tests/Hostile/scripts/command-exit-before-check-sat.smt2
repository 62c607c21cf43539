; expect: error (exit ...) is not allowed
(declare-const x Int)
(assert (> x 0))
(exit)
(assert (< x 0))
(check-sat)
