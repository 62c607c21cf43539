; expect: error expected a command
sat
(declare-const x Int)
(assert (> x 0))
(check-sat)
