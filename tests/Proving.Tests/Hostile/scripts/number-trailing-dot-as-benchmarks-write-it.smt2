; expect: proved
(declare-const x Real)
(assert (= x 2.))
(assert (> x 3.))
(check-sat)
