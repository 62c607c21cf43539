; expect: proved
(push 1)
(declare-const x Int)
(assert (> x 0))
(pop 1)
(declare-const y Int)
(assert (> y y))
(check-sat)
