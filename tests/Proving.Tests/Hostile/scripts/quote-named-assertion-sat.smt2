; expect: proved
(declare-const x Int)
(assert (! (> x 0) :named |sat|))
(assert (! (< x 0) :named unsat))
(check-sat)
