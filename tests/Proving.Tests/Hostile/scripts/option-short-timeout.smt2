; expect: proved-or-unknown
(set-option :timeout 1)
(declare-const x Int)
(assert (> x 0))
(assert (< x 0))
(check-sat)
