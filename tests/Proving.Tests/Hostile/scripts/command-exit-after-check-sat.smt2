; expect: disproved
(declare-const x Int)
(assert (> x 0))
(check-sat)
(exit)
