; expect: error (eval ...) is not allowed
(declare-const x Int)
(assert (> x 0))
(eval x)
(check-sat)
