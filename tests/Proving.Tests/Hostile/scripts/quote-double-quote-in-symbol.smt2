; expect: disproved
(declare-const |x"y| Int)
(assert (> |x"y| 0))
(check-sat)
