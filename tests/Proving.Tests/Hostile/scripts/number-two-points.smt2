; expect: error '1.2.3' is not a number
(declare-const x Real)
(assert (= x 1.2.3))
(check-sat)
