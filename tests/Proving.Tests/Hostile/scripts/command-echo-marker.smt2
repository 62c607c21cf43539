; expect: error (echo ...) is not allowed
(declare-const x Int)
(assert (> x 0))
(assert (< x 0))
(echo "sat")
(echo "hms-done-1")
(echo "((x 5))")
(check-sat)
