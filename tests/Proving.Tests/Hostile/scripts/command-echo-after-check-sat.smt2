; expect: error (echo ...) is not allowed
(declare-const x Int)
(assert (> x 0))
(check-sat)
(echo "unsat")
