; expect: error character U+00A0
(declare-const{U+00A0}x Int)
(assert (> x 0))
(check-sat)
