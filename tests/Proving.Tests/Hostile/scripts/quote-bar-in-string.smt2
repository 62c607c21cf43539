; expect: disproved
(set-info :source "|x| (echo |y|)")
(declare-const x Int)
(assert (> x 0))
(check-sat)
