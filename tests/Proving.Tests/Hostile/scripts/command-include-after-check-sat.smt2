; expect: error (include ...) is not allowed
(declare-const x Int)
(assert (> x 0))
(check-sat)
(include "{TAG}.smt2")
