; expect: error z3 error:
(declare-const x Int)
(assert (> x 0))
(check-sat-assuming (|unsat| sat))
