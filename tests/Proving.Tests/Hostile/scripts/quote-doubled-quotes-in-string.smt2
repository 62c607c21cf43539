; expect: disproved
(set-info :source "say ""unsat"" (echo ""x"")")
(declare-const x Int)
(assert (> x 0))
(check-sat)
