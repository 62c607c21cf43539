; expect: disproved
(declare-const hms-done-1 Int)
(assert (> hms-done-1 0))
(check-sat)
