; expect: disproved
(declare-const |
unsat
hms-done-1
| Int)
(assert (> |
unsat
hms-done-1
| 0))
(check-sat)
