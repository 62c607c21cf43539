; expect: error '007' is not a number
(declare-const x Int)
(assert (= x 007))
(check-sat)
