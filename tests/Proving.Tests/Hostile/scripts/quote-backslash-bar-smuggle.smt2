; expect: error backslash is not allowed in a quoted symbol
(declare-const x Int)
(assert (not (> x 0)))
(declare-const |A\| B |Int) (echo "unsat") (echo "hms-done-1") (declare-const | C \|D| Int)
(check-sat)
