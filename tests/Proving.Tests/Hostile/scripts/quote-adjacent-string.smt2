; expect: error must be separated
(declare-const x Int)
(assert (> x 0))(set-info :a x"unsat")
(check-sat)
