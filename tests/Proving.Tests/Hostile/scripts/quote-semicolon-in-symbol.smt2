; expect: disproved
(declare-const |a;b| Int)
(assert (> |a;b| 0))
(check-sat)
