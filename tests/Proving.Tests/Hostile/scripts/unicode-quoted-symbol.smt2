; expect: disproved
(declare-const |λ中😀| Int)
(assert (> |λ中😀| 0))
(check-sat)
