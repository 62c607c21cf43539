; expect: error (include ...) is not allowed
(declare-const x Int)
(assert (> x 0))
(include "{TARGET}/other.smt2")
(check-sat)
