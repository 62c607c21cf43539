; expect: error (reset ...) is not allowed
(assert false)
(reset)
(declare-const x Int)
(assert (> x 0))
(check-sat)
