; expect: disproved
(declare-const |let| Int)
(assert (> |let| 0))
(check-sat)
