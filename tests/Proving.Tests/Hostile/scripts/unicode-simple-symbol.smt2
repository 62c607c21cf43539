; expect: error write it as a |quoted symbol|
(declare-const λ Int)
(assert (> λ 0))
(check-sat)
