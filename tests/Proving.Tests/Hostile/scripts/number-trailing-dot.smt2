; expect: error '1.' is not a number
(declare-const x Real)
(assert (= x 1.))
(check-sat)
