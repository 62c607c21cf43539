; expect: disproved
(declare-const x Int)
(assert (> x 0))
(check-sat)
(get-value (x))
(get-model)
(get-info :reason-unknown)
