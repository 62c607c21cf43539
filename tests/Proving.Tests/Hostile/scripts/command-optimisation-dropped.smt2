; expect: disproved
(declare-const x Int)
(assert (> x 0))
(assert-soft (< x 0))
(minimize x)
(check-sat)
