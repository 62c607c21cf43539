; expect: disproved
(declare-const x Int)
(assert (> x 0))
(get-model)
(get-info :name)
(get-option :produce-models)
(get-assertions)
(check-sat)
