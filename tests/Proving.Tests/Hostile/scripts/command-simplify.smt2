; expect: error (simplify ...) is not allowed
(declare-const x Int)
(assert (> x 0))
(simplify (+ 1 2))
(check-sat)
