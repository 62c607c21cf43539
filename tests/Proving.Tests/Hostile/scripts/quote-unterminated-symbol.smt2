; expect: error unterminated quoted symbol
(declare-const x Int)
(assert (> x 0))
(check-sat)
(declare-const |x Int)
