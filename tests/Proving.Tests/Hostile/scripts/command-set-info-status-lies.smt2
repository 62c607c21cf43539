; expect: disproved
(set-info :status unsat)
(declare-const x Int)
(assert (> x 0))
(check-sat)
